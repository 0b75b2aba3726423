"""Objective sets (a partnership's strategy objectives or action-plan themes), described for the framework
kit (portal/frameworks.py).

A file names whose strategy it is (`partnership`), what it calls each item (`item_label`: "objective" or
"theme") and lists them in order, in the strategy's own words; `theme` is the heading an objective sits
under where the strategy groups them (Leicester's Support, Strengthen and Thrive):

    "partnership": "Leicester", "item_label": "objective",
    "objectives": [
      {"reference": "S1", "theme": "Support",
       "title": "To target resources effectively to support children and their families ..."}
    ]
"""

from portal.frameworks import FrameworkKind, register

ITEM_LABELS = ("objective", "theme")
FIELDS = ("reference", "theme", "title")


@register(
    "objectives",
    "Strategy objectives",
    model="strategy.ObjectiveSet",
    command="load_objectives",
    responses="plans",
)
class ObjectiveSetFramework(FrameworkKind):
    extra_header = {"partnership": (True, 100), "item_label": (False, 30)}

    def read_parts(self, problems, data):
        objectives = [
            {
                "reference": problems.text(item, "reference", where, max_length=20),
                "theme": problems.text(item, "theme", where, required=False, max_length=100),
                "title": problems.text(item, "title", where, max_length=1000),
            }
            for where, item in problems.objects(data, "objectives")
        ]
        problems.unique("objectives", objectives, "reference", compare=str.lower)
        label = data.get("item_label") or "objective"
        if label not in ITEM_LABELS:
            problems.add("item_label", f"must be one of {', '.join(ITEM_LABELS)}")
        return {"objectives": objectives}

    def parse(self, data):
        parsed = super().parse(data)
        # An absent item_label means "objective", so a file without one compares equal to its stored copy.
        parsed.header["item_label"] = parsed.header["item_label"] or "objective"
        return parsed

    def parts_of(self, framework):
        return {"objectives": [{name: getattr(o, name) for name in FIELDS} for o in framework.objectives.all()]}

    def create_parts(self, framework, parts):
        from strategy.models import Objective

        Objective.objects.bulk_create(
            Objective(objective_set=framework, order=order, **fields)
            for order, fields in enumerate(parts["objectives"], start=1)
        )

    def summary(self, framework):
        count = framework.objectives.count()
        return f"{count} {framework.item_label}{'s' if count != 1 else ''}"
