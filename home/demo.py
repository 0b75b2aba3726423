"""Demo content: the home page, and the Early Help offers of the demo partnership (portal.demo).

The offers are built from the current suggested-provision checklist and moved through the real
moderation workflow, so the CMS history reads like a partnership's: 29 schools' and 9 other partners'
offers published (some past their review date), some awaiting moderation, one sent back with a comment,
some drafts, and the rest not started. For the walk-through:

  school.editor@ / school.lead@   Rushey Mead Primary School: a draft, ready to submit
  school.editor@                  Belgrave Hall Primary School: published, review overdue
  secondary.lead@                 English Martyrs' Catholic School: awaiting moderation
  agency.lead@ / agency.editor@   Soft Touch Arts: published
  qa.officer@                     moderates them all

Idempotent: an organisation that already has an offer page is left as it is.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from itertools import cycle

from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Site

from home import rules, services
from home.models import ChecklistSection, HomePage, OfferPage, OfferService, UrgentHelpSettings
from pledges.models import DesignatedLead
from portal.models import Organisation, User
from portal.seeding import demo_seeder

HELP_ROUTES = [
    (
        "Find Early Help near you",
        "Search the Early Help offers of schools, health services, the police, voluntary groups and council services.",
        "Find Early Help",
        "/offers/",
    ),
    (
        "Talk to your child's school",
        "Every school has a Designated Safeguarding Lead who can help or point you to the right service.",
        "School offers",
        "/offers/?kind=school",
    ),
    (
        "Early Help Advice Points",
        "Drop in to an Advice Point in your area for advice on money, housing, parenting and more.",
        "Council services",
        "/offers/?kind=la_service",
    ),
]

BODY = (
    "<p>Leicester's Early Help partnership is schools, early years settings, colleges, health services, the police, "
    "Jobcentre Plus, voluntary and community groups and council services. Each partner has signed five pledges: "
    "to name a Designated Lead, train its staff, make Early Help easy to reach, publish its Early Help offer and "
    "show the difference it makes.</p>"
    "<p>When a family needs more than one service, partners work together through an Early Help Assessment and a "
    "Team Around the Family, with one Lead Practitioner.</p>"
)

# Named organisations the demo accounts belong to, and where their offers stand.
WALKTHROUGH = {
    "Rushey Mead Primary School": "draft",
    "Belgrave Hall Primary School": "overdue",
    "English Martyrs' Catholic School": "awaiting",
    "Soft Touch Arts": "published",
}
# The other schools, in portal.demo order: 28 published (4 of them overdue), 4 awaiting moderation,
# 1 sent back, 3 drafts, the rest not started. Other partners: 8 more published (1 overdue), 1 awaiting, 2 drafts.
SCHOOL_PLAN = ["published"] * 24 + ["overdue"] * 4 + ["awaiting"] * 4 + ["changes"] + ["draft"] * 3
OTHER_PLAN = ["published"] * 7 + ["overdue"] + ["awaiting"] + ["draft"] * 2

PEOPLE = cycle([
    "Sam Patel", "Helen Dawson", "Imran Mistry", "Claire Rowe", "Joseph Okafor", "Priya Chauhan", "Mark Bennett",
    "Aisha Begum", "Lucy Marsh", "David Lewis", "Fatima Karim", "Rachel Green", "Tom Reilly", "Nadia Hussain",
])  # fmt: skip
STREETS = cycle([
    "Melton Road", "Belgrave Gate", "Narborough Road", "Uppingham Road", "Aylestone Road", "Hinckley Road",
    "Saffron Lane", "Humberstone Road", "Fosse Road North", "London Road",
])  # fmt: skip
POSTCODES = {"North West": "LE4 0", "North East": "LE4 6", "Central": "LE2 0", "East": "LE5 4", "South": "LE2 8",
             "West": "LE3 1", None: "LE1 6"}  # fmt: skip
OWN_PROVISION = {
    "attendance": "Breakfast club run with a local food charity",
    "semh": "Wellbeing drop-in with the school nurse every Wednesday",
    "supporting-families": "Coffee mornings for parents new to the area",
    "curriculum": "Homework club for pupils without space to study at home",
}

AGENCY_PATHWAY = {
    Organisation.Sector.HEALTH: (
        "Health visitors and school nurses offer Universal and Universal Plus support: advice, checks and short "
        "pieces of work with the family.",
        "We join or lead a Team Around the Family when health needs are one of several, and share our assessment "
        "with consent.",
        "We refer to children's social care when a child is at risk of significant harm, and stay involved in the "
        "plan.",
    ),
    Organisation.Sector.POLICE: (
        "Neighbourhood officers and PCSOs give advice and link families to local help after an incident.",
        "We contribute information and attend Team Around the Family meetings for families known to us.",
        "We refer immediately to children's social care when a child is at risk, and act to keep them safe.",
    ),
    Organisation.Sector.EMPLOYMENT: (
        "Work coaches help parents into work and check they get the benefits they are entitled to.",
        "A work coach joins the Team Around the Family when worklessness is one of the family's needs.",
        "Staff raise safeguarding concerns with our designated lead, who refers to children's social care.",
    ),
    Organisation.Sector.COUNCIL: (
        "Drop in to an Advice Point, or ring, for advice on money and debt, benefits checks, housing, parenting and "
        "children's behaviour. We help straight away or find the right service with you.",
        "Our family support workers lead Early Help Assessments and run the Team Around the Family.",
        "We pass concerns about a child's safety to the children's social care duty team the same day.",
    ),
    Organisation.Sector.HOUSING: (
        "Housing advisers help families at risk of losing their home to keep it or find another.",
        "We join the Team Around the Family when housing is one of several needs.",
        "We refer to children's social care when a family's housing puts a child at risk.",
    ),
}
DEFAULT_PATHWAY = (
    "Our staff and volunteers listen, give practical help and point families to other local support.",
    "We can be the Lead Practitioner for an Early Help Assessment, or join a Team Around the Family.",
    "Our designated lead refers to children's social care when risk increases, and tells the family unless that "
    "would put the child at risk.",
)
SCHOOL_PATHWAY = (
    "Day-to-day support from class teachers and pastoral staff, and focused pastoral support for children and "
    "families who need more.",
    "Our Designated Safeguarding Lead starts or joins an Early Help Assessment with the family's consent, and we "
    "take part in the Team Around the Family.",
    "If risk increases we refer to children's social care through the duty and advice service, following our "
    "safeguarding policy.",
)


# Other partners' own summaries, so the directory does not repeat one sentence for each of them.
OWN_SUMMARIES = {
    "Soft Touch Arts": "Creative arts with young people: music, film, art and cooking sessions where young people "
    "who are struggling at school or at home build confidence, talk about how they feel and find their way back "
    "into learning.",
    "Home-Start Leicester": "Trained volunteers visit families with young children at home every week: a friendly "
    "ear, help with routines and getting out, and a link to other help when parents feel overwhelmed.",
    "Focus Young People's Service": "Youth workers for 11 to 19 year olds: someone to talk to about school, friends, "
    "anger or worries, in a youth club or one to one.",
    "Safe Families": "Volunteer families who befriend, mentor and, for a night or two, host children so that parents "
    "under strain get a break and support.",
    "Braunstone Community Association": "A community centre in Braunstone with a food pantry, parent and toddler "
    "groups and holiday clubs, and people who help with forms, money and housing.",
    "Belgrave Neighbourhood Centre": "Advice, English classes and family activities in Belgrave, in Gujarati, Punjabi, "
    "Urdu and English.",
    "Leicester Housing Options": "Help for families who are homeless or may lose their home: advice, keeping the home "
    "you have, and finding somewhere safe to live.",
    "Early Help Advice Point – North West": "Drop in or ring for advice on money, benefits, housing, parenting and "
    "children's behaviour in the north west of the city; a family support worker when you need more.",
    "Early Help Advice Point – South": "Drop in or ring for advice on money, benefits, housing, parenting and "
    "children's behaviour in the south of the city; a family support worker when you need more.",
    "Leicestershire Partnership NHS Trust – Families, Young People and Children's Services": "Community health "
    "services for children and families: health visitors, school nurses, speech and language therapy and "
    "children's mental health.",
    "Healthy Together 0-19 Service (North)": "Health visitors and school nurses in the north of the city: checks "
    "and advice from birth to 19, on feeding, sleep, behaviour, growing up and emotional health.",
    "University Hospitals of Leicester – Children's Hospital": "Hospital care for children, with play specialists, "
    "a family liaison team and support for families of children with long-term conditions.",
    "Leicestershire Police – Leicester City": "Neighbourhood officers and PCSOs who help keep children safe: advice "
    "after an incident, online safety and links to local help.",
    "Jobcentre Plus Leicester (Department for Work and Pensions)": "Work coaches who help parents into work, check "
    "the benefits they are entitled to and help with childcare costs.",
    "Leicester City Council – Education and Children's Services": "The council's Early Help and education services: "
    "school admissions, attendance, SEND support and family support across the city.",
    "Leicester City Council – Public Health": "Commissions health visiting, school nursing and young people's "
    "sexual health, drugs and alcohol services for the city.",
    "Leicester City Clinical Commissioning Group": "Commissions children's community health and mental health "
    "services for Leicester's families.",
    "Leicester Safeguarding Children Partnership Board": "The partnership of the council, health and police that "
    "keeps children safe: training for professionals and the city's safeguarding procedures.",
    "Leicester City Council – Youth Service": "Youth clubs, detached youth workers and one-to-one support for young "
    "people aged 11 to 19, and up to 25 with SEND.",
}

# The services partners list on their offer (home/models/services.py): free and paid, self-referral and
# referral only, and one temporarily closed.
DEMO_SERVICES = {
    "Soft Touch Arts": [
        {
            "name": "Creative wellbeing sessions",
            "description": "Weekly music, art and film-making sessions in small groups, where young people who feel "
            "anxious or low can make something, talk with a youth arts worker and feel better about themselves.",
            "min_age": 11, "max_age": 19, "self_referral": True, "professional_referral": True,
            "eligibility": "Young people in Leicester who are finding things hard at home or at school",
            "languages": "English, Punjabi", "step_free": "yes",
            "venue_accessibility": "Ground-floor studios with a ramp at the front door and an accessible toilet.",
        },
        {
            "name": "Back into learning arts course",
            "description": "A twelve-week arts course for young people out of school or at risk of exclusion, with "
            "an Arts Award at the end.",
            "min_age": 13, "max_age": 18, "professional_referral": True, "cost": "paid", "cost_amount": "45",
            "cost_details": "per week, paid by the school or service that refers",
            "eligibility": "Referred by a school, the Youth Service or an Early Help worker",
            "languages": "English", "step_free": "yes",
        },
        {
            "name": "Holiday art club",
            "description": "Drop-in art and cooking sessions in the school holidays, with lunch.",
            "min_age": 8, "max_age": 16, "self_referral": True, "drop_in": True,
            "temporarily_closed": True, "closed_reason": "the studio is being refurbished",
            "reopen_in_days": 40,
        },
    ],
    "Home-Start Leicester": [
        {
            "name": "Home visiting",
            "description": "A volunteer visits your family at home for two hours every week, for as long as it helps.",
            "min_age": 0, "max_age": 5, "self_referral": True, "professional_referral": True,
            "eligibility": "Families with at least one child under five", "languages": "English, Urdu, Polish",
        },
        {
            "name": "Family group",
            "description": "A friendly weekly group for parents and their babies and toddlers.",
            "min_age": 0, "max_age": 4, "self_referral": True, "drop_in": True, "cost": "paid",
            "cost_amount": "1", "cost_details": "per family, for snacks", "step_free": "yes",
        },
    ],
    "Focus Young People's Service": [
        {
            "name": "One-to-one youth work",
            "description": "Six to twelve sessions with a youth worker, about whatever is worrying you.",
            "min_age": 11, "max_age": 19, "self_referral": True, "professional_referral": True,
        },
    ],
    "Early Help Advice Point – North West": [
        {
            "name": "Money and benefits advice",
            "description": "A benefits check, help with debts and forms, and food bank vouchers when you need them.",
            "self_referral": True, "drop_in": True, "languages": "English, Gujarati, Somali",
            "step_free": "yes", "venue_accessibility": "Step-free entrance, hearing loop at reception.",
        },
        {
            "name": "Family support worker",
            "description": "A worker who meets the family at home, leads an Early Help Assessment and a Team Around "
            "the Family.",
            "min_age": 0, "max_age": 18, "professional_referral": True, "self_referral": True,
        },
    ],
    "Early Help Advice Point – South": [
        {
            "name": "Parenting course",
            "description": "A ten-week course for parents of children whose behaviour is hard to manage.",
            "min_age": 3, "max_age": 12, "self_referral": True, "professional_referral": True,
            "languages": "English", "step_free": "no",
            "venue_accessibility": "The group room is up one flight of stairs; ask and we will meet you downstairs.",
        },
    ],
    "Braunstone Community Association": [
        {
            "name": "Community food pantry",
            "description": "Choose ten or more items of food and household goods each week.",
            "self_referral": True, "drop_in": True, "cost": "paid", "cost_amount": "3.50",
            "cost_details": "a week, for members living in Braunstone",
        },
    ],
}  # fmt: skip


def _services(organisation):
    on = rules.today()
    made = []
    for values in DEMO_SERVICES.get(organisation.name, []):
        values = dict(values)
        days = values.pop("reopen_in_days", None)
        if days:
            values["reopens_on"] = on + timedelta(days=days)
        if "cost_amount" in values:
            values["cost_amount"] = Decimal(values["cost_amount"])
        made.append(OfferService(**values))
    return made


GENEROUS = ("primary", "secondary", "routes")  # lists a school ticks half of; a third of the others


def _pick(suggestions, seed, every=2):
    """A believable share of a list: every other item, starting from a place that depends on the school."""
    return [item for i, item in enumerate(suggestions) if (i + seed) % every == 0]


def _checklist_blocks(kind, seed, groups_for_phase):
    blocks = []
    sections = ChecklistSection.objects.filter(checklist__is_current=True, kind=kind).prefetch_related("items")
    for section in sections.order_by("sort_order"):
        value = {"section": section.slug, "name": section.name}
        for group in groups_for_phase:
            items = [item.text for item in section.items.all() if item.group == group]
            picked = _pick(items, seed, every=2 if group in GENEROUS else 3)
            picked = [i for i in picked if "bereavement" not in i.lower()]
            if section.slug == "semh" and seed % 3 == 0:  # a third of the schools offer bereavement support
                picked = [i for i in items if i.startswith("Bereavement")][:1] + picked
            if group in ("primary", "secondary") and section.slug in OWN_PROVISION and seed % 3 == 0:
                picked.append(OWN_PROVISION[section.slug])
            value[group] = picked
        blocks.append((kind, value))
    return blocks


def _fill(page, organisation, seed, plan):
    """Give the page complete, valid content: what an editor would have entered."""
    on = rules.today()
    is_school = organisation.is_school
    name = next(PEOPLE)
    locality = organisation.locality.name if organisation.locality_id else None
    page.summary = f"{organisation.name} supports children and their families as soon as difficulties start: " + (
        "in school every day, with focused pastoral support when it is needed, "
        "and with other services when a family needs more."
        if is_school
        else "we listen, help straight away where we can, and work with other services when a family needs more."
    )
    page.how_to_get_help = (
        f"Talk to any member of staff or ring the {'school office' if is_school else 'team'} and ask for "
        f"{'the Designated Safeguarding Lead' if is_school else 'our designated lead for Early Help'}. "
        "You do not need a referral."
    )
    page.contact_name = name
    page.contact_role = "Designated Safeguarding Lead" if is_school else "Designated lead for Early Help"
    page.address = f"{10 + seed * 3} {next(STREETS)}\nLeicester"
    page.postcode = f"{POSTCODES.get(locality, 'LE1 6')}{'ABDEFGHJL'[seed % 9]}{'NPQRSTUWX'[seed % 9]}"
    opens, closes = (time(8, 30), time(15, 30)) if is_school else (time(9, 0), time(17, 0))
    page.opening_times = [
        (
            "hours",
            {
                "days": ["MO", "TU", "WE", "TH", "FR"],
                "opens_at": opens,
                "closes_at": closes,
                "notes": "Term time only" if is_school else "",
            },
        )
    ]
    page.opening_times_note = "The school office can take messages in the holidays." if is_school else ""
    if is_school:
        phases = rules.provision_phases(organisation.phase)
        page.areas = [
            ("area", v) for _, v in _checklist_blocks(ChecklistSection.Kind.AREA, seed, (*phases, "outcomes"))
        ]
        page.first_response, page.early_help_assessment, page.social_care_referral = SCHOOL_PATHWAY
        page.summary = _school_summary(organisation, page.areas)
    else:
        steps = AGENCY_PATHWAY.get(organisation.sector, DEFAULT_PATHWAY)
        page.first_response, page.early_help_assessment, page.social_care_referral = steps
        page.summary = OWN_SUMMARIES.get(organisation.name, page.summary)
        page.services = _services(organisation)
    page.audiences = [
        ("audience", v) for _, v in _checklist_blocks(ChecklistSection.Kind.AUDIENCE, seed, ("routes", "key_staff"))
    ]
    completed = on - timedelta(days=(420 + seed * 7) if plan == "overdue" else (20 + seed * 9) % 300)
    page.completed_on = completed
    page.review_date = completed + timedelta(days=365)
    signed = completed - timedelta(days=3)
    if is_school:
        page.head_teacher_name, page.head_teacher_signed_on = next(PEOPLE), signed
        page.chair_of_governors_name, page.chair_of_governors_signed_on = next(PEOPLE), signed
        page.senco_name, page.senco_signed_on = next(PEOPLE), signed
        page.dsl_signed_on = signed
    else:
        page.designated_lead_signed_on = signed
    # The sign-off reads the organisation's recorded lead (pledge 1); the pledges' demo data, seeded later,
    # replaces this record for the organisations it names.
    domain = organisation.slug.replace("-", "")[:20]
    DesignatedLead.objects.get_or_create(
        organisation=organisation,
        defaults={"name": name, "role": page.contact_role, "email": f"earlyhelp.lead@{domain}.example.org"},
    )
    return page


def _school_summary(organisation, areas):
    """A school's summary in its own words: a few of the things it offers, so no two read alike."""
    offered = [item for block in areas for item in (*block.value.get("primary", []), *block.value.get("secondary", []))]
    picked = [item[0].lower() + item[1:] for item in offered[1::4][:3]] or ["focused pastoral support"]
    listed = ", ".join(picked[:-1]) + (" and " if len(picked) > 1 else "") + picked[-1]
    return (
        f"At {organisation.name} we help children and families as soon as difficulties start. We offer {listed}, "
        "and work with other services when a family needs more."
    )


