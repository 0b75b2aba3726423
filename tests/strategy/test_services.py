"""Writes: carrying open actions forward (idempotent, keeping history), progress updates (never
overwritten, stale ones refused), actions from a maturity recommendation."""

from datetime import date

import pytest

from maturity.models import ActionItem
from portal.concurrency import StaleEditError
from strategy import selectors, services
from strategy.models import Action, ObjectiveResponse, ProgressUpdate
from testdata.strategy import add_update, make_plan, make_recommendation


@pytest.fixture
def last_year(db, la_officer, agency_lead, school_lead, add_action):
    plan = make_plan("2025-26", by=la_officer)
    objectives = list(plan.objective_set.objectives.order_by("order"))
    done = add_action(
        plan,
        "agency",
        due_date=date(2026, 3, 31),
        description="Finished",
        objective=objectives[0],
    )
    add_update(done, by=agency_lead, rag="green", narrative="All done.", on=date(2026, 2, 1))
    open_one = add_action(
        plan,
        "school",
        due_date=date(2026, 3, 31),
        description="Still going",
        objective=objectives[2],
    )
    add_update(open_one, by=school_lead, rag="amber", narrative="Halfway.", on=date(2025, 10, 1))
    add_action(
        plan,
        "school",
        due_date=date(2026, 3, 31),
        description="Not begun",
        objective=objectives[4],
    )
    ObjectiveResponse.objects.create(plan=plan, objective=objectives[0], text="Universal Offer")
    return plan


def test_a_new_years_plan_carries_the_open_actions_once(last_year, la_officer):
    plan, result = services.create_plan(
        year="2026-27", objective_set=last_year.objective_set, start_from=last_year, by=la_officer
    )
    assert sorted(a.description for a in result.carried) == ["Not begun", "Still going"]
    carried = Action.objects.get(plan=plan, description="Still going")
    assert carried.rag == "amber" and carried.initial_rag == "amber"
    assert carried.carried_from.plan == last_year
    assert plan.responses.get().text == "Universal Offer"

    again = services.carry_forward(plan, by=la_officer)
    assert again.carried == [] and again.already == 2
    assert plan.actions.count() == 2
    assert str(again) == "0 open actions carried forward; 2 carried before."


def test_a_carried_action_keeps_its_history(last_year, la_officer, school_lead):
    plan, _ = services.create_plan(
        year="2026-27", objective_set=last_year.objective_set, start_from=last_year, by=la_officer
    )
    carried = Action.objects.get(plan=plan, description="Still going")
    add_update(carried, by=school_lead, rag="green", narrative="Finished this year.", on=date(2026, 6, 1))
    updates, earlier = selectors.history(carried)
    assert [u.narrative for u in updates] == ["Finished this year.", "Halfway."]
    assert [a.plan.year for a in earlier] == ["2025-26"]


def test_an_update_sets_the_rag_and_is_never_overwritten(action, agency_lead):
    update = add_update(action, by=agency_lead, rag="red", narrative="Licences delayed.")
    action.refresh_from_db()
    assert action.rag == "red" and update.rag_before == "amber"
    update.narrative = "Changed my mind"
    with pytest.raises(ValueError):
        update.save()
    assert ProgressUpdate.objects.get(pk=update.pk).narrative == "Licences delayed."


def test_an_update_from_a_stale_copy_is_refused(action, agency_lead, la_officer):
    seen = action.version
    services.add_update(
        Action.objects.get(pk=action.pk), by=la_officer, narrative="First", rag="red", expected_version=seen
    )
    with pytest.raises(StaleEditError):
        services.add_update(
            Action.objects.get(pk=action.pk), by=agency_lead, narrative="Second", rag="green", expected_version=seen
        )
    assert list(action.updates.values_list("narrative", flat=True)) == ["First"]
    assert Action.objects.get(pk=action.pk).rag == "red"


def test_a_plan_year_is_checked(plan, la_officer):
    with pytest.raises(services.PlanError):
        services.create_plan(year="2026-27", objective_set=plan.objective_set, by=la_officer)
    with pytest.raises(services.PlanError):
        services.create_plan(year="2026", objective_set=plan.objective_set, by=la_officer)


def test_an_action_made_from_a_recommendation_links_back(plan, la_officer, agency_lead, agency):
    item = make_recommendation()
    action = services.action_from_recommendation(
        plan,
        recommendation=item,
        objective=plan.objective_set.objectives.first(),
        lead_user=agency_lead,
        lead_organisation=agency,
        due_date=date(2027, 1, 31),
        by=la_officer,
    )
    assert action.recommendation == item and action.description == item.action
    assert isinstance(item, ActionItem)


def test_a_carried_actions_latest_update_is_last_years_until_it_has_its_own(last_year, la_officer, school_lead):
    plan, _ = services.create_plan(
        year="2026-27", objective_set=last_year.objective_set, start_from=last_year, by=la_officer
    )
    today = date(2026, 12, 2)
    latest = {a.description: a.latest_narrative for a in selectors.plan_figures(plan, today).actions}
    assert latest == {"Still going": "Halfway.", "Not begun": None}
    carried = Action.objects.get(plan=plan, description="Still going")
    add_update(carried, by=school_lead, rag="amber", narrative="Three quarters.", on=date(2026, 6, 1))
    latest = {a.description: a.latest_narrative for a in selectors.plan_figures(plan, today).actions}
    assert latest["Still going"] == "Three quarters."


def test_writes_are_in_the_audit_trail(action, agency_lead, la_officer, client_for):
    from auditlog.models import LogEntry

    add_update(action, by=agency_lead, rag="red", narrative="Licences delayed.")
    logged = set(LogEntry.objects.values_list("content_type__model", flat=True))
    assert {"action", "progressupdate"} <= logged
    assert client_for(la_officer).get("/audit-trail/").status_code == 200
