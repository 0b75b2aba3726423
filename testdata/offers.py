"""Early Help offer pages in each moderation state, as the CMS would leave them."""

from datetime import timedelta

from django.core import mail

from home import rules, services
from home.models import OfferPage
from pledges.models import DesignatedLead
from portal.models import User

BEREAVEMENT = "Bereavement counselling / groups"


def record_lead(organisation, name="Dee Lead", role="Designated lead", email="dee.lead@example.org"):
    """The organisation's designated lead (pledge 1), which the offer's sign-off reads."""
    lead, _ = DesignatedLead.objects.get_or_create(
        organisation=organisation, defaults={"name": name, "role": role, "email": email}
    )
    return lead


def complete(page, **overrides):
    """Give an offer page everything it needs to be submitted and published (and bereavement support)."""
    today = rules.today()
    page.summary = f"{page.organisation.name} helps families as soon as difficulties start."
    page.how_to_get_help = "Ask at reception for the Designated Safeguarding Lead."
    page.completed_on = today - timedelta(days=30)
    page.review_date = today + timedelta(days=335)
    # The sign-off's lead is the organisation's recorded designated lead, not a name typed on the offer.
    record_lead(page.organisation)
    if page.organisation.is_school:
        for prefix in ("head_teacher", "chair_of_governors", "senco"):
            setattr(page, f"{prefix}_name", f"{prefix.replace('_', ' ').title()} Person")
        for prefix in ("head_teacher", "chair_of_governors", "senco", "dsl"):
            setattr(page, f"{prefix}_signed_on", today - timedelta(days=31))
        page.areas = [
            (
                "area",
                {
                    "section": "semh",
                    "name": "Social, emotional and mental health (SEMH)",
                    "primary": [BEREAVEMENT, "Play therapy"],
                    "secondary": [],
                    "outcomes": [],
                },
            ),
            (
                "area",
                {
                    "section": "attendance",
                    "name": "Attendance",
                    "primary": ["First day calling"],
                    "secondary": [],
                    "outcomes": ["Whole school targets are met"],
                },
            ),
        ]
    else:
        page.designated_lead_signed_on = today - timedelta(days=31)
        page.first_response = "We listen and help straight away."
    for name, value in overrides.items():
        setattr(page, name, value)
    return page


def make_offer(organisation, state="published", *, user=None, officer=None, **overrides):
    """An offer page in a state: draft, awaiting (moderation), changes (requested) or published."""
    user = user or User.objects.filter(is_superuser=True).first() or _robot()
    page, _ = services.start_offer(organisation, user)
    complete(page, **overrides)
    if state == "draft":
        services.save_draft(page, user)
    elif state == "published":
        page.save_revision(user=user, clean=False).publish(user=user)
    else:
        services.submit_for_moderation(page, user)
        if state == "changes":
            services.request_changes(page, officer or user, "Please add your outcomes.")
    mail.outbox.clear()
    return OfferPage.objects.get(pk=page.pk)


def _robot():
    return User.objects.create_superuser(email="robot@test.example", password="x" * 12)


def service(**overrides):
    """An unsaved service for an offer page (make_offer(..., services=[service(...), ...])): free, families
    can ask for it themselves, ages 5 to 16."""
    from home.models import OfferService

    values = {
        "name": "Art for wellbeing",
        "description": "Weekly creative sessions that help children talk about their feelings.",
        "min_age": 5,
        "max_age": 16,
        "self_referral": True,
    }
    values.update(overrides)
    return OfferService(**values)
