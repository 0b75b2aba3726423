"""The checklist an editor ticks in the CMS: for each section (offer area or audience), each group's
suggestions as checkboxes, and a box for the editor's own items, one per line. No JavaScript."""

from dataclasses import dataclass, field

from django import forms

from home import rules


@dataclass
class ChecklistGroup:
    code: str  # the StreamField list it is saved in: primary, secondary, outcomes, routes, key_staff
    label: str
    suggestions: list = field(default_factory=list)


@dataclass
class ChecklistSectionSpec:
    slug: str
    name: str
    description: str = ""
    groups: list = field(default_factory=list)


def stored_items(stream_value):
    """{section slug: {group code: [items]}} from an areas/audiences StreamField value."""
    stored = {}
    for block in stream_value or []:
        value = block.value
        stored[value["section"]] = {key: list(items) for key, items in value.items() if key not in ("section", "name")}
    return stored


class ChecklistWidget(forms.Widget):
    template_name = "home/widgets/checklist.html"
    show_add_comment_button = False  # Wagtail's field comments need a single input to anchor to

    class Media:
        css = {"all": ["home/checklist-admin.css"]}

    def __init__(self, sections=(), attrs=None):
        super().__init__(attrs)
        self.sections = list(sections)

    def _name(self, name, section, group, own=False):
        return f"{name}-{section.slug}-{group.code}" + ("-own" if own else "")

    def value_from_datadict(self, data, files, name):
        """{slug: {code: {"ticked": [...], "own": text}}}: what the editor submitted, to be cleaned."""
        return {
            section.slug: {
                group.code: {
                    "ticked": data.getlist(self._name(name, section, group)) if hasattr(data, "getlist") else [],
                    "own": data.get(self._name(name, section, group, own=True), ""),
                }
                for group in section.groups
            }
            for section in self.sections
        }

    def value_omitted_from_data(self, data, files, name):
        return False  # unticked checkboxes send nothing: that is still an answer

    def format_value(self, value):
        """The same shape as value_from_datadict, from either a StreamField value or submitted data."""
        if isinstance(value, dict):
            return value
        stored = stored_items(value)
        formatted = {}
        for section in self.sections:
            formatted[section.slug] = {}
            for group in section.groups:
                ticked, own = rules.split_checklist(stored.get(section.slug, {}).get(group.code, []), group.suggestions)
                formatted[section.slug][group.code] = {"ticked": ticked, "own": "\n".join(own)}
        return formatted

    def id_for_label(self, id_):
        return ""  # a set of fieldsets, each with its own legend

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        current = context["widget"]["value"] or {}
        sections = []
        for s_index, section in enumerate(self.sections):
            groups = []
            for g_index, group in enumerate(section.groups):
                answer = current.get(section.slug, {}).get(group.code, {"ticked": [], "own": ""})
                ticked = {t.casefold() for t in answer["ticked"]}
                suggested = {s.casefold() for s in group.suggestions}
                base_id = f"id_{name}-{s_index}-{g_index}"
                groups.append(
                    {
                        "label": group.label,
                        "name": self._name(name, section, group),
                        "own_name": self._name(name, section, group, own=True),
                        "own_id": f"{base_id}-own",
                        "own": answer["own"],
                        "options": [
                            {"value": text, "id": f"{base_id}-{i}", "checked": text.casefold() in ticked}
                            for i, text in enumerate(group.suggestions)
                        ],
                        # Ticked words that are no longer suggested stay visible (and ticked) rather than vanish.
                        "kept": [t for t in answer["ticked"] if t.casefold() not in suggested],
                    }
                )
            sections.append({"name": section.name, "description": section.description, "groups": groups})
        context["sections"] = sections
        return context
