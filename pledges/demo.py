"""Demo pledge data: the twelve signatories named in Leicester's strategy (seed 000), signed by the people
and roles it names, and other partners in every state the board needs to see: not signed, just started,
in progress, met, overdue reviews, and Not applicable for the commissioners.

Review dates are set relative to the day the demo is loaded, so "overdue" and "due soon" stay true.
Signature dates are illustrative: the strategy does not date the signatures. Everything else is invented.
Idempotent: records are updated by their natural keys.
"""

from datetime import date, timedelta

from django.utils import timezone

from pledges.models import (
    AccessRoutes,
    DesignatedLead,
    ImpactMeasure,
    ImpactReturn,
    PledgeSet,
    PledgeStatus,
    Signature,
    Status,
    TrainingRecord,
    TrainingSummary,
)
from portal.demo import DEMO_PASSWORD
from portal.models import Membership, Organisation, User
from portal.periods import financial_quarter
from portal.seeding import demo_seeder

SEED_SIGNED_ON = (2016, 9, 30)
LPT_STATEMENT = (
    "Families, Young People and Children's Services for Leicestershire Partnership Trust give full support to "
    "the partnership pledges in our Early Help strategy. It has been a very positive experience to be involved "
    "in developing these pledges together as a group, giving us an important sense of shared purpose and "
    "direction.\n— Janet Harrison, Leicestershire Partnership Trust"
)
COMMISSIONER_REASON = (
    "We commission rather than provide services: the Early Help principles are written into our service "
    "specifications and commissioning arrangements."
)

M, IP, NS, NA = Status.MET, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE

# Pledge number -> (status, review date as days from today). Pledges left out have no status yet.
PROFILES = {
    "none": {},
    "just_started": {1: (IP, 45)},
    "in_progress": {1: (M, 150), 2: (IP, 60), 3: (IP, 90)},
    "met_one_overdue": {1: (M, 200), 2: (M, -21), 3: (M, 120), 4: (M, 12), 5: (IP, 75)},
    "overdue_several": {1: (M, -40), 2: (IP, -10), 3: (M, 90), 4: (IP, -5)},
    "all_met": {1: (M, 180), 2: (M, 150), 3: (M, 210), 4: (M, 95), 5: (M, 240)},
    "commissioner": {1: (M, 120), 2: (NA, None), 3: (NA, None), 4: (NA, None), 5: (IP, 25)},
}

# (organisation, signatory, role, statement, profile, designated lead (name, role))
SEED_SIGNATORIES = [
    (
        "Leicester City Council – Public Health",
        "Ruth Tennant",
        "Director of Public Health, Leicester City Council",
        "",
        "commissioner",
        ("Priya Lad", "Consultant in Public Health"),
    ),
    (
        "Gateway College",
        "Suzanne Overton-Edwards",
        "Principal, Gateway College (Further Education representative)",
        "",
        "all_met",
        ("Colin Reeve", "Head of Student Welfare"),
    ),
    (
        "Leicestershire Police – Leicester City",
        "Supt Simon Cure",
        "Head of Serious Crime, Leicestershire Police",
        "",
        "overdue_several",
        ("DI Karen Walsh", "Early Intervention Lead"),
    ),
    (
        "Leicester City Council – Education and Children's Services",
        "Frances Craven",
        "Director of Education & Children's Services, Leicester City Council",
        "",
        "all_met",
        ("Mark Ellis", "Head of Service, Early Help"),
    ),
    (
        "Rushey Mead Primary School",
        "Debra Bailey",
        "Headteacher, Rushey Mead Primary School (Primary Heads representative)",
        "",
        "met_one_overdue",
        ("Sam Patel", "Designated Safeguarding Lead"),
    ),
    (
        "Jobcentre Plus Leicester (Department for Work and Pensions)",
        "Roger Matthews",
        "Senior Operations Leader, JobCentre Plus, Department for Work & Pensions",
        "",
        "in_progress",
        ("Lorraine Hughes", "Troubled Families Employment Adviser"),
    ),
    (
        "Leicester Safeguarding Children Partnership Board",
        "Jenny Myers",
        "Independent Chair, Leicester Safeguarding Children Board",
        "",
        "in_progress",
        ("Neil Forbes", "Board Business Manager"),
    ),
    (
        "Leicestershire Partnership NHS Trust – Families, Young People and Children's Services",
        "Helen Thompson",
        "Divisional Director, Families, Young People & Children's Services, Leicestershire Partnership Trust",
        LPT_STATEMENT,
        "all_met",
        ("Janet Harrison", "Head of Early Help, FYPC"),
    ),
    (
        "Soft Touch Arts",
        "Vince Attwood",
        "Director, Soft Touch Arts (Voluntary Sector representative)",
        "",
        "in_progress",
        ("Amir Hussain", "Designated Lead for Safeguarding and Early Help"),
    ),
    (
        "Leicester City Clinical Commissioning Group",
        "Sue Lock",
        "Managing Director, Leicester City Clinical Commissioning Group",
        "",
        "commissioner",
        ("Dr Anita Shah", "Designated Nurse, Safeguarding Children"),
    ),
    (
        "English Martyrs' Catholic School",
        "Marius Carney",
        "Headteacher, English Martyrs' Catholic School (Secondary Heads representative)",
        "",
        "met_one_overdue",
        ("Tom Reilly", "Designated Safeguarding Lead"),
    ),
    (
        "Focus Young People's Service",
        "Matt Lilley",
        "Director, Focus (Voluntary Sector representative)",
        "",
        "just_started",
        ("Leah Brown", "Youth Work Manager"),
    ),
]

