"""Demo content for the public home page."""

from home.models import HomePage

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


def seed(stdout=None):
    home = HomePage.objects.first()
    if home is None:
        return
    home.help_routes = [
        ("route", {"heading": h, "text": t, "link_text": lt, "link_url": url}) for h, t, lt, url in HELP_ROUTES
    ]
    home.body = BODY
    home.save_revision().publish()
