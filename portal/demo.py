"""Demo data for the partnership core: a Leicester-like partnership of six localities, 44 schools,
the seed's signatory organisations and other agencies, and one account per role.

School names, URNs and people are invented for the demo; the agencies are the kinds (and, where the
strategy names them, the organisations) that signed Leicester's partnership pledges.
Every function here is idempotent: running it again updates rather than duplicates.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from portal.invitations import Invitation, token_digest
from portal.models import Locality, Membership, Organisation, User
from portal.seeding import demo_seeder

DEMO_PASSWORD = "EarlyHelp-demo-2026"

LOCALITIES = [
    ("North West", "Beaumont Leys, Abbey and Western Park"),
    ("North East", "Belgrave, Rushey Mead and Humberstone"),
    ("Central", "Castle, Highfields and the city centre"),
    ("East", "Evington, Thurnby Lodge and Netherhall"),
    ("South", "Aylestone, Eyres Monsell, Saffron and Knighton"),
    ("West", "Braunstone, New Parks and Westcotes"),
]

P, S, AT, SP, C, EY = (
    Organisation.Phase.PRIMARY,
    Organisation.Phase.SECONDARY,
    Organisation.Phase.ALL_THROUGH,
    Organisation.Phase.SPECIAL,
    Organisation.Phase.COLLEGE,
    Organisation.Phase.EARLY_YEARS,
)

# (name, phase, locality, URN)
SCHOOLS = [
    ("Rushey Mead Primary School", P, "North East", "120201"),
    ("English Martyrs' Catholic School", S, "North West", "120290"),
    ("Abbey Mead Primary School", P, "North West", "120202"),
    ("Beaumont Lodge Primary School", P, "North West", "120203"),
    ("Mowmacre Hill Primary School", P, "North West", "120204"),
    ("Stocking Farm Primary Academy", P, "North West", "120205"),
    ("Western Park Academy", S, "North West", "120291"),
    ("Ashfield Special School", SP, "North West", "120270"),
    ("Belgrave Hall Primary School", P, "North East", "120206"),
    ("Humberstone Park Primary School", P, "North East", "120207"),
    ("Melton Road Primary School", P, "North East", "120208"),
    ("Thurmaston Lane Infant School", P, "North East", "120209"),
    ("Soar Valley Academy", S, "North East", "120292"),
    ("Rushey Mead Nursery School", EY, "North East", "120280"),
    ("Highfields Primary School", P, "Central", "120210"),
    ("Castle Hill Primary School", P, "Central", "120211"),
    ("St Margaret's CE Primary School", P, "Central", "120212"),
    ("Spinney Hill Primary School", P, "Central", "120213"),
    ("City Centre Academy", S, "Central", "120293"),
    ("Highfields Nursery School", EY, "Central", "120281"),
    ("Evington Valley Primary School", P, "East", "120214"),
    ("Coleman Park Primary School", P, "East", "120215"),
    ("Netherhall Primary School", P, "East", "120216"),
    ("Thurnby Lodge Primary School", P, "East", "120217"),
    ("Hamilton Community College", S, "East", "120294"),
    ("Evington All-Through School", AT, "East", "120260"),
    ("Oakwood Special School", SP, "East", "120271"),
    ("Aylestone Meadows Primary School", P, "South", "120218"),
    ("Eyres Monsell Primary School", P, "South", "120219"),
    ("Saffron Lane Primary School", P, "South", "120220"),
    ("Knighton Fields Primary School", P, "South", "120221"),
    ("Sir Thomas Knighton Academy", S, "South", "120295"),
    ("Aylestone Community School", S, "South", "120296"),
    ("Braunstone Frith Primary School", P, "West", "120222"),
    ("New Parks Primary School", P, "West", "120223"),
    ("Westcotes Primary School", P, "West", "120224"),
    ("Kingsway Primary School", P, "West", "120225"),
    ("Fosse Park Primary School", P, "West", "120226"),
    ("Braunstone Community Academy", S, "West", "120297"),
    ("New College West", S, "West", "120298"),
    ("Millgate Special School", SP, "West", "120272"),
    ("Gateway College", C, "Central", "130700"),
    ("Riverside All-Through Academy", AT, "South", "120261"),
    ("Braunstone Nursery School", EY, "West", "120282"),
]

K, SEC = Organisation.Kind, Organisation.Sector

# (name, kind, sector, locality or None for city-wide)
AGENCIES = [
    (
        "Leicestershire Partnership NHS Trust – Families, Young People and Children's Services",
        K.AGENCY,
        SEC.HEALTH,
        None,
    ),
    ("Healthy Together 0-19 Service (North)", K.AGENCY, SEC.HEALTH, "North East"),
    ("University Hospitals of Leicester – Children's Hospital", K.AGENCY, SEC.HEALTH, None),
    ("Leicestershire Police – Leicester City", K.AGENCY, SEC.POLICE, None),
    ("Jobcentre Plus Leicester (Department for Work and Pensions)", K.AGENCY, SEC.EMPLOYMENT, None),
    ("Soft Touch Arts", K.AGENCY, SEC.VOLUNTARY, "Central"),
    ("Focus Young People's Service", K.AGENCY, SEC.VOLUNTARY, None),
    ("Home-Start Leicester", K.AGENCY, SEC.VOLUNTARY, None),
    ("Safe Families", K.AGENCY, SEC.VOLUNTARY, None),
    ("Braunstone Community Association", K.AGENCY, SEC.VOLUNTARY, "West"),
    ("Belgrave Neighbourhood Centre", K.AGENCY, SEC.VOLUNTARY, "North East"),
    ("Leicester Housing Options", K.LA_SERVICE, SEC.HOUSING, None),
    ("Early Help Advice Point – North West", K.LA_SERVICE, SEC.COUNCIL, "North West"),
    ("Early Help Advice Point – South", K.LA_SERVICE, SEC.COUNCIL, "South"),
    ("Leicester City Council – Education and Children's Services", K.LA_SERVICE, SEC.COUNCIL, None),
    ("Leicester City Council – Youth Service", K.LA_SERVICE, SEC.COUNCIL, None),
    ("Leicester City Council – Public Health", K.COMMISSIONER, SEC.HEALTH, None),
    ("Leicester City Clinical Commissioning Group", K.COMMISSIONER, SEC.HEALTH, None),
    ("Leicester Safeguarding Children Partnership Board", K.LA_SERVICE, SEC.COUNCIL, None),
]

# (email, first name, last name, job title, partnership role, superuser, [(organisation, membership role)])
ACCOUNTS = [
    ("admin@example.org", "Ada", "Administrator", "Portal administrator", "", True, []),
    (
        "qa.officer@example.org",
        "Olu",
        "Adeyemi",
        "Early Help Coordinator (QA)",
        User.PartnershipRole.LA_OFFICER,
        False,
        [],
    ),
    (
        "board.member@example.org",
        "Bridget",
        "Kaur",
        "Chair, Early Help Strategic Partnership Board",
        User.PartnershipRole.BOARD_MEMBER,
        False,
        [],
    ),
    (
        "school.lead@example.org",
        "Sam",
        "Patel",
        "Designated Safeguarding Lead",
        "",
        False,
        [("Rushey Mead Primary School", Membership.Role.LEAD)],
    ),
    (
        "school.editor@example.org",
        "Emma",
        "Clarke",
        "School Business Manager",
        "",
        False,
        [
            ("Rushey Mead Primary School", Membership.Role.EDITOR),
            ("Belgrave Hall Primary School", Membership.Role.EDITOR),
        ],
    ),
    (
        "agency.lead@example.org",
        "Amir",
        "Hussain",
        "Designated Lead for Safeguarding and Early Help",
        "",
        False,
        [("Soft Touch Arts", Membership.Role.LEAD)],
    ),
    (
        "agency.editor@example.org",
        "Grace",
        "Owen",
        "Family Support Coordinator",
        "",
        False,
        [("Soft Touch Arts", Membership.Role.EDITOR)],
    ),
    (
        "secondary.lead@example.org",
        "Tom",
        "Reilly",
        "Designated Safeguarding Lead",
        "",
        False,
        [("English Martyrs' Catholic School", Membership.Role.LEAD)],
    ),
]


# People administration shows an invitation in each state: one waiting to be used, one that expired unused.
# Their links are not known to anyone (only a digest is stored): "Send the invitation again" makes a real one.
INVITED = [
    ("priya.shah@example.org", "Priya", "Shah", "Pastoral Lead", 2),
    ("dan.wood@example.org", "Dan", "Wood", "Family Worker", 12),
]


def _seed_invitations():
    for email, first, last, job, days_ago in INVITED:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, "job_title": job}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        sent_at = timezone.now() - timedelta(days=days_ago)
        Invitation.objects.get_or_create(
            user=user,
            defaults={
                "token_digest": token_digest(secrets.token_urlsafe(32)),
                "sent_at": sent_at,
                "expires_at": sent_at + timedelta(days=settings.INVITATION_VALID_DAYS),
            },
        )


def _slug_email(name):
    return "".join(c for c in name.lower() if c.isalnum())[:24]


@demo_seeder(order=0)
def seed(stdout=None):
    localities = {}
    for name, description in LOCALITIES:
        localities[name], _ = Locality.objects.update_or_create(name=name, defaults={"description": description})

    for name, phase, locality, urn in SCHOOLS:
        domain = _slug_email(name)
        Organisation.objects.update_or_create(
            urn=urn,
            defaults={
                "name": name,
                "kind": Organisation.Kind.SCHOOL,
                "sector": Organisation.Sector.EDUCATION,
                "phase": phase,
                "locality": localities[locality],
                "phone": f"0116 2{urn[-3:]} {urn[:4]}",
                "email": f"office@{domain}.example.org",
                "website": f"https://{domain}.example.org/",
            },
        )
    for name, kind, sector, locality in AGENCIES:
        domain = _slug_email(name)
        Organisation.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "sector": sector,
                "locality": localities.get(locality),
                "phone": "0116 454 1004",
                "email": f"earlyhelp@{domain}.example.org",
                "website": f"https://{domain}.example.org/",
            },
        )

    for email, first, last, job, partnership_role, superuser, memberships in ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"first_name": first, "last_name": last, "job_title": job},
        )
        user.first_name, user.last_name, user.job_title = first, last, job
        user.partnership_role = partnership_role
        user.is_superuser = user.is_staff = superuser
        if created:
            user.set_password(DEMO_PASSWORD)
        user.save()
        for org_name, role in memberships:
            Membership.objects.update_or_create(
                user=user, organisation=Organisation.objects.get(name=org_name), defaults={"role": role}
            )
    _seed_invitations()
    if stdout:
        stdout.write(
            f"Partnership: {Locality.objects.count()} localities, "
            f"{Organisation.objects.schools().count()} schools, "
            f"{Organisation.objects.exclude(kind=Organisation.Kind.SCHOOL).count()} other organisations, "
            f"{len(ACCOUNTS)} demo accounts."
        )