# Other partners (invented people): (organisation, signatory and role or None if not signed, profile, lead)
OTHER_PARTNERS = [
    ("Home-Start Leicester", None, "none", None),
    ("Safe Families", None, "none", None),
    ("Belgrave Neighbourhood Centre", None, "none", None),
    ("Highfields Primary School", None, "none", None),
    ("Healthy Together 0-19 Service (North)", None, "just_started", ("Ruth Ingram", "Health Visitor Team Leader")),
    ("Belgrave Hall Primary School", None, "just_started", ("Hina Mistry", "Designated Safeguarding Lead")),
    ("Millgate Special School", None, "in_progress", ("Gary Lowe", "Deputy Headteacher and DSL")),
    (
        "University Hospitals of Leicester – Children's Hospital",
        ("Dr Alan Price", "Clinical Director, Children's Services"),
        "in_progress",
        ("Maria Gomez", "Named Nurse for Safeguarding"),
    ),
    (
        "Leicester City Council – Youth Service",
        ("Kevin Shaw", "Head of Youth Services"),
        "in_progress",
        ("Jade Carter", "Senior Youth Worker"),
    ),
    (
        "Braunstone Community Association",
        ("Paula Dean", "Chief Executive"),
        "all_met",
        ("Omar Farouk", "Family Support Coordinator"),
    ),
    (
        "Early Help Advice Point – North West",
        ("Sarah Knight", "Service Manager"),
        "all_met",
        ("Dev Chauhan", "Advice Point Team Leader"),
    ),
    (
        "Abbey Mead Primary School",
        ("Julie Warren", "Headteacher"),
        "all_met",
        ("Fiona Grant", "Designated Safeguarding Lead"),
    ),
    (
        "Early Help Advice Point – South",
        ("Sarah Knight", "Service Manager"),
        "met_one_overdue",
        ("Beth Morgan", "Advice Point Team Leader"),
    ),
    (
        "Hamilton Community College",
        ("Imran Sheikh", "Principal"),
        "met_one_overdue",
        ("Claire Hart", "Designated Safeguarding Lead"),
    ),
    (
        "Leicester Housing Options",
        ("Liam Doyle", "Head of Housing Options"),
        "overdue_several",
        ("Nadia Begum", "Family Housing Officer"),
    ),
    (
        "Soar Valley Academy",
        ("Raj Mistry", "Principal"),
        "overdue_several",
        ("Emma Stone", "Designated Safeguarding Lead"),
    ),
    (
        "Westcotes Primary School",
        ("Helen Croft", "Headteacher"),
        "just_started",
        ("Paul Adams", "Designated Safeguarding Lead"),
    ),
]

