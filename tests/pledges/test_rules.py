"""The pure rules of pledge tracking, tested directly and exhaustively."""

from datetime import date, timedelta

import pytest

from home import rules as offer_rules
from pledges import rules
from pledges.models import Status

TODAY = date(2026, 3, 15)
DAY = timedelta(days=1)
ALL = list(Status)


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, Status.NOT_STARTED),
        ("", Status.NOT_STARTED),
        ("bogus", Status.NOT_STARTED),
        ("met", Status.MET),
        (Status.IN_PROGRESS, Status.IN_PROGRESS),
        ("not_applicable", Status.NOT_APPLICABLE),
    ],
)
def test_effective_status(value, expected):
    assert rules.effective_status(value) == expected


@pytest.mark.parametrize("status", [s for s in ALL if s != Status.NOT_APPLICABLE] + [None])
def test_overdue_when_review_date_has_passed_for_any_applicable_status(status):
    assert rules.is_overdue(status, TODAY - DAY, TODAY) is True
    assert rules.is_overdue(status, TODAY - 400 * DAY, TODAY) is True
    assert rules.is_overdue(status, TODAY, TODAY) is False  # due today is not yet overdue
    assert rules.is_overdue(status, TODAY + DAY, TODAY) is False
    assert rules.is_overdue(status, None, TODAY) is False


def test_not_applicable_is_never_overdue_or_due():
    assert rules.is_overdue(Status.NOT_APPLICABLE, TODAY - 30 * DAY, TODAY) is False
    assert rules.is_due_soon(Status.NOT_APPLICABLE, TODAY + DAY, TODAY) is False
    assert rules.reminder_kind(Status.NOT_APPLICABLE, TODAY - DAY, TODAY) is None


@pytest.mark.parametrize(
    "offset, window, expected",
    [
        (0, 30, True),
        (1, 30, True),
        (30, 30, True),
        (31, 30, False),
        (-1, 30, False),
        (7, 7, True),
        (8, 7, False),
        (0, 0, True),
        (1, 0, False),
    ],
)
def test_due_soon_window(offset, window, expected):
    assert rules.is_due_soon(Status.MET, TODAY + offset * DAY, TODAY, window) is expected


def test_due_soon_without_review_date():
    assert rules.is_due_soon(Status.MET, None, TODAY) is False


@pytest.mark.parametrize(
    "status, offset, expected",
    [
        (Status.MET, -1, "overdue"),
        (Status.IN_PROGRESS, -90, "overdue"),
        (Status.NOT_STARTED, -1, "overdue"),
        (Status.MET, 0, "due_soon"),
        (Status.MET, 30, "due_soon"),
        (Status.MET, 31, None),
        (Status.NOT_APPLICABLE, -1, None),
        (Status.NOT_APPLICABLE, 5, None),
    ],
)
def test_reminder_kind(status, offset, expected):
    assert rules.reminder_kind(status, TODAY + offset * DAY, TODAY) == expected


def test_reminder_kind_with_no_review_date():
    assert rules.reminder_kind(Status.MET, None, TODAY) is None


class TestStatusProblems:
    def test_not_applicable_needs_a_reason(self):
        assert set(rules.status_problems(Status.NOT_APPLICABLE, None, "", TODAY)) == {"not_applicable_reason"}
        assert set(rules.status_problems(Status.NOT_APPLICABLE, None, "   ", TODAY)) == {"not_applicable_reason"}
        assert "commission" in rules.status_problems(Status.NOT_APPLICABLE, None, "", TODAY)["not_applicable_reason"]

    def test_not_applicable_with_reason_is_fine_whatever_the_date(self):
        assert rules.status_problems(Status.NOT_APPLICABLE, None, "We commission", TODAY) == {}
        assert rules.status_problems(Status.NOT_APPLICABLE, TODAY - DAY, "We commission", TODAY) == {}

    @pytest.mark.parametrize("status", [Status.IN_PROGRESS, Status.MET])
    def test_in_progress_and_met_need_a_review_date(self, status):
        problems = rules.status_problems(status, None, "", TODAY)
        assert set(problems) == {"review_date"}
        assert status.label.lower() in problems["review_date"]
        assert rules.status_problems(status, TODAY, "", TODAY) == {}
        assert rules.status_problems(status, TODAY + 90 * DAY, "", TODAY) == {}

    def test_not_started_needs_no_review_date(self):
        assert rules.status_problems(Status.NOT_STARTED, None, "", TODAY) == {}

    @pytest.mark.parametrize("status", [Status.NOT_STARTED, Status.IN_PROGRESS, Status.MET])
    def test_review_date_cannot_be_in_the_past(self, status):
        problems = rules.status_problems(status, TODAY - DAY, "", TODAY)
        assert problems == {"review_date": "The review date must be today or in the future."}


