"""The pure rules: rating codes, movement between rounds, status transitions, dates and counts."""

from datetime import date
from itertools import product

import pytest

from maturity import rules
from maturity.rules import ActionStatus, Movement, Status

STMM = ["Early", "Developing", "Maturing", "Mature"]
STMM_LABELS = [
    "Not rated",
    "Early",
    "Early/Developing",
    "Developing",
    "Developing/Maturing",
    "Maturing",
    "Maturing/Mature",
    "Mature",
]
STMM_CODES = [0, 2, 3, 4, 5, 6, 7, 8]


def test_every_stmm_rating_in_order():
    assert rules.rating_choices(STMM) == list(zip(STMM_CODES, STMM_LABELS))
    assert [rules.rating_label(code, STMM) for code in STMM_CODES] == STMM_LABELS


@pytest.mark.parametrize("level_count", [2, 3, 4, 5, 7])
def test_any_number_of_levels_gives_each_level_and_each_adjacent_pair(level_count):
    names = [f"L{i}" for i in range(1, level_count + 1)]
    choices = rules.rating_choices(names)
    assert len(choices) == 1 + level_count + (level_count - 1)
    codes = [code for code, _ in choices]
    assert codes == sorted(codes)
    for position in range(1, level_count + 1):
        assert rules.rating_label(rules.level_code(position), names) == f"L{position}"
    for lower in range(1, level_count):
        assert rules.rating_label(rules.between_code(lower), names) == f"L{lower}/L{lower + 1}"


@pytest.mark.parametrize("code", [1, 9, 10, -2, "4", None, 2.0])
def test_codes_outside_the_scale_are_invalid(code):
    assert not rules.is_valid_code(code, len(STMM))


def test_rating_label_refuses_an_invalid_code():
    with pytest.raises(ValueError):
        rules.rating_label(9, STMM)
    with pytest.raises(ValueError):
        rules.rating_label(1, STMM)


def test_ordinal_puts_between_levels_halfway():
    assert rules.ordinal(0) is None
    assert [rules.ordinal(code) for code in STMM_CODES[1:]] == [1, 1.5, 2, 2.5, 3, 3.5, 4]
    developing, between, maturing = (
        rules.ordinal(rules.parse_rating(t, STMM)) for t in ("Developing", "Developing/Maturing", "Maturing")
    )
    assert between - developing == maturing - between == 0.5


@pytest.mark.parametrize("code, label", list(zip(STMM_CODES, STMM_LABELS)))
def test_parse_rating_round_trips_every_label(code, label):
    assert rules.parse_rating(label, STMM) == code
    assert rules.parse_rating(label.upper(), STMM) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("", 0),
        ("  ", 0),
        (None, 0),
        ("No rating", 0),
        ("not rated", 0),
        ("Unrated", 0),
        ("Developing / Maturing", 5),
        ("Developing/ Maturing", 5),
        ("maturing/developing", 5),
        ("  mature ", 8),
    ],
)
def test_parse_rating_is_forgiving_about_case_spaces_and_order(text, code):
    assert rules.parse_rating(text, STMM) == code


@pytest.mark.parametrize(
    "text, message",
    [
        ("Early/Maturing", "adjacent"),
        ("Early/Mature", "adjacent"),
        ("Mature/Mature", "adjacent"),
        ("Excellent", "is not a rating"),
        ("Early/Developing/Maturing", "is not a rating"),
        ("Early/", "is not a rating"),
    ],
)
def test_parse_rating_explains_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        rules.parse_rating(text, STMM)


def _expected_movement(before, after, in_progress):
    """An independent statement of the movement rule, to check every pair against."""
    if after == 0:
        if in_progress:
            return "not_yet_rated", 0
        return ("not_rated", 0) if before == 0 else ("no_longer_rated", 0)
    if before == 0:
        return "first_rated", 0
    if after == before:
        return "same", 0
    return ("up" if after > before else "down"), abs(after - before)


@pytest.mark.parametrize("before, after, in_progress", list(product(STMM_CODES, STMM_CODES, [False, True])))
def test_movement_for_every_pair_of_ratings(before, after, in_progress):
    result = rules.movement(before, after, in_progress=in_progress)
    assert (result.direction, result.half_steps) == _expected_movement(before, after, in_progress)


@pytest.mark.parametrize("before, after", [(a, b) for a, b in product(STMM_CODES[1:], repeat=2)])
def test_movement_is_antisymmetric(before, after):
    forward, backward = rules.movement(before, after), rules.movement(after, before)
    assert forward.half_steps == backward.half_steps
    assert {forward.direction, backward.direction} in ({"same"}, {"up", "down"})