# A lead whose organisation has not signed, so signing can be tried in the demo.
UNSIGNED_LEAD = ("homestart.lead@example.org", "Hannah", "Moore", "Scheme Manager", "Home-Start Leicester")


@demo_seeder(order=20)
def seed(stdout=None):
    pledge_set = PledgeSet.objects.current()
    if pledge_set is None:
        return
    today = timezone.localdate()
    pledges = {p.number: p for p in pledge_set.pledges.all()}
    signed_on = date(*SEED_SIGNED_ON)
    partners = [
        (org, (name, role), statement, profile, lead) for org, name, role, statement, profile, lead in SEED_SIGNATORIES
    ]
    partners += [(org, signatory, "", profile, lead) for org, signatory, profile, lead in OTHER_PARTNERS]
    for org_name, signatory, statement, profile, lead in partners:
        organisation = Organisation.objects.get(name=org_name)
        if signatory:
            Signature.objects.update_or_create(
                organisation=organisation,
                pledge_set=pledge_set,
                defaults={
                    "signatory_name": signatory[0],
                    "signatory_role": signatory[1],
                    "signed_on": signed_on,
                    "statement": statement,
                },
            )
        for number, (status, review_in) in PROFILES[profile].items():
            PledgeStatus.objects.update_or_create(
                organisation=organisation,
                pledge=pledges[number],
                defaults={
                    "status": status,
                    "review_date": today + timedelta(days=review_in) if review_in is not None else None,
                    "not_applicable_reason": COMMISSIONER_REASON if status == NA else "",
                    "notes": "" if status == NA else f"Demo progress notes for pledge {number}.",
                },
            )
        _seed_evidence(organisation, PROFILES[profile], lead, today)
    _seed_unsigned_lead()
    if stdout:
        stdout.write(
            f"Pledges: {Signature.objects.count()} signatures, {PledgeStatus.objects.count()} pledge statuses, "
            f"{DesignatedLead.objects.count()} designated leads."
        )


def _seed_evidence(organisation, profile, lead, today):
    domain = organisation.slug.replace("-", "")[:20]
    if lead:
        DesignatedLead.objects.update_or_create(
            organisation=organisation,
            defaults={
                "name": lead[0],
                "role": lead[1],
                "email": f"earlyhelp.lead@{domain}.example.org",
                "phone": "0116 454 2000",
            },
        )
    if 2 in profile:
        trained = 6 if profile[2][0] == M else 2
        TrainingSummary.objects.update_or_create(
            organisation=organisation, defaults={"staff_in_roles": 6, "staff_trained": trained}
        )
        TrainingRecord.objects.get_or_create(
            organisation=organisation,
            course="Early Help Assessment and Team Around the Family",
            defaults={"date": today - timedelta(days=120), "attendees": trained},
        )
    if 3 in profile and profile[3][0] != NA:
        AccessRoutes.objects.update_or_create(
            organisation=organisation,
            defaults={
                "for_staff": (
                    "Early Help is covered in induction and the annual safeguarding briefing; "
                    "staff ask the designated lead."
                ),
                "for_service_users": "Leaflets at reception, a page on our website and a named contact for families.",
            },
        )
    if 5 in profile:
        measure, _ = ImpactMeasure.objects.update_or_create(
            organisation=organisation,
            name="Families whose Rickter Scale scores improved",
            defaults={
                "description": "Families closed in the quarter whose end score improved on their start score.",
                "unit": "%",
            },
        )
        quarter = financial_quarter(today)
        for value in (58, 64):
            quarter = financial_quarter(quarter.first_day - timedelta(days=1))
            ImpactReturn.objects.update_or_create(
                measure=measure,
                period_start=quarter.first_day,
                defaults={
                    "value": value,
                    "narrative": "Most families reported progress on family relationships and school attendance.",
                },
            )


def _seed_unsigned_lead():
    email, first, last, job, org_name = UNSIGNED_LEAD
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "job_title": job}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.update_or_create(
        user=user, organisation=Organisation.objects.get(name=org_name), defaults={"role": Membership.Role.LEAD}
    )
