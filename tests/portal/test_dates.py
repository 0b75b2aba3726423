"""The one date-entry convention: GOV.UK day / month / year boxes, with a hint giving an example."""

from datetime import date

import pytest
from django import forms
from django.utils import timezone

from portal.dates import DayMonthYearField, PastDayMonthYearField


class VisitForm(forms.Form):
    visited_on = PastDayMonthYearField(label="Date of visit")
    review_on = DayMonthYearField(label="Review date", required=False, help_text="When you will look again.")


def test_three_labelled_boxes_in_one_fieldset_with_the_hint_and_the_error():
    html = VisitForm(data={"visited_on-day": "3", "visited_on-month": "", "visited_on-year": "2026"}).as_div()
    assert (
        '<fieldset class="fieldset" role="group" aria-describedby="id_visited_on_helptext id_visited_on_error">' in html
    )
    assert '<legend class="fieldset__legend">Date of visit</legend>' in html
    for part, box_id in (("day", "id_visited_on"), ("month", "id_visited_on-month"), ("year", "id_visited_on-year")):
        assert f'<label class="label date-input__label" for="{box_id}">{part.title()}</label>' in html
        assert f'id="{box_id}" name="visited_on-{part}" type="text" inputmode="numeric"' in html
    assert 'name="visited_on-day" type="text" inputmode="numeric" size="2" value="3"' in html  # kept as typed
    assert "Date of visit must include a month." in html
    assert html.count('aria-invalid="true"') == 3


def test_hints_give_a_past_example_for_past_dates_and_a_future_one_otherwise():
    year = timezone.localdate().year
    form = VisitForm()
    assert str(form.fields["visited_on"].help_text) == f"For example, 27 3 {year - 1}"
    assert str(form.fields["review_on"].help_text) == f"When you will look again. For example, 27 3 {year + 1}"


@pytest.mark.parametrize(
    "parts, expected",
    [
        (("27", "3", "2026"), date(2026, 3, 27)),
        ((" 7 ", "03", "2026"), date(2026, 3, 7)),
        (("", "", ""), None),
    ],
)
def test_typed_boxes_make_a_date(parts, expected):
    form = VisitForm(
        data=dict(zip(("review_on-day", "review_on-month", "review_on-year"), parts)) | {"visited_on": "2026-01-02"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["review_on"] == expected


@pytest.mark.parametrize(
    "parts, message",
    [
        (("31", "2", "2026"), "Enter a real date."),
        (("1", "13", "2026"), "Enter a real date."),
        (("1", "1", "26"), "Enter a real date."),
        (("x", "1", "2026"), "Enter a real date."),
        (("1", "", ""), "Date of visit must include a month and year."),
        (("", "4", "2026"), "Date of visit must include a day."),
    ],
)
def test_impossible_or_incomplete_dates_are_named(parts, message):
    form = VisitForm(data=dict(zip(("visited_on-day", "visited_on-month", "visited_on-year"), parts)))
    assert form.errors["visited_on"] == [message]


@pytest.mark.parametrize("single", ["2026-03-27", "27/3/2026"])
def test_a_single_value_posted_under_the_fields_name_is_accepted(single):
    form = VisitForm(data={"visited_on": single, "visited_on-day": "", "visited_on-month": "", "visited_on-year": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["visited_on"] == date(2026, 3, 27)


def test_a_stored_date_is_shown_in_its_boxes_and_a_hidden_copy_reads_back():
    form = VisitForm(initial={"visited_on": date(2026, 3, 27)})
    html = str(form["visited_on"])
    assert 'name="visited_on-day" type="text" inputmode="numeric" size="2" value="27"' in html
    assert 'name="visited_on-year" type="text" inputmode="numeric" size="4" value="2026"' in html
    hidden = form["visited_on"].as_hidden(only_initial=True)
    assert 'name="initial-visited_on"' in hidden and 'value="2026-03-27"' in hidden
