"""What an organisation offers: its services, listed on its offer page, and "temporarily closed".

Agencies and council services (and schools that want to) list each service on their offer page in the
CMS, as an inline list under the offer: it is part of the page, so it goes through the same moderation
and revisions, and only the published version is in this table (a draft's services live in the
revision until it is approved). The directory filters on these rows (free, self-referral, age), the
search index reads their names and descriptions, and the Open Referral feed publishes each as a
service of the organisation.

The rules an editor meets (stated here, checked in `clean`):
- the oldest age is not below the youngest;
- a service with a cost says what it costs (an amount or words: "£3 a session, free for families on
  benefits"); a free one carries no amount;
- a service says how to get it: at least one of self-referral, professional referral, drop-in;
- a temporarily closed service or offer gives its reason; a reopening date is optional.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from .ages import oldest_age_field, youngest_age_field

HOW_TO_GET_IT = (
    ("self_referral", "Families can ask for it themselves"),
    ("professional_referral", "A professional can refer"),
    ("drop_in", "Drop in, no appointment needed"),
)


class TemporaryClosure(models.Model):
    """A "temporarily closed" status with its reason and the date it reopens (an offer's, or a service's)."""

    temporarily_closed = models.BooleanField(
        "temporarily closed", default=False, help_text="Tick while it is closed for a while; untick when it reopens."
    )
    closed_reason = models.CharField(
        "why it is closed",
        max_length=200,
        blank=True,
        help_text="In plain words, for example: our worker is on leave; the building is being repaired.",
    )
    reopens_on = models.DateField("reopens on", null=True, blank=True, help_text="Leave empty if you do not know.")

    closure_panels = [
        FieldPanel("temporarily_closed"),
        FieldRowPanel([FieldPanel("closed_reason"), FieldPanel("reopens_on")]),
    ]

    class Meta:
        abstract = True

    def closure_errors(self) -> dict:
        if self.temporarily_closed and not self.closed_reason.strip():
            return {"closed_reason": "Say why it is closed, so families know what to do meanwhile."}
        return {}

    @property
    def closure_detail(self) -> str:
        """Why it is closed and when it reopens, as sentences ("" when open)."""
        if not self.temporarily_closed:
            return ""
        parts = []
        if self.closed_reason.strip():
            reason = self.closed_reason.strip().rstrip(".")
            parts.append(f"{reason[0].upper()}{reason[1:]}.")
        parts.append(f"Reopens on {self.reopens_on.day} {self.reopens_on:%B %Y}." if self.reopens_on else "")
        return " ".join(part for part in parts if part)

    @property
    def closure_note(self) -> str:
        """ "Temporarily closed. <Reason>. Reopens on 5 January 2027." ("" when open), for the feed and tags."""
        if not self.temporarily_closed:
            return ""
        return " ".join(part for part in ("Temporarily closed.", self.closure_detail) if part)


class OfferService(TemporaryClosure, Orderable):
    """One service an organisation offers, as a parent reads it: what, for whom, what it costs, how to get it."""

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        PAID = "paid", "There is a cost"

    class StepFree(models.TextChoices):
        UNKNOWN = "", "Not stated"
        YES = "yes", "Yes"
        NO = "no", "No"

    page = ParentalKey("home.OfferPage", on_delete=models.CASCADE, related_name="services")
    # The service's id in the Open Referral feed: kept in the revisions, so it never changes.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField("name of the service", max_length=120)
    description = models.TextField(
        "what it is", max_length=1000, help_text="In plain words: what happens, how often, and what it helps with."
    )
    min_age = youngest_age_field()
    max_age = oldest_age_field()
    eligibility = models.CharField(
        "who can use it",
        max_length=300,
        blank=True,
        help_text="For example: parents and carers of children with SEND; young carers in Leicester.",
    )
    cost = models.CharField(max_length=4, choices=Cost.choices, default=Cost.FREE)
    cost_amount = models.DecimalField(
        "cost in pounds",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="For example 3.50. Leave empty if it varies, and say how in the details.",
    )
    cost_details = models.CharField(
        "about the cost",
        max_length=200,
        blank=True,
        help_text="For example: per session; free for families on benefits.",
    )
    self_referral = models.BooleanField("families can ask for it themselves", default=False)
    professional_referral = models.BooleanField("a professional can refer", default=False)
    drop_in = models.BooleanField("drop in, no appointment needed", default=False)
    contact_phone = models.CharField(
        "phone, if not the offer's", max_length=40, blank=True, help_text="Leave empty to use the offer's contact."
    )
    contact_email = models.EmailField("email, if not the offer's", blank=True)
    languages = models.CharField(
        max_length=200,
        blank=True,
        help_text="The languages staff speak, separated by commas. For example: English, Punjabi, Gujarati.",
    )
    venue_accessibility = models.TextField(
        "accessibility of the venue",
        max_length=500,
        blank=True,
        help_text="For example: ramp at the side door, accessible toilet, hearing loop in the main room.",
    )
    step_free = models.CharField(
        "step-free access", max_length=3, choices=StepFree.choices, blank=True, default=StepFree.UNKNOWN
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]), FieldPanel("eligibility")],
            heading="Who it is for",
        ),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldRowPanel([FieldPanel("cost_amount"), FieldPanel("cost_details")])],
            heading="Cost",
        ),
        MultiFieldPanel(
            [FieldPanel("self_referral"), FieldPanel("professional_referral"), FieldPanel("drop_in")],
            heading="How to get it (tick all that apply)",
        ),
        FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("venue_accessibility"), FieldPanel("step_free")], heading="The venue"),
        MultiFieldPanel(TemporaryClosure.closure_panels, heading="Temporarily closed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "service"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = self.closure_errors()
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            errors["max_age"] = f"The oldest age must be {self.min_age} or more, the youngest age given."
        if self.cost == self.Cost.PAID and self.cost_amount is None and not self.cost_details.strip():
            errors["cost_details"] = (
                "Say what it costs: an amount in pounds, or the details (for example: £3 a session)."
            )
        if self.cost == self.Cost.FREE and self.cost_amount:
            errors["cost_amount"] = "A free service has no cost: leave the amount empty, or choose “There is a cost”."
        if not self.ways_to_get_it:
            errors["self_referral"] = "Tick at least one way to get the service."
        if errors:
            raise ValidationError(errors)

    @property
    def is_free(self) -> bool:
        return self.cost == self.Cost.FREE

    @property
    def cost_label(self) -> str:
        """The cost in plain words: "Free", "£3.50 (per session)", "There is a cost: ask about it"."""
        if self.is_free:
            return "Free"
        amount = f"£{self.cost_amount:,.2f}".replace(".00", "") if self.cost_amount is not None else ""
        details = self.cost_details.strip()
        if amount and details:
            return f"{amount} ({details})"
        return amount or details or "There is a cost: ask about it"

    @property
    def ways_to_get_it(self) -> list[str]:
        return [label for field, label in HOW_TO_GET_IT if getattr(self, field)]

    @property
    def language_list(self) -> list[str]:
        return [name.strip() for name in self.languages.replace(";", ",").split(",") if name.strip()]

    @property
    def step_free_label(self) -> str:
        return {"yes": "Step-free access", "no": "No step-free access"}.get(self.step_free, "")