@pytest.mark.parametrize(
    "before, after, text, arrow",
    [
        ("Early", "Maturing", "Up 2 levels", "↑"),
        ("Developing", "Mature", "Up 2 levels", "↑"),
        ("Developing", "Maturing", "Up 1 level", "↑"),
        ("Developing", "Developing/Maturing", "Up half a level", "↑"),
        ("Early", "Developing/Maturing", "Up 1½ levels", "↑"),
        ("Early", "Mature", "Up 3 levels", "↑"),
        ("Maturing", "Developing", "Down 1 level", "↓"),
        ("Mature", "Maturing/Mature", "Down half a level", "↓"),
        ("Developing/Maturing", "Developing/Maturing", "Same", "→"),
        ("Not rated", "Developing", "First rated", ""),
        ("Developing", "Not rated", "No longer rated", ""),
        ("Not rated", "Not rated", "Not rated", ""),
    ],
)
def test_movement_text_and_arrow(before, after, text, arrow):
    result = rules.movement(rules.parse_rating(before, STMM), rules.parse_rating(after, STMM))
    assert (result.text, result.arrow) == (text, arrow)


def test_movement_into_a_draft_that_is_not_rated_yet():
    assert rules.movement(4, 0, in_progress=True).text == "Not yet rated"
    assert rules.movement(4, 6, in_progress=True).text == "Up 1 level"


def test_not_comparable_movement_has_text_and_no_arrow():
    assert (Movement("not_comparable").text, Movement("not_comparable").arrow) == ("Not comparable", "")


def test_distribution_counts_each_rating_lowest_first_without_unrated():
    assert rules.distribution([6, 4, 6, 0, 5, 6, 0]) == {4: 1, 5: 1, 6: 3}
    assert list(rules.distribution([8, 2, 5])) == [2, 5, 8]
    assert rules.distribution([]) == {}
    assert rules.distribution([0, 0]) == {}


ALLOWED = {
    (Status.DRAFT, Status.SUBMITTED),
    (Status.SUBMITTED, Status.SIGNED_OFF),
    (Status.SUBMITTED, Status.DRAFT),
}


@pytest.mark.parametrize("current, target", list(product(Status.values, repeat=2)))
def test_status_transitions(current, target):
    assert rules.can_transition(current, target) == ((current, target) in ALLOWED)


def test_nothing_leaves_signed_off():
    assert not any(rules.can_transition(Status.SIGNED_OFF, target) for target in Status.values)


def test_submission_needs_at_least_one_rated_strand():
    assert rules.submission_problems([0, 0, 0]) == [
        "Rate at least one strand before submitting the round to the board."
    ]
    assert rules.submission_problems([]) != []
    assert rules.submission_problems([0, 4, 0]) == []


@pytest.mark.parametrize(
    "status, is_open",
    [
        (ActionStatus.NOT_STARTED, True),
        (ActionStatus.IN_PROGRESS, True),
        (ActionStatus.COMPLETED, False),
        (ActionStatus.WITHDRAWN, False),
    ],
)
def test_open_actions(status, is_open):
    assert rules.is_open_action(status) is is_open


TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    "due, status, overdue",
    [
        (date(2026, 2, 28), ActionStatus.NOT_STARTED, True),
        (date(2026, 2, 28), ActionStatus.IN_PROGRESS, True),
        (date(2026, 2, 28), ActionStatus.COMPLETED, False),
        (date(2026, 2, 28), ActionStatus.WITHDRAWN, False),
        (date(2026, 3, 1), ActionStatus.NOT_STARTED, False),
        (date(2026, 3, 2), ActionStatus.IN_PROGRESS, False),
        (None, ActionStatus.NOT_STARTED, False),
    ],
)
def test_overdue(due, status, overdue):
    assert rules.is_overdue(due, status, TODAY) is overdue


@pytest.mark.parametrize(
    "start, end, label",
    [
        (date(2017, 9, 1), date(2017, 9, 30), "September 2017"),
        (date(2017, 9, 12), None, "September 2017"),
        (date(2018, 12, 1), date(2019, 1, 31), "December 2018 to January 2019"),
        (date(2026, 1, 12), date(2026, 3, 31), "January 2026 to March 2026"),
    ],
)
def test_period_label(start, end, label):
    assert rules.period_label(start, end) == label


@pytest.mark.parametrize(
    "stated, counts, expected",
    [
        (160, [None, None, None, None, None], (160, True)),  # Leicester, January 2019: "at least 160"
        (None, [12, 30, 8], (50, False)),
        (None, [12, None], (12, True)),
        (40, [12, 30], (42, False)),
        (60, [12, 30], (60, True)),
        (None, [], (0, False)),
        (0, [0], (0, False)),
    ],
)
def test_contributor_total(stated, counts, expected):
    assert rules.contributor_total(stated, counts) == expected
