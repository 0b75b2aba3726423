"""Early Help offers: the public directory page and one offer page per organisation.

An organisation's editors draft the offer in the CMS and submit it to the "Offer moderation" workflow;
an LA QA officer approves it (which publishes it) or sends it back with a comment. Wagtail keeps every
revision. Only the published version is in the page tables and the search index that the directory
and the Open Referral feed read, so drafts and unpublished changes never reach the public.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home import geocoding, rules
from home.admin_forms import OfferPageForm
from home.blocks import AreaProvisionBlock, AudienceBlock, OpeningTimesBlock
from home.directory_cache import DIRECTORY
from home.models.checklists import ChecklistSection
from home.models.services import TemporaryClosure
from home.panels import RecordedLeadPanel
from pledges.models import DesignatedLead
from portal.permissions.offers import OfferPagePermissionTester

from .ages import oldest_age_field, youngest_age_field


class CachedViewRestrictions:
    """Wagtail reads a page's view restrictions (its own and its ancestors') on every request to it, two
    queries; a site usually has none at all. Whether it has any is kept in the shared cache, retired when a
    restriction is added, changed or removed (home/signals.py); only when there are some are they read.
    """

    def get_view_restrictions(self):
        if not DIRECTORY.cached(("any view restrictions",), PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class OfferIndexPage(CachedViewRestrictions, Page):
    """/offers/: browse, filter and search the published offers."""

    intro = models.TextField(
        blank=True, help_text="A sentence or two above the directory: what families and practitioners will find."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.OfferPage"]
    max_count = 1

    # `(request, page) -> dict`: the directory's filters, search and results. The directory reads these
    # models, so this module cannot import it without a cycle; HomeConfig.ready() plugs it in.
    directory_context = None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(type(self).directory_context(request, self))
        return context

    def route(self, request, path_components):
        """An offer's URL: its page in one query, with the organisation (and its locality) the page shows.

        Wagtail's own route reads the child as a generic page, then again as its specific type, then the
        organisation and its locality, four queries; every child here is an offer page (subpage_types).
        """
        if not path_components:
            return super().route(request, path_components)
        offers = OfferPage.objects.child_of(self).select_related("organisation__locality")
        try:
            subpage = offers.get(slug=path_components[0])  # unordered: found by its slug's index
        except OfferPage.DoesNotExist:
            return super().route(request, path_components)  # not an offer: Wagtail's own lookup, or its 404
        subpage._cached_parent_obj = self  # the directory link's page, without another query
        return subpage.route(request, path_components[1:])


class OfferPage(CachedViewRestrictions, TemporaryClosure, Page):
    """One organisation's Early Help offer."""

    organisation = models.OneToOneField(
        "portal.Organisation", on_delete=models.PROTECT, related_name="offer_page", editable=False
    )
    summary = models.TextField(
        max_length=600,
        help_text="Two or three sentences in plain words: what help you give families and who it is for.",
    )

    # Who it is for
    min_age = youngest_age_field()
    max_age = oldest_age_field()
    localities = ParentalManyToManyField(
        "portal.Locality",
        blank=True,
        related_name="+",
        verbose_name="localities served",
        help_text="Leave every box empty if you serve the whole city.",
    )

    # How to ask for help
    how_to_get_help = models.TextField(
        "how to ask for help", help_text="What a parent, a young person or a professional should do to get help."
    )
    contact_name = models.CharField("contact name", max_length=120, blank=True)
    contact_role = models.CharField(
        "contact's role", max_length=120, blank=True, help_text="For example: Designated Safeguarding Lead."
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    address = models.TextField(blank=True, help_text="Where families can come to. One line per part of the address.")
    postcode = models.CharField(max_length=10, blank=True)
    # Where the postcode is, for "nearest first": set from the postcode when the offer is saved (published),
    # by the offline geocoder (home/geocoding.py), never on a public request.
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    opening_times = StreamField([("hours", OpeningTimesBlock())], blank=True)
    opening_times_note = models.CharField(
        "about opening times", max_length=200, blank=True, help_text="For example: closed in the school holidays."
    )

    # The offer itself
    areas = StreamField(
        [("area", AreaProvisionBlock())],
        blank=True,
        verbose_name="provision in the offer areas",
        help_text="Tick what you provide, and add your own, one per line.",
    )
    audiences = StreamField(
        [("audience", AudienceBlock())],
        blank=True,
        verbose_name="how people get help",
        help_text="For each audience: how they hear about Early Help here, and who they can talk to.",
    )
    first_response = models.TextField(
        "first response",
        blank=True,
        help_text="Step 1 of the pathway: the help you give yourselves when a difficulty first emerges.",
    )
    early_help_assessment = models.TextField(
        "Early Help Assessment",
        blank=True,
        help_text="Step 2: your part in a multi-agency Early Help Assessment and Team Around the Family.",
    )
    social_care_referral = models.TextField(
        "referral to social care",
        blank=True,
        help_text="Step 3: when and how you refer to children's social care if risk increases.",
    )

    # Sign-off (schools: four signatures; other organisations: the designated lead)
    head_teacher_name = models.CharField("head teacher", max_length=120, blank=True)
    head_teacher_signed_on = models.DateField("head teacher signed on", null=True, blank=True)
    chair_of_governors_name = models.CharField("chair of governors", max_length=120, blank=True)
    chair_of_governors_signed_on = models.DateField("chair of governors signed on", null=True, blank=True)
    senco_name = models.CharField("SENCo", max_length=120, blank=True)
    senco_signed_on = models.DateField("SENCo signed on", null=True, blank=True)
    # The Designated Safeguarding Lead / designated lead is not typed here: their name is the organisation's
    # recorded lead (pledges.DesignatedLead, see recorded_lead); only the date they signed is the offer's.
    dsl_signed_on = models.DateField("Designated Safeguarding Lead signed on", null=True, blank=True)
    designated_lead_signed_on = models.DateField("designated lead signed on", null=True, blank=True)
    completed_on = models.DateField("date completed", null=True, help_text="When the offer was last agreed.")
    review_date = models.DateField(
        "review date", null=True, help_text="When you will next review the offer. After this date it shows as overdue."
    )

    # Kept in step with `areas` on every save, for the directory's "offer area" filter.
    areas_offered = ParentalManyToManyField(ChecklistSection, blank=True, related_name="+", editable=False)

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("how_to_get_help"),
        index.SearchField("areas"),
        index.SearchField("audiences"),
        index.SearchField("first_response"),
        index.SearchField("early_help_assessment"),
        index.SearchField("social_care_referral"),
        index.RelatedFields("organisation", [index.SearchField("name", boost=3)]),
        index.FilterField("min_age"),
        index.FilterField("max_age"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organisation", read_only=True),
                    FieldPanel("title", help_text="Usually your organisation's name."),
                    FieldPanel("summary"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                            FieldPanel("localities", widget=forms.CheckboxSelectMultiple),
                        ],
                        heading="Who it is for",
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("how_to_get_help"),
                            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                            FieldPanel("website"),
                            FieldPanel("address"),
                            FieldPanel("postcode"),
                        ],
                        heading="How to ask for help",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("opening_times"), FieldPanel("opening_times_note")], heading="Opening times"
                    ),
                    MultiFieldPanel(TemporaryClosure.closure_panels, heading="Temporarily closed"),
                ],
                heading="About the offer",
            ),
            ObjectList(
                [
                    HelpPanel(
                        "<p>List each service families can use: what it is, who it is for, what it costs and "
                        "how to get it. Services are checked with the rest of the offer before they are public.</p>"
                    ),
                    InlinePanel("services", label="Service", heading="Services"),
                ],
                heading="Services",
            ),
            ObjectList([FieldPanel("areas")], heading="Provision (schools)"),
            ObjectList(
                [FieldPanel("first_response"), FieldPanel("early_help_assessment"), FieldPanel("social_care_referral")],
                heading="Pathway",
            ),
            ObjectList([FieldPanel("audiences")], heading="Access to help"),
            ObjectList(
                [
                    HelpPanel(
                        "<p>The names, dates and review date marked * are needed before you submit the offer to "
                        "the Early Help team. You can save a draft without them.</p>"
                    ),
                    FieldRowPanel([FieldPanel("head_teacher_name"), FieldPanel("head_teacher_signed_on")]),
                    FieldRowPanel([FieldPanel("chair_of_governors_name"), FieldPanel("chair_of_governors_signed_on")]),
                    FieldRowPanel([FieldPanel("senco_name"), FieldPanel("senco_signed_on")]),
                    RecordedLeadPanel(heading="Designated lead"),
                    FieldPanel("dsl_signed_on"),
                    FieldPanel("designated_lead_signed_on"),
                    FieldRowPanel([FieldPanel("completed_on"), FieldPanel("review_date")]),
                ],
                heading="Sign-off",
            ),
            ObjectList(Page.promote_panels, heading="Promote"),
        ],
        base_form_class=OfferPageForm,
    )

    parent_page_types = ["home.OfferIndexPage"]
    subpage_types = []
    # Offer pages are started for an organisation (home.services.offers.start_offer), never added by hand.
    is_creatable = False

    class Meta:
        verbose_name = "Early Help offer"

    def permissions_for_user(self, user):
        return OfferPagePermissionTester(user, self)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "areas" in update_fields:
            slugs = [block.value["section"] for block in self.areas if rules.has_provision(block.value)]
            self.areas_offered = ChecklistSection.objects.filter(
                checklist__is_current=True, kind=ChecklistSection.Kind.AREA, slug__in=slugs
            )
        if update_fields is None or "postcode" in update_fields:
            point = geocoding.geocoder().locate(self.postcode)
            self.latitude, self.longitude = point if point else (None, None)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = self.closure_errors()
        if errors:
            raise ValidationError(errors)

    @cached_property
    def last_reviewed_on(self):
        return rules.last_reviewed_on(self.completed_on, self.last_published_at)

    @property
    def review_overdue(self):
        return rules.is_review_overdue(self.live, self.review_date, rules.today())

    @property
    def has_outcome_measures(self):
        """Whether any area of the offer names how it will know it is working (the page's "Outcome measures")."""
        return any(block.value.get("outcomes") for block in self.areas)

    def recorded_lead(self):
        """The organisation's designated lead as recorded for pledge 1, or None: the one source of the name."""
        return DesignatedLead.objects.filter(organisation_id=self.organisation_id).first()

    def signatures(self):
        """[(role, name, date)] that have a name, in the seed's order; the lead's name is the recorded lead's."""
        kind = rules.sign_off_kind(self.organisation.kind)
        lead = self.recorded_lead()
        names = {rules.RECORDED_LEAD_PREFIX[kind]: lead.name if lead else ""}
        rows = []
        for prefix, label, _role in rules.SIGN_OFF_FIELDS[kind]:
            name = names[prefix] if prefix in names else getattr(self, f"{prefix}_name")
            if name:
                rows.append((label, name, getattr(self, f"{prefix}_signed_on")))
        return rows

    def serve(self, request, *args, **kwargs):
        # A closed organisation's offer leaves the public site with it (the directory and feed skip it too).
        if not self.organisation.is_active:
            raise Http404("This organisation has closed.")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation"] = self.organisation
        context["directory"] = self.get_parent()
        return context
