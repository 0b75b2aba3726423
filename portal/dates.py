"""The one way a date is typed anywhere in the portal: the GOV.UK date input (day, month and year boxes).

`DayMonthYearField` is a DateField drawn as three numeric boxes under one legend, with a hint that gives
an example: a date in the past for fields that record what happened (`past=True`: when a visit was made, a
course held, a page signed), otherwise one in the future (a review date, a due date). Native date pickers
are not used: their look and keyboard behaviour differ between browsers and screen readers, and people
type dates faster than they pick them.

The boxes post `<name>-day`, `<name>-month` and `<name>-year`. A single value posted under the field's
own name (ISO `2027-03-27`, or `27/3/2027`) is accepted too, and wins over the boxes: that is what a
script or a test posts directly, and what a hidden copy of the field (a wizard's saved answer) carries.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy

PARTS = ("day", "month", "year")
INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]


def _example(year_offset):
    return f"For example, 27 3 {timezone.localdate().year + year_offset}"


# Lazy, so the example year moves on with the calendar in a long-running server.
date_hint = lazy(lambda: _example(+1), str)
past_date_hint = lazy(lambda: _example(-1), str)


class DayMonthYearWidget(forms.Widget):
    """Three boxes, day, month and year; the day box carries the field's own id (labels and the error
    summary link to it), the others `<id>-month` and `<id>-year`."""

    template_name = "portal/forms/day_month_year.html"
    use_fieldset = True  # one legend for the three boxes; the hint and error describe the fieldset

    def format_value(self, value):
        if isinstance(value, dict):  # what was typed, shown again as typed
            return {part: value.get(part, "") for part in PARTS}
        if isinstance(value, str) and value:  # a single value posted: shown again as typed, in the first box
            return {"day": value, "month": "", "year": ""}
        if isinstance(value, date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        return dict.fromkeys(PARTS, "")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        base_id = context["widget"]["attrs"].get("id", "")
        invalid = context["widget"]["attrs"].get("aria-invalid") == "true"
        typed = context["widget"]["value"]
        context["widget"]["parts"] = [
            {
                "part": part,
                "label": part.title(),
                "name": f"{name}-{part}",
                "id": base_id if part == "day" else f"{base_id}-{part}" if base_id else "",
                "value": typed[part],
                "size": 4 if part == "year" else 2,
                "invalid": invalid,
            }
            for part in PARTS
        ]
        return context

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        return {part: data.get(f"{name}-{part}") or "" for part in PARTS}

    def value_omitted_from_data(self, data, files, name):
        return name not in data and all(f"{name}-{part}" not in data for part in PARTS)

    def id_for_label(self, id_):
        return id_


class DayMonthYearField(forms.DateField):
    widget = DayMonthYearWidget
    input_formats = INPUT_FORMATS
    default_error_messages = {
        "invalid": "Enter a real date.",
        "incomplete": "%(label)s must include a %(missing)s.",
    }

    def __init__(self, *, past=False, **kwargs):
        example = past_date_hint() if past else date_hint()
        # A model field's own help text (what the date means) comes first, then the example.
        given = kwargs.get("help_text")
        kwargs["help_text"] = format_lazy("{} {}", given, example) if given else example
        super().__init__(**kwargs)

    def to_python(self, value):
        if not isinstance(value, dict):
            return super().to_python(value)
        day, month, year = (str(value.get(part) or "").strip() for part in PARTS)
        if not (day or month or year):
            return None
        missing = [part for part, typed in zip(PARTS, (day, month, year)) if not typed]
        if missing:
            raise ValidationError(
                self.error_messages["incomplete"],
                code="incomplete",
                params={"label": self.label or "The date", "missing": " and ".join(missing)},
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class PastDayMonthYearField(DayMonthYearField):
    """For a date that has happened (a visit, a course, a signature): its example is in the past. For a
    ModelForm's `field_classes`, which cannot pass `past=True`."""

    def __init__(self, **kwargs):
        super().__init__(past=True, **kwargs)
