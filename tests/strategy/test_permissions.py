"""Role x view: the LA runs the plan; the board reads everything (plans, actions, history, export) and writes
nothing; an action's lead reads the plan and adds updates and evidence to their own action only; nobody else
sees the plan. Refusals are a sign-in redirect or 403, never a 500."""

import pytest

from portal.permissions import strategy as can
from testdata.people import ROLES

READ = ["index", "plan", "action"]
LEAD = ["action_update", "action_evidence"]
MANAGE = ["plan_create", "response", "action_create", "from_recommendation", "action_edit"]
EXPORT = ["export"]


def urls(plan, action):
    objective = action.objective
    return {
        "index": "/strategy/",
        "plan": f"/strategy/{plan.year}/",
        "action": f"/strategy/actions/{action.pk}/",
        "action_update": f"/strategy/actions/{action.pk}/update/",
        "action_evidence": f"/strategy/actions/{action.pk}/evidence/",
        "plan_create": "/strategy/new/",
        "response": f"/strategy/{plan.year}/objectives/{objective.pk}/response/",
        "action_create": f"/strategy/{plan.year}/actions/new/",
        "from_recommendation": f"/strategy/{plan.year}/actions/from-recommendation/",
        "action_edit": f"/strategy/actions/{action.pk}/edit/",
        "export": f"/strategy/{plan.year}/export.xlsx",
    }


ALLOWED = {
    "anonymous": set(),
    "admin": set(READ + LEAD + MANAGE + EXPORT),
    "la_officer": set(READ + LEAD + MANAGE + EXPORT),
    "board_member": set(READ + EXPORT),
    "agency_lead": set(READ + LEAD),  # leads the action
    "school_lead": set(),
    "school_editor": set(),
    "other_school_lead": set(),
    "agency_editor": set(),  # the lead's colleague: the action is the person's, not the organisation's
    "no_role": set(),
}


@pytest.mark.parametrize("role", ROLES)
def test_role_by_view(role, everyone, plan, action, client_for):
    client = client_for(everyone[role])
    for view, url in urls(plan, action).items():
        response = client.get(url)
        assert response.status_code != 500, (role, view)
        if role == "anonymous":
            assert response.status_code == 302 and "login" in response["Location"], (role, view)
        elif view in ALLOWED[role]:
            assert response.status_code == 200, (role, view, response.status_code)
        else:
            assert response.status_code == 403, (role, view, response.status_code)


@pytest.mark.parametrize("role", ["board_member", "agency_lead", "school_lead", "no_role"])
def test_posts_are_refused_to_those_who_may_not_write(role, everyone, plan, action, client_for):
    client = client_for(everyone[role])
    for view in MANAGE + ["carry_forward"]:
        url = urls(plan, action).get(view, f"/strategy/{plan.year}/carry-forward/")
        assert client.post(url, {"description": "x"}).status_code == 403, (role, view)
    assert action.updates.count() == 0 and plan.actions.count() == 1


def test_an_action_lead_updates_only_their_own_action(agency_lead, action, overdue_action, client_for):
    client = client_for(agency_lead)
    assert client.get(f"/strategy/actions/{overdue_action.pk}/update/").status_code == 403
    posted = client.post(f"/strategy/actions/{overdue_action.pk}/update/", {"rag": "green", "narrative": "Done"})
    assert posted.status_code == 403
    assert overdue_action.updates.count() == 0


def test_the_rules_in_words(everyone):
    assert can.can_read_plans(everyone["board_member"]) and not can.can_manage_plans(everyone["board_member"])
    assert not can.can_read_plans(everyone["agency_lead"]) and can.can_read_plans(
        everyone["agency_lead"], leads_any=True
    )
    assert can.can_update_action(everyone["agency_lead"], everyone["agency_lead"].pk)
    assert not can.can_update_action(everyone["board_member"], everyone["agency_lead"].pk)
    assert not can.can_update_action(None, None)
