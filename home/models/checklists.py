"""The suggested-provision checklist editors start their offer from.

Leicester's list comes from the Early Help Schools Guide (seed 001, appendix 5): for each of the seven
offer areas, suggested provision for the primary and the secondary phase and measurable outcomes; and,
for each audience (children and young people, parents and carers, staff), the routes by which they hear
about Early Help and the staff they can talk to.

A checklist is data, loaded from a JSON file (`manage.py load_offer_checklist`) through the framework kit
(portal/frameworks.py), and never edited in place: a revised list is loaded as a new version and made
current. Offers store the words that were ticked, so past offers keep what they said whatever happens to
the list.
"""

from django.db import models

from portal.frameworks import FrameworkPart, VersionedFramework


class ProvisionChecklist(VersionedFramework):
    """One version of the checklist; editors see the current one. Offers copy the words they tick, so no
    response points at a version: every stored version counts as in use, and is frozen (portal/frameworks.py)."""

    used_by = ()

    class Meta(VersionedFramework.Meta):
        ordering = ["-created"]

    def __str__(self):
        return super().__str__() + (" — current" if self.is_current else "")


class ChecklistSection(FrameworkPart):
    """An offer area (schools) or an audience (every organisation)."""

    class Kind(models.TextChoices):
        AREA = "area", "Offer area"
        AUDIENCE = "audience", "Audience"

    framework_path = "checklist"

    checklist = models.ForeignKey(ProvisionChecklist, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["checklist", "kind", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "kind", "slug"], name="unique_checklist_section_slug")
        ]

    def __str__(self):
        return self.name


class ChecklistItem(FrameworkPart):
    """One suggestion, in the group of the section it belongs to."""

    class Group(models.TextChoices):
        PRIMARY = "primary", "Primary provision"
        SECONDARY = "secondary", "Secondary provision"
        OUTCOMES = "outcomes", "Measurable outcomes"
        ROUTES = "routes", "How they find out"
        KEY_STAFF = "key_staff", "Who they can talk to"

    AREA_GROUPS = [Group.PRIMARY, Group.SECONDARY, Group.OUTCOMES]
    AUDIENCE_GROUPS = [Group.ROUTES, Group.KEY_STAFF]

    framework_path = "section.checklist"

    section = models.ForeignKey(ChecklistSection, on_delete=models.CASCADE, related_name="items")
    group = models.CharField(max_length=12, choices=Group.choices)
    text = models.CharField(max_length=300)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["section", "group", "sort_order"]

    def __str__(self):
        return self.text
