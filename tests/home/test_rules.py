"""The offer rules, directly: no database."""

from datetime import UTC, date, datetime

import pytest

from home import rules

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    "phase, expected",
    [
        ("primary", ("primary",)),
        ("early_years", ("primary",)),
        ("secondary", ("secondary",)),
        ("college", ("secondary",)),
        ("all_through", ("primary", "secondary")),
        ("special", ("primary", "secondary")),
        ("", ("primary", "secondary")),
    ],
)
def test_provision_phases(phase, expected):
    assert rules.provision_phases(phase) == expected


@pytest.mark.parametrize(
    "kind, phase, expected",
    [
        ("school", "primary", (4, 11)),
        ("school", "secondary", (11, 18)),
        ("school", "early_years", (2, 5)),
        ("school", "all_through", (4, 18)),
        ("school", "special", (2, 19)),
        ("school", "college", (16, 19)),
        ("school", "", (None, None)),
        ("agency", "", (None, None)),
        ("la_service", "primary", (None, None)),
    ],
)
def test_default_age_range(kind, phase, expected):
    assert rules.default_age_range(kind, phase) == expected


@pytest.mark.parametrize(
    "min_age, max_age, age, expected",
    [
        (4, 11, 4, True),
        (4, 11, 11, True),
        (4, 11, 3, False),
        (4, 11, 12, False),
        (None, 11, 0, True),
        (4, None, 25, True),
        (None, None, 7, True),
    ],
)
def test_serves_age(min_age, max_age, age, expected):
    assert rules.serves_age(min_age, max_age, age) is expected


@pytest.mark.parametrize(
    "min_age, max_age, label",
    [(None, None, "All ages"), (None, 5, "Up to 5"), (16, None, "16 and over"), (4, 11, "4 to 11")],
)
def test_age_range_label(min_age, max_age, label):
    assert rules.age_range_label(min_age, max_age) == label


def test_split_lines_trims_and_drops_blanks_and_repeats():
    assert rules.split_lines("  Homework club \n\n homework   CLUB\nBreakfast  club\n") == [
        "Homework club",
        "Breakfast club",
    ]
    assert rules.split_lines("") == []
    assert rules.split_lines(None) == []


def test_split_checklist_separates_ticked_suggestions_from_own_items():
    suggestions = ["First day calling", "Home visits", "Walking bus"]
    ticked, own = rules.split_checklist(["walking bus", "Breakfast club", "First day calling"], suggestions)
    assert ticked == ["First day calling", "Walking bus"]  # the checklist's order
    assert own == ["Breakfast club"]


def test_join_checklist_orders_ticks_then_own_lines_without_repeats():
    suggestions = ["First day calling", "Home visits", "Walking bus"]
    items = rules.join_checklist(["Walking bus", "First day calling"], "Breakfast club\nhome visits\n", suggestions)
    assert items == ["First day calling", "Walking bus", "Breakfast club", "home visits"]
    assert rules.join_checklist([], "", suggestions) == []


def test_join_checklist_keeps_a_ticked_item_the_checklist_no_longer_suggests():
    assert rules.join_checklist(["Retired suggestion"], "", ["New suggestion"]) == ["Retired suggestion"]


def test_split_then_join_round_trips():
    suggestions = ["A", "B", "C"]
    stored = ["C", "A", "Own one"]
    ticked, own = rules.split_checklist(stored, suggestions)
    assert rules.join_checklist(ticked, "\n".join(own), suggestions) == ["A", "C", "Own one"]


def test_checklist_problems():
    assert rules.checklist_problems(["fine"]) == []
    [too_long] = rules.checklist_problems(["x" * 301])
    assert "300 characters or fewer" in too_long
    [too_many] = rules.checklist_problems([f"item {i}" for i in range(81)])
    assert "at most 80" in too_many and "81" in too_many


@pytest.mark.parametrize(
    "value, expected",
    [
        ({"primary": ["x"], "secondary": [], "outcomes": []}, True),
        ({"primary": [], "secondary": ["x"], "outcomes": []}, True),
        ({"primary": [], "secondary": [], "outcomes": ["an outcome alone"]}, False),
        ({"primary": [], "secondary": [], "outcomes": []}, False),
    ],
)
def test_has_provision(value, expected):
    assert rules.has_provision(value) is expected


def _signed(prefixes, on=date(2026, 3, 1)):
    values = {}
    for prefix in prefixes:
        values[f"{prefix}_name"] = "A Person"
        values[f"{prefix}_signed_on"] = on
    return values


SCHOOL_ROLES = ["head_teacher", "chair_of_governors", "senco", "dsl"]


def test_sign_off_complete_for_a_school():
    assert rules.sign_off_problems("school", _signed(SCHOOL_ROLES), date(2026, 3, 2), date(2027, 3, 2), TODAY) == {}


def test_sign_off_names_each_missing_school_signature():
    values = _signed(["head_teacher", "chair_of_governors", "dsl"])
    problems = rules.sign_off_problems("school", values, date(2026, 3, 2), date(2027, 3, 2), TODAY)
    assert problems == {
        "senco_name": "Enter the name of the SENCo who signed the offer.",
        "senco_signed_on": "Enter the date the SENCo signed.",
    }


def test_sign_off_for_an_agency_needs_only_the_designated_lead():
    assert (
        rules.sign_off_problems("agency", _signed(["designated_lead"]), date(2026, 3, 2), date(2027, 3, 2), TODAY) == {}
    )
    problems = rules.sign_off_problems("la_service", {}, date(2026, 3, 2), date(2027, 3, 2), TODAY)
    assert set(problems) == {"designated_lead_name", "designated_lead_signed_on"}


