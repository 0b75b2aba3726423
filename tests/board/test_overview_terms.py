"""The pure pieces the overview's periods and chart are made of: academic terms, shares, the RAG bar."""

from datetime import date

import pytest

from portal.charts import rag_bar
from portal.overview import Figure, OverviewSection, share_figure, share_text
from portal.periods import Term, academic_term


@pytest.mark.parametrize(
    "day, label, first, last, previous",
    [
        (date(2026, 9, 1), "Autumn term 2026", date(2026, 9, 1), date(2026, 12, 31), "Summer term 2026"),
        (date(2026, 12, 31), "Autumn term 2026", date(2026, 9, 1), date(2026, 12, 31), "Summer term 2026"),
        (date(2027, 1, 1), "Spring term 2027", date(2027, 1, 1), date(2027, 3, 31), "Autumn term 2026"),
        (date(2027, 3, 31), "Spring term 2027", date(2027, 1, 1), date(2027, 3, 31), "Autumn term 2026"),
        (date(2027, 4, 1), "Summer term 2027", date(2027, 4, 1), date(2027, 8, 31), "Spring term 2027"),
        (date(2027, 8, 31), "Summer term 2027", date(2027, 4, 1), date(2027, 8, 31), "Spring term 2027"),
    ],
)
def test_every_day_falls_in_one_term(day, label, first, last, previous):
    term = academic_term(day)
    assert (term.label, term.first_day, term.last_day, term.previous().label) == (label, first, last, previous)
    assert str(term) == label and term.first_day <= day <= term.last_day


def test_terms_follow_one_another_without_gaps():
    term = Term(2030, 9)
    for _ in range(9):
        before = term.previous()
        assert date.fromordinal(before.last_day.toordinal() + 1) == term.first_day
        term = before


def test_shares_are_written_one_way():
    assert share_text(42, 53) == "79% (42 of 53)"
    assert share_text(0, 0) == "None yet (0 of 0)"
    figure = share_figure("Reviewed on time", 1, 3, previous=(2, 2))
    assert (figure.value, figure.text, figure.previous, figure.previous_text) == (
        33,
        "33% (1 of 3)",
        100,
        "100% (2 of 2)",
    )
    assert share_figure("Nothing", 0, 0).value is None


def test_a_figure_without_a_value_says_so_and_a_section_finds_its_figures_by_label():
    section = OverviewSection("x", "X", "", figures=[Figure("Unknown", None), Figure("Known", 3, previous=2)])
    assert section.figure("Unknown").text == "Not yet known"
    assert section.figure("Known").previous_text == "2"
    assert section.as_dict()["figures"][1]["previous"] == 2


def test_the_rag_bar_says_its_numbers_in_words():
    labels = {"red": "Red", "amber": "Amber", "green": "Green", "not_started": "Not started"}
    svg = rag_bar({"red": 1, "amber": 0, "green": 3, "not_started": 0}, labels, title="1. DSL")
    assert 'role="img"' in svg
    assert "<title>1. DSL: Red 1, Amber 0, Green 3, Not started 0</title>" in svg
    assert svg.count("<rect") == 2  # no segment for a rating nobody has
    empty = rag_bar(dict.fromkeys(labels, 0), labels, title="None")
    assert "<rect" in empty and "Red 0" in empty
