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
from itertools import cycle

from django.test.utils import override_settings
from django.utils import timezone

from home import rules, services
from home.models import ChecklistSection, HomePage, OfferPage
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
    else:
        steps = AGENCY_PATHWAY.get(organisation.sector, DEFAULT_PATHWAY)
        page.first_response, page.early_help_assessment, page.social_care_referral = steps
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
        page.dsl_name, page.dsl_signed_on = name, signed
    else:
        page.designated_lead_name, page.designated_lead_signed_on = name, signed
    return page


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


def seed_home_page():
    home = HomePage.objects.first()
    if home is None:
        return
    home.help_routes = [
        ("route", {"heading": h, "text": t, "link_text": lt, "link_url": url}) for h, t, lt, url in HELP_ROUTES
    ]
    home.body = BODY
    home.save_revision().publish()


@demo_seeder(order=10)
def seed(stdout=None):
    seed_home_page()
    seed_offers(stdout)