def _seed_offer(organisation, plan, seed, officer, admin):
    member = User.objects.filter(memberships__organisation=organisation).order_by("memberships__role", "pk").first()
    editor = member or admin
    page, created = services.start_offer(organisation, editor)
    if not created:
        return None
    _fill(page, organisation, seed, plan)
    if plan == "draft":
        services.save_draft(page, editor)
        return plan
    services.submit_for_moderation(page, editor)
    if plan == "awaiting":
        return plan
    if plan == "changes":
        services.request_changes(
            page, officer, "Please add the measurable outcomes for Transition and SEMH, and the SENCo's sign-off date."
        )
        return plan
    services.approve(page, officer, "Checked on a quality visit.")
    page.refresh_from_db()
    published_at = timezone.make_aware(datetime.combine(page.completed_on + timedelta(days=7), time(10, 0)))
    OfferPage.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)
    return plan


def _alternate(organisations, attribute):
    """Take organisations of each phase (or kind) in turn, so every one is among the published offers."""
    groups = {}
    for organisation in organisations:
        groups.setdefault(getattr(organisation, attribute), []).append(organisation)
    queues = list(groups.values())
    ordered = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


def seed_offers(stdout=None):
    officer = User.objects.filter(email="qa.officer@example.org").first()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    if officer is None or admin is None:
        return {}
    schools = _alternate(Organisation.objects.schools().order_by("urn"), "phase")
    others = _alternate(Organisation.objects.exclude(kind=Organisation.Kind.SCHOOL).order_by("pk"), "kind")
    plans = []
    for group, plan_list in ((schools, SCHOOL_PLAN), (others, OTHER_PLAN)):
        rest = iter(plan_list)
        for organisation in group:
            plan = WALKTHROUGH.get(organisation.name) or next(rest, None)
            if plan:
                plans.append((organisation, plan))
    done = {}
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for seed, (organisation, plan) in enumerate(plans):
            outcome = _seed_offer(organisation, plan, seed, officer, admin)
            if outcome:
                done[outcome] = done.get(outcome, 0) + 1
    if stdout:
        made = ", ".join(f"{count} {plan}" for plan, count in sorted(done.items())) or "none new"
        stdout.write(f"Early Help offers: {made} ({OfferPage.objects.live().count()} published in all).")
    return done


