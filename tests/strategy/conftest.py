from datetime import date

import pytest

from testdata.strategy import make_action, make_plan

TODAY = date(2026, 12, 2)  # Q3 2026-27: the last quarter ended on 30 September 2026


@pytest.fixture
def plan(db, la_officer):
    return make_plan("2026-27", by=la_officer)


@pytest.fixture
def action(plan, agency_lead, agency):
    """An action led by the agency's lead, due in the future."""
    return make_action(
        plan,
        lead_user=agency_lead,
        lead_organisation=agency,
        due_date=date(2027, 3, 31),
        rag="amber",
        description="Embed Rickter Scale assessment model",
    )


@pytest.fixture
def overdue_action(plan, school_lead, school):
    return make_action(
        plan,
        lead_user=school_lead,
        lead_organisation=school,
        due_date=date(2026, 6, 30),
        rag="red",
        description="Raise awareness of EH strategy with appropriate groups",
    )