@pytest.mark.parametrize(
    "status, overdue, colour",
    [
        (Status.NOT_STARTED, False, "grey"),
        (Status.IN_PROGRESS, False, "amber"),
        (Status.MET, False, "green"),
        (Status.NOT_APPLICABLE, False, "blue"),
        (Status.MET, True, "red"),
        (None, False, "grey"),
    ],
)
def test_cell_colour(status, overdue, colour):
    assert rules.cell_colour(status, overdue) == colour


def test_every_status_has_a_colour():
    assert set(rules.STATUS_COLOURS) == set(Status)


class TestCounts:
    def test_count_statuses(self):
        pairs = [
            (Status.MET, TODAY + DAY),
            (Status.MET, TODAY - DAY),  # overdue
            (Status.IN_PROGRESS, TODAY - DAY),  # overdue
            (None, None),
            (Status.NOT_STARTED, None),
            (Status.NOT_APPLICABLE, TODAY - DAY),  # not overdue: does not apply
        ]
        counts = rules.count_statuses(pairs, TODAY)
        assert counts == rules.Counts(not_started=2, in_progress=1, met=2, not_applicable=1, overdue=2)
        assert counts.total == 6
        assert counts.applicable == 5
        assert [counts.for_status(s) for s in Status] == [2, 1, 2, 1]

    def test_empty(self):
        counts = rules.count_statuses([], TODAY)
        assert counts == rules.Counts()
        assert counts.total == counts.applicable == 0
        assert rules.compliance_percent(counts) is None
        assert rules.all_met(counts) is False

    @pytest.mark.parametrize(
        "counts, percent",
        [
            (rules.Counts(met=5), 100),
            (rules.Counts(met=2, not_applicable=3), 100),
            (rules.Counts(met=1, in_progress=1, not_started=1), 33),
            (rules.Counts(met=2, not_started=1), 67),
            (rules.Counts(not_started=5), 0),
            (rules.Counts(not_applicable=5), None),
        ],
    )
    def test_compliance_percent_leaves_out_not_applicable(self, counts, percent):
        assert rules.compliance_percent(counts) == percent

    @pytest.mark.parametrize(
        "counts, expected",
        [
            (rules.Counts(met=5), True),
            (rules.Counts(met=2, not_applicable=3), True),
            (rules.Counts(met=4, in_progress=1), False),
            (rules.Counts(not_applicable=5), False),
            (rules.Counts(met=5, overdue=1), True),  # met, though its review is overdue
        ],
    )
    def test_all_met(self, counts, expected):
        assert rules.all_met(counts) is expected


OFFER_EXPECTED = {
    # offer state -> (the offer pledge's status, review overdue)
    offer_rules.PUBLISHED: (Status.MET, False),
    offer_rules.REVIEW_OVERDUE: (Status.MET, True),
    offer_rules.AWAITING_MODERATION: (Status.IN_PROGRESS, False),
    offer_rules.CHANGES_REQUESTED: (Status.IN_PROGRESS, False),
    offer_rules.DRAFT: (Status.IN_PROGRESS, False),
    offer_rules.NOT_STARTED: (Status.NOT_STARTED, False),
}


def test_every_offer_state_has_an_offer_pledge_status():
    assert set(OFFER_EXPECTED) == set(offer_rules.STATES)


@pytest.mark.parametrize("declared", ALL + [None])
@pytest.mark.parametrize("state", offer_rules.STATES, ids=lambda s: s.key)
def test_the_offer_pledge_follows_the_offer_whatever_was_typed(declared, state):
    position = rules.offer_pledge(declared, state)
    if declared == Status.NOT_APPLICABLE:
        # The one declaration that stands: an organisation with no offer of its own says why.
        assert position == rules.OfferPledge(Status.NOT_APPLICABLE)
        assert rules.offer_pledge_warning(declared, position) == ""
        return
    assert (position.status, position.overdue) == OFFER_EXPECTED[state]
    assert position.offer_label == state.label
    assert position.note == ("" if state.label == position.status.label else f"offer: {state.label.lower()}")
    warning = rules.offer_pledge_warning(declared, position)
    if rules.effective_status(declared) == position.status:
        assert warning == ""
    else:
        assert state.label in warning and position.status.label.lower() in warning


def test_met_with_no_offer_is_not_started_and_says_why():
    """The board saw pledge 4 as Met in green for an organisation whose offer was not started."""
    position = rules.offer_pledge(Status.MET, offer_rules.NOT_STARTED)
    assert position.status == Status.NOT_STARTED
    assert "recorded this pledge as met" in rules.offer_pledge_warning(Status.MET, position)


def test_an_unknown_offer_state_reads_as_not_started():
    assert rules.offer_pledge(Status.MET, None).status == Status.NOT_STARTED
