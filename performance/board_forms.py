"""The scorecard's filters. Every choice is offered from the data, so a typed-in value that is not one of
them is an error beside its field, never a 500; the page then shows the scorecard without that filter."""

from django import forms
from django.db.models import Min

from performance import periods
from performance.models import IndicatorSet, Return
from performance.rules import Rating
from portal.models import Locality
from portal.periods import financial_year_label, financial_year_start


def year_choices(indicator_set, today):
    """The financial years with returns for the set, and the current one, newest first."""
    first = Return.objects.filter(indicator__indicator_set=indicator_set).aggregate(first=Min("period_start"))["first"]
    last_year = financial_year_start(periods.last_ended(periods.MONTHLY, today).start)
    first_year = financial_year_start(first) if first else last_year
    return [(label, label) for label in (financial_year_label(y) for y in range(last_year, first_year - 1, -1))]


class ScorecardFilterForm(forms.Form):
    set = forms.ChoiceField(label="Indicator set", required=False)
    year = forms.ChoiceField(label="Financial year", required=False)
    theme = forms.ChoiceField(label="Theme", required=False)
    rag = forms.ChoiceField(label="RAG rating", required=False, choices=[("", "Any rating"), *Rating.choices])
    exceptions = forms.BooleanField(label="Exceptions only (Red, or worsening two periods running)", required=False)
    locality = forms.ModelChoiceField(
        label="Locality",
        required=False,
        queryset=Locality.objects.order_by("name"),
        empty_label="The whole partnership",
        to_field_name="slug",
    )

    def __init__(self, *args, indicator_set, sets, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["set"].choices = [(s.slug, s.title) for s in sets]
        self.fields["year"].choices = year_choices(indicator_set, today) if indicator_set else []
        themes = []
        if indicator_set is not None:
            for theme in indicator_set.indicators.order_by("order").values_list("theme", flat=True):
                if theme not in themes:
                    themes.append(theme)
        self.fields["theme"].choices = [("", "Every theme"), *((t, t) for t in themes)]

    def value(self, name, default=None):
        """A filter's cleaned value, or `default` when it was left out or is not valid."""
        if not self.is_bound or name in self.errors:
            return default
        self.is_valid()
        return self.cleaned_data.get(name) or default


def sets_readable():
    """Each set's current (else latest) version, for the set chooser."""
    latest = {}
    for indicator_set in IndicatorSet.objects.order_by("slug", "version"):
        if indicator_set.slug not in latest or indicator_set.is_current or not latest[indicator_set.slug].is_current:
            latest[indicator_set.slug] = indicator_set
    return sorted(latest.values(), key=lambda s: (not s.is_current, s.title))
