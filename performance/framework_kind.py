"""Indicator sets (a partnership's performance book), described for the framework kit (portal/frameworks.py).

A file names whose book it is (`partnership`) and lists its indicators in order; an indicator may list
`sub_measures` (Doncaster's 3.1 a-d), which are indicators too, with the indicator as their parent:

    "partnership": "Doncaster",
    "indicators": [
      {"reference": "3.1", "name": "Time taken from an Early Help enquiry ...", "theme": "Process measures",
       "unit": "average_days", "polarity": "lower_is_better", "frequency": "quarterly",
       "definition": "...", "data_source": "...", "by_locality": false,
       "sub_measures": [{"reference": "3.1a", "name": "Average working days from enquiry to allocation", ...}]},
      {"reference": "4.5", ..., "computed": "caseaudits_good_or_better"}
    ]

`unit`, `polarity` and `frequency` take the values in performance.models (Unit, Polarity, Frequency);
`computed` names a figure the portal works out from its own records instead of an owner's return.
A sub-measure takes its parent's theme, unit, polarity and frequency unless it gives its own.
"""

import re

from portal.frameworks import FrameworkKind, register

UNITS = ("percentage", "count", "rate_per_1000", "rate_per_10000", "average_days", "score")
POLARITIES = ("higher_is_better", "lower_is_better", "no_direction")
FREQUENCIES = ("monthly", "quarterly", "yearly")
COMPUTED_KEY = re.compile(r"^[a-z_]+(?::[a-z0-9-]+)?$")
FIELDS = (
    "reference",
    "name",
    "theme",
    "definition",
    "data_source",
    "unit",
    "polarity",
    "frequency",
    "by_locality",
    "computed",
    "parent",
)


def _read_indicator(problems, item, where, parent):
    """One indicator of the file; a sub-measure (`parent` given) takes the parent's fields it leaves out."""
    inherited = parent or {}
    indicator = {
        "reference": problems.text(item, "reference", where, max_length=20),
        "name": problems.text(item, "name", where, max_length=300),
        "theme": problems.text(item, "theme", where, required=not parent, max_length=200) or inherited.get("theme", ""),
        "definition": problems.text(item, "definition", where, required=False),
        "data_source": problems.text(item, "data_source", where, required=False, max_length=300),
        "unit": problems.choice(item, "unit", UNITS, where, default=inherited.get("unit")),
        "polarity": problems.choice(
            item, "polarity", POLARITIES, where, default=inherited.get("polarity", "no_direction")
        ),
        "frequency": problems.choice(
            item, "frequency", FREQUENCIES, where, default=inherited.get("frequency", "quarterly")
        ),
        "by_locality": problems.flag(item, "by_locality", where, default=inherited.get("by_locality", False)),
        "computed": problems.text(item, "computed", where, required=False, max_length=100),
        "parent": inherited.get("reference"),
    }
    if indicator["computed"] and not COMPUTED_KEY.match(indicator["computed"]):
        problems.add(
            problems.place(where, "computed"),
            "use a key like 'caseaudits_good_or_better' or 'principle_compliance:action-plan'",
        )
    return indicator


@register(
    "indicators",
    "Performance indicator sets",
    model="performance.IndicatorSet",
    command="load_indicator_set",
    responses="returns",
)
class IndicatorSetFramework(FrameworkKind):
    extra_header = {"partnership": (True, 100)}

    def read_parts(self, problems, data):
        indicators = []
        for where, item in problems.objects(data, "indicators"):
            parent = _read_indicator(problems, item, where, None)
            indicators.append(parent)
            for sub_where, sub in problems.objects(item, "sub_measures", where, at_least=0):
                indicators.append(_read_indicator(problems, sub, sub_where, parent))
        problems.unique("indicators", indicators, "reference", compare=str.lower)
        return {"indicators": indicators}

    def parts_of(self, framework):
        rows = framework.indicators.select_related("parent").order_by("order")
        return {
            "indicators": [
                {
                    **{name: getattr(row, name) for name in FIELDS if name != "parent"},
                    "parent": row.parent.reference if row.parent_id else None,
                }
                for row in rows
            ]
        }

    def create_parts(self, framework, parts):
        from performance.models import Indicator

        created = {}
        for order, fields in enumerate(parts["indicators"], start=1):
            values = {name: value for name, value in fields.items() if name != "parent"}
            parent = created.get(fields["parent"]) if fields["parent"] else None
            created[fields["reference"]] = Indicator.objects.create(
                indicator_set=framework, order=order, parent=parent, **values
            )

    def summary(self, framework):
        total = framework.indicators.count()
        subs = framework.indicators.filter(parent__isnull=False).count()
        return f"{total} indicators" + (f" ({subs} of them sub-measures)" if subs else "")
