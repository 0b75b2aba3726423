"""The partnership core: localities, organisations, people and the roles they hold.

Roles come in two shapes:
- per organisation, through `Membership`: an *editor* prepares the organisation's work and a *lead*
  (the Designated Lead / DSL) also signs it off. A person may belong to several organisations.
- partnership-wide, on the person: a local-authority quality-assurance officer or a strategic board
  member. Site administrators are Django superusers.
What each role may do is decided in `portal.permissions`, nowhere else.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from portal.concurrency import VersionedModel
from portal.sql_lists import texts_in

urn_validator = RegexValidator(
    r"^[1-9]\d{5}$", "A URN is the school's 6-digit unique reference number, for example 120285."
)


class Locality(models.Model):
    """A cluster area with its own Early Help Locality Partnership (Leicester has six)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, blank=True, help_text="Made from the name if left empty.")
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "localities"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Organisation.Status.ACTIVE)

    def schools(self):
        return self.filter(kind=Organisation.Kind.SCHOOL)


class Organisation(VersionedModel, ClusterableModel, index.Indexed):
    """A partner: a school, an agency, a commissioner or a local-authority service."""

    class Kind(models.TextChoices):
        SCHOOL = "school", "School"
        AGENCY = "agency", "Agency"
        COMMISSIONER = "commissioner", "Commissioner"
        LA_SERVICE = "la_service", "Local-authority service"

    class Phase(models.TextChoices):
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"
        ALL_THROUGH = "all_through", "All-through"
        SPECIAL = "special", "Special"
        COLLEGE = "college", "College"
        EARLY_YEARS = "early_years", "Early years"

    class Sector(models.TextChoices):
        """What kind of agency, for filtering and reporting (schools are 'education')."""

        EDUCATION = "education", "Education"
        HEALTH = "health", "Health"
        POLICE = "police", "Police and community safety"
        EMPLOYMENT = "employment", "Employment and welfare"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        COUNCIL = "council", "Council services"
        HOUSING = "housing", "Housing"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text="Made from the name if left empty.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sector = models.CharField(max_length=20, choices=Sector.choices, default=Sector.OTHER)
    phase = models.CharField(max_length=20, choices=Phase.choices, blank=True, help_text="Schools and colleges only.")
    urn = models.CharField(
        "URN",
        max_length=6,
        blank=True,
        null=True,
        unique=True,
        validators=[urn_validator],
        help_text="Schools only: the 6-digit unique reference number.",
    )
    locality = models.ForeignKey(
        Locality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text="Leave empty for a city-wide organisation.",
    )
    # Public contact details: shown on the published offer and the directory.
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sector")]),
        FieldRowPanel([FieldPanel("phase"), FieldPanel("urn")]),
        FieldPanel("locality"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading="Public contact details",
        ),
        FieldPanel("status"),
        InlinePanel("memberships", heading="People and their roles", label="Person"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_school(self):
        return self.kind == self.Kind.SCHOOL

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        self.urn = self.urn or None  # blank URNs are stored as NULL so uniqueness ignores them
        if self.kind == self.Kind.SCHOOL:
            if not self.phase:
                errors["phase"] = "Choose the school's phase."
            if not self.urn:
                errors["urn"] = "Enter the school's 6-digit URN."
        elif self.urn:
            errors["urn"] = "Only schools have a URN."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.urn = self.urn or None
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name)
        super().save(*args, **kwargs)


def _slug_base(name):
    return slugify(name)[:190] or "organisation"


def unique_slug(model, name):
    base = _slug_base(name)
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def unique_slugs(model, names):
    """The slugs unique_slug would give these names if they were saved one after another, from a few
    queries whatever the number of names (for bulk imports): the slugs already taken by each base, then
    numbered like unique_slug's."""
    bases = [_slug_base(name) for name in names]
    taken = set(model.objects.filter(slug__in=texts_in(bases)).values_list("slug", flat=True))
    clashing = sorted({base for base in bases if base in taken})
    for offset in range(0, len(clashing), 200):
        numbered = models.Q()
        for base in clashing[offset : offset + 200]:
            numbered |= models.Q(slug__startswith=f"{base}-")
        taken.update(model.objects.filter(numbered).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


class UserManager(BaseUserManager):
    """People sign in with their email address; there is no separate username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person who signs in. Their organisation roles are `Membership` rows."""

    class PartnershipRole(models.TextChoices):
        NONE = "", "None (organisation roles only)"
        LA_OFFICER = "la_officer", "Local-authority quality-assurance officer"
        BOARD_MEMBER = "board_member", "Strategic board member"

    username = None
    email = models.EmailField("email address", unique=True)
    job_title = models.CharField(max_length=150, blank=True)
    partnership_role = models.CharField(
        max_length=20,
        choices=PartnershipRole.choices,
        blank=True,
        default=PartnershipRole.NONE,
        help_text="Partnership-wide role. Site administrators are superusers.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class Membership(models.Model):
    """A person's role in one organisation."""

    class Role(models.TextChoices):
        EDITOR = "editor", "Organisation editor"
        LEAD = "lead", "Organisation lead (Designated Lead / DSL)"

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.EDITOR)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_person_per_org")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}, {self.organisation}"


from portal.invitations import Invitation  # noqa: E402,F401  (invitations live in their own module)
from portal.jobs import Job  # noqa: E402,F401  (background jobs live in their own module)
