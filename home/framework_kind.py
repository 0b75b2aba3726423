"""The offer checklist (suggested provision), described for the framework kit (portal/frameworks.py).

Parts in a file (see home/frameworks/leicester-2019.json):

    "areas":     [{"slug", "name", "description", "primary": [...], "secondary": [...], "outcomes": [...]}],
    "audiences": [{"slug", "name", "description", "routes": [...], "key_staff": [...]}]
"""

from portal.frameworks import FrameworkKind, register

# top-level key -> (section kind, the item lists each section has)
SECTION_LISTS = {
    "areas": ("area", ("primary", "secondary", "outcomes")),
    "audiences": ("audience", ("routes", "key_staff")),
}


@register(
    "offer-checklist",
    "offer checklist",
    model="home.ProvisionChecklist",
    command="load_offer_checklist",
    responses="offers (they copy the words, so every version is kept as loaded)",
)
class OfferChecklistFramework(FrameworkKind):
    def read_parts(self, problems, data):
        if not data.get("areas") and not data.get("audiences"):
            problems.add("", "The file must list some 'areas' or 'audiences'.")
        parts = {}
        for key, (_kind, lists) in SECTION_LISTS.items():
            sections = []
            for where, section in problems.objects(data, key, at_least=0):
                sections.append(
                    {
                        "slug": problems.slug(section, "slug", where, max_length=60),
                        "name": problems.text(section, "name", where, max_length=120),
                        "description": problems.text(section, "description", where, required=False, max_length=1000),
                        **{name: problems.texts(section, name, where, max_length=300) for name in lists},
                    }
                )
            problems.unique(key, sections, "slug")
            parts[key] = sections
        return parts

    def parts_of(self, framework):
        sections = framework.sections.prefetch_related("items")
        return {
            key: [
                {
                    "slug": s.slug,
                    "name": s.name,
                    "description": s.description,
                    **{name: [i.text for i in s.items.all() if i.group == name] for name in lists},
                }
                for s in sections
                if s.kind == kind
            ]
            for key, (kind, lists) in SECTION_LISTS.items()
        }

    def create_parts(self, framework, parts):
        from home.models import ChecklistItem, ChecklistSection

        items = []
        for key, (kind, lists) in SECTION_LISTS.items():
            specs = parts.get(key, [])
            sections = ChecklistSection.objects.bulk_create(
                ChecklistSection(
                    checklist=framework,
                    kind=kind,
                    slug=spec["slug"],
                    name=spec["name"],
                    description=spec["description"],
                    sort_order=order,
                )
                for order, spec in enumerate(specs)
            )
            for section, spec in zip(sections, specs, strict=True):
                items += [
                    ChecklistItem(section=section, group=name, text=text, sort_order=i)
                    for name in lists
                    for i, text in enumerate(spec[name])
                ]
        ChecklistItem.objects.bulk_create(items)

    def summary(self, framework):
        from home.models import ChecklistItem

        items = ChecklistItem.objects.filter(section__checklist=framework).count()
        return f"{framework.sections.count()} sections, {items} suggestions"
