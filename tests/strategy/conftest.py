from datetime import date

import pytest

from testdata.strategy import make_action, make_plan

TODAY = date(2026, 12, 2)  # Q3 2026-27: the last quarter ended on 30 September 2026


@pytest.fixture
def plan(db, la_officer):
    return make_plan("2026-27", by=la_officer)


@pytest.fixture
def action(plan, add_action):
    """An action led by the agency's lead, due in the future."""
    return add_action(
        plan,
        "agency",
        due_date=date(2027, 3, 31),
        rag="amber",
        description="Embed Rickter Scale assessment model",
    )


@pytest.fixture
def overdue_action(plan, add_action):
    return add_action(
        plan,
        "school",
        due_date=date(2026, 6, 30),
        rag="red",
        description="Raise awareness of EH strategy with appropriate groups",
    )


@pytest.fixture
def add_action(agency_lead, agency, school_lead, school):
    """make_action led by the agency's lead ("agency") or the school's ("school")."""
    leads = {"agency": (agency_lead, agency), "school": (school_lead, school)}

    def add(plan, led_by, **fields):
        user, organisation = leads[led_by]
        return make_action(plan, lead_user=user, lead_organisation=organisation, **fields)

    return add
