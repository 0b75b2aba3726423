"""The offer page's editing form in the CMS.

It shapes the form to the organisation: a school fills in the seven offer areas (for its phase) and
four signatures; an agency the designated lead. The offer areas and audiences are edited as checklists
(home.widgets) built from the current suggested-provision checklist.
"""

import uuid

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from home import rules
from home.models.checklists import ChecklistItem, ChecklistSection
from home.widgets import ChecklistGroup, ChecklistSectionSpec, ChecklistWidget, stored_items
from portal.permissions import offers as offer_permissions

# Deterministic block ids keep a section's identity across revisions, so revision comparisons line up.
BLOCK_NAMESPACE = uuid.UUID("3f0c7d7e-2a43-4f61-9a53-7b7e0c1d5a10")

SCHOOL_ONLY_FIELDS = [
    "areas",
    "head_teacher_name", "head_teacher_signed_on",
    "chair_of_governors_name", "chair_of_governors_signed_on",
    "senco_name", "senco_signed_on",
    "dsl_signed_on",
]  # fmt: skip
# The designated lead's name is not typed here: it is read from the organisation's record (pledge 1).
OTHER_ONLY_FIELDS = ["designated_lead_signed_on"]
# Wagtail's Promote tab: the web address, "show in menus" and the search-engine text.
PROMOTE_FIELDS = ["slug", "seo_title", "search_description", "show_in_menus"]
GROUP_LABELS = dict(ChecklistItem.Group.choices)


def checklist_sections(kind, stored, group_codes):
    """Specs for the widget: the current checklist's sections, then any stored section it no longer has.

    group_codes are the lists to offer; a list that already holds items is always offered, so nothing
    an editor saved is hidden from them.
    """
    specs = []
    sections = (
        ChecklistSection.objects.filter(checklist__is_current=True, kind=kind)
        .order_by("sort_order")
        .prefetch_related("items")
    )
    for section in sections:
        saved = stored.get(section.slug, {})
        codes = [c for c in GROUP_LABELS if c in group_codes or saved.get(c)]
        suggestions = {code: [] for code in codes}
        for item in section.items.all():
            if item.group in suggestions:
                suggestions[item.group].append(item.text)
        specs.append(
            ChecklistSectionSpec(
                section.slug,
                section.name,
                section.description,
                [ChecklistGroup(code, GROUP_LABELS[code], suggestions[code]) for code in codes],
            )
        )
    known = {spec.slug for spec in specs}
    for slug, groups in stored.items():
        if slug not in known:
            codes = [c for c in GROUP_LABELS if groups.get(c)]
            specs.append(
                ChecklistSectionSpec(
                    slug, slug.replace("-", " ").capitalize(), "", [ChecklistGroup(c, GROUP_LABELS[c]) for c in codes]
                )
            )
    return specs


class ChecklistField(forms.Field):
    """Cleans the ticked suggestions and own lines into the raw StreamField value (list of blocks)."""

    def __init__(self, *, block_type, list_names, sections, stored_names=None, **kwargs):
        self.block_type = block_type
        self.list_names = list_names  # every list the block holds, so each block is complete
        self.sections = sections
        self.stored_names = stored_names or {}
        kwargs.setdefault("required", False)
        super().__init__(widget=ChecklistWidget(sections), **kwargs)

    def _items(self, value):
        """{slug: {code: [items]}} from submitted data (dict) or a stored StreamField value."""
        if not isinstance(value, dict):
            value = self.widget.format_value(value)
        items = {}
        for section in self.sections:
            answers = value.get(section.slug, {})
            items[section.slug] = {
                group.code: rules.join_checklist(
                    answers.get(group.code, {}).get("ticked", []),
                    answers.get(group.code, {}).get("own", ""),
                    group.suggestions,
                )
                for group in section.groups
            }
        return items

    def clean(self, value):
        items = self._items(value or {})
        errors = []
        for section in self.sections:
            for group in section.groups:
                for problem in rules.checklist_problems(items[section.slug][group.code]):
                    errors.append(f"{section.name}, {group.label.lower()}: {problem}")
        if errors:
            raise forms.ValidationError(errors)
        blocks = []
        for section in self.sections:
            lists = items[section.slug]
            if not any(lists.values()):
                continue
            block_id = str(uuid.uuid5(BLOCK_NAMESPACE, f"{self.block_type}:{section.slug}"))
            value = {"section": section.slug, "name": section.name}
            for name in self.list_names:
                value[name] = [
                    {"type": "item", "value": text, "id": str(uuid.uuid5(uuid.UUID(block_id), f"{name}:{text}"))}
                    for text in lists.get(name, [])
                ]
            blocks.append({"type": self.block_type, "value": value, "id": block_id})
        return blocks

    def has_changed(self, initial, data):
        return self._items(initial) != self._items(data or {})


class OfferPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.instance.organisation
        self.is_school = organisation.is_school
        for name in OTHER_ONLY_FIELDS if self.is_school else SCHOOL_ONLY_FIELDS:
            self.fields.pop(name, None)
        if self.for_user is None or not offer_permissions.can_moderate_offers(self.for_user):
            # Editors have no use for the Promote tab, and a changed address would break every link to the
            # offer; with its fields gone, Wagtail hides the tab.
            for name in PROMOTE_FIELDS:
                self.fields.pop(name, None)
        # What submitting needs (the sign-off names and dates, the two dates) is marked required, so the
        # editor sees the '*'; Wagtail relaxes required fields for a draft (deferred validation), and a
        # missing one on submission gets the rule's own words.
        needed = rules.sign_off_problems(organisation.kind, {}, None, None, rules.today())
        for name, message in needed.items():
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = message

        if "areas" in self.fields:
            phases = rules.provision_phases(organisation.phase)
            self.fields["areas"] = self._checklist(
                "areas", ChecklistSection.Kind.AREA, "area", (*phases, "outcomes"), list(rules.AREA_ITEM_GROUPS)
            )
        if "audiences" in self.fields:
            self.fields["audiences"] = self._checklist(
                "audiences",
                ChecklistSection.Kind.AUDIENCE,
                "audience",
                ("routes", "key_staff"),
                ["routes", "key_staff"],
            )

    def _checklist(self, name, kind, block_type, group_codes, list_names):
        field = self.fields[name]
        stored = stored_items(getattr(self.instance, name))
        return ChecklistField(
            block_type=block_type,
            list_names=list_names,
            sections=checklist_sections(kind, stored, group_codes),
            label=field.label,
            help_text=field.help_text,
        )

    def clean(self):
        cleaned = super().clean()
        on = rules.today()
        if self.is_deferred_validation:
            # Saving a draft: only dates that are wrong, not ones that are missing.
            problems = rules.review_problems(cleaned.get("completed_on"), cleaned.get("review_date"), on)
        else:
            # Submitting for moderation or publishing: the sign-off must be complete.
            kind = self.instance.organisation.kind
            lead = self.instance.recorded_lead()
            values = {**cleaned, f"{rules.RECORDED_LEAD_PREFIX[rules.sign_off_kind(kind)]}_name": lead and lead.name}
            problems = rules.sign_off_problems(
                kind, values, cleaned.get("completed_on"), cleaned.get("review_date"), on
            )
        min_age, max_age = cleaned.get("min_age"), cleaned.get("max_age")
        if min_age is not None and max_age is not None and max_age < min_age:
            problems["max_age"] = "The oldest age must be the same as or more than the youngest age."
        for name, message in problems.items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)
            elif message == rules.NO_RECORDED_LEAD:
                # No field to put it beside: the lead is recorded on the pledges' page (the panel links there).
                self.add_error(None, message)
        return cleaned