# Ofcom keeps 0116 496 0000 to 0999 for drama: believable Leicester numbers that reach no one.
URGENT_HELP = {
    "duty_team_phone": "0116 496 0101",
    "duty_team_hours": "Monday to Thursday 8.30am to 5pm, Friday 8.30am to 4.30pm",
    "out_of_hours_phone": "0116 496 0102",
    "advice_point_phone": "0116 496 0103",
    "note": "Demonstration site: these are not real numbers (Ofcom's range for drama). In an emergency call 999.",
}


def seed_urgent_help(site):
    settings = UrgentHelpSettings.for_site(site)
    if not settings.duty_team_phone:
        for name, value in URGENT_HELP.items():
            setattr(settings, name, value)
        settings.save()


def seed_home_page():
    home = HomePage.objects.first()
    if home is None:
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        seed_urgent_help(site)
    home.help_routes = [
        ("route", {"heading": h, "text": t, "link_text": lt, "link_url": url}) for h, t, lt, url in HELP_ROUTES
    ]
    home.body = BODY
    home.save_revision().publish()


# What members of the public have reported with "Report a problem with this page": one still open, for the
# organisation and the LA to see on their dashboards, and one the organisation resolved.
PROBLEM_REPORTS = [
    (
        "Soft Touch Arts",
        "The holiday art club is listed as closed, but our youth worker says it is running again.",
        "",
        False,
    ),
    ("Home-Start Leicester", "The family group is on Tuesdays now, not Mondays.", "a.parent@example.net", True),
]


def seed_problem_reports():
    from home.models import ProblemReport

    if ProblemReport.objects.exists():
        return
    officer = User.objects.filter(email="qa.officer@example.org").first()
    for name, what, email, resolved in PROBLEM_REPORTS:
        page = OfferPage.objects.live().filter(organisation__name=name).first()
        if page is None:
            continue
        ProblemReport.objects.create(
            offer=page,
            organisation=page.organisation,
            what_is_wrong=what,
            reply_email=email,
            resolved_at=timezone.now() if resolved else None,
            resolved_by=officer if resolved else None,
        )


@demo_seeder(order=10)
def seed(stdout=None):
    seed_home_page()
    seed_offers(stdout)
    seed_problem_reports()