def test_sign_off_without_a_recorded_lead_says_to_record_one():
    """The lead's name is the organisation's recorded lead; missing, the rule says where it is recorded."""
    school = rules.sign_off_problems("school", _signed(SCHOOL_ROLES[:3]), date(2026, 3, 2), date(2027, 3, 2), TODAY)
    assert school["dsl_name"] == rules.NO_RECORDED_LEAD
    agency = rules.sign_off_problems("agency", {}, date(2026, 3, 2), date(2027, 3, 2), TODAY)
    assert agency["designated_lead_name"] == rules.NO_RECORDED_LEAD
    assert rules.RECORDED_LEAD_PREFIX == {"school": "dsl", "other": "designated_lead"}


def test_sign_off_date_in_the_future_is_refused():
    values = _signed(SCHOOL_ROLES)
    values["dsl_signed_on"] = date(2026, 3, 11)
    problems = rules.sign_off_problems("school", values, date(2026, 3, 2), date(2027, 3, 2), TODAY)
    assert problems == {"dsl_signed_on": "The date signed must be today or in the past."}


def test_sign_off_requires_the_dates_completed_and_for_review():
    problems = rules.sign_off_problems("agency", _signed(["designated_lead"]), None, None, TODAY)
    assert problems == {
        "completed_on": "Enter the date the offer was completed.",
        "review_date": "Enter the date you will next review the offer.",
    }


@pytest.mark.parametrize(
    "completed, review, required, expected",
    [
        (None, None, False, {}),
        (date(2026, 3, 1), date(2027, 3, 1), True, {}),
        (date(2026, 3, 11), None, False, {"completed_on": "The date completed must be today or in the past."}),
        (
            date(2026, 3, 1),
            date(2026, 3, 1),
            False,
            {"review_date": "The review date must be after the date completed."},
        ),
        (
            date(2026, 3, 1),
            date(2026, 2, 1),
            False,
            {"review_date": "The review date must be after the date completed."},
        ),
        (None, date(2025, 1, 1), False, {}),
    ],
)
def test_review_problems(completed, review, required, expected):
    assert rules.review_problems(completed, review, TODAY, required=required) == expected


@pytest.mark.parametrize(
    "published, review_date, expected",
    [
        (True, date(2026, 3, 9), True),
        (True, date(2026, 3, 10), False),  # due today is not yet overdue
        (True, date(2026, 3, 11), False),
        (True, None, False),
        (False, date(2020, 1, 1), False),  # a draft is never "overdue"
    ],
)
def test_is_review_overdue(published, review_date, expected):
    assert rules.is_review_overdue(published, review_date, TODAY) is expected


def test_last_reviewed_on_prefers_the_date_completed():
    published = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)
    assert rules.last_reviewed_on(date(2025, 12, 1), published) == date(2025, 12, 1)
    assert rules.last_reviewed_on(None, published) == date(2026, 1, 5)
    assert rules.last_reviewed_on(None, None) is None


def test_last_reviewed_on_uses_the_partnerships_time_zone():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    assert rules.last_reviewed_on(None, datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)


@pytest.mark.parametrize(
    "exists, live, workflow, review_date, expected",
    [
        (False, False, "", None, rules.NOT_STARTED),
        (True, False, "", None, rules.DRAFT),
        (True, False, "in_progress", None, rules.AWAITING_MODERATION),
        (True, True, "in_progress", date(2020, 1, 1), rules.AWAITING_MODERATION),  # resubmitted after review
        (True, False, "needs_changes", None, rules.CHANGES_REQUESTED),
        (True, True, "", date(2027, 1, 1), rules.PUBLISHED),
        (True, True, "", None, rules.PUBLISHED),
        (True, True, "", date(2026, 3, 9), rules.REVIEW_OVERDUE),
    ],
)
def test_offer_state(exists, live, workflow, review_date, expected):
    assert (
        rules.offer_state(exists=exists, live=live, workflow_status=workflow, review_date=review_date, on=TODAY)
        == expected
    )


def test_every_state_has_words_and_a_colour():
    for state in rules.STATES:
        assert state.label and state.colour in {"grey", "blue", "green", "red", "amber"}
    assert rules.STATES_BY_KEY["review_overdue"].label == "Review overdue"


@pytest.mark.parametrize(
    "kind, phase, sector, locality, expected",
    [
        ("school", "primary", "Education", "North East", "Primary school in North East"),
        ("school", "early_years", "Education", "", "Nursery school across the city"),
        ("school", "", "Education", "West", "School in West"),
        ("agency", "", "Health", "", "Health organisation across the city"),
        ("agency", "", "", "", "Organisation across the city"),
        ("la_service", "", "Council services", "South", "Council service in South"),
        ("commissioner", "", "Health", "", "Commissioner across the city"),
    ],
)
def test_describe_organisation(kind, phase, sector, locality, expected):
    assert rules.describe_organisation(kind, phase, sector, locality) == expected


@pytest.mark.parametrize(
    "codes, label",
    [
        (["MO", "TU", "WE", "TH", "FR"], "Monday to Friday"),
        (["FR", "MO"], "Monday and Friday"),
        (["MO", "TU"], "Monday and Tuesday"),
        (["MO", "TU", "WE", "SA"], "Monday to Wednesday and Saturday"),
        (["MO", "WE", "FR"], "Monday, Wednesday and Friday"),
        (["SU"], "Sunday"),
        ([], ""),
    ],
)
def test_days_label(codes, label):
    assert rules.days_label(codes) == label
