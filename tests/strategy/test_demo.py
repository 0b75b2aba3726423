"""The action plan's demo data: a 2026-27 plan for Leicester's objectives with actions in every state, led by
the demo's people, with updates, one carried forward and one from a maturity recommendation; idempotent."""

import pytest
from django.utils import timezone

from maturity import demo as maturity_demo
from performance import demo as performance_demo
from portal import demo as portal_demo
from strategy import demo, selectors
from strategy.models import Action, EvidenceLink, ObjectiveResponse, ObjectiveSet, Plan, ProgressUpdate


@pytest.fixture
def demo_data(db):
    portal_demo.seed()
    maturity_demo.seed()
    performance_demo.seed()
    demo.seed()
    return Plan.objects.get(year="2026-27")


def counts():
    return [m.objects.count() for m in (Plan, Action, ProgressUpdate, ObjectiveResponse, EvidenceLink, ObjectiveSet)]


def test_seeding_twice_changes_nothing(demo_data):
    before = counts()
    demo.seed()
    assert counts() == before


def test_the_plan_has_actions_in_every_state(demo_data):
    assert demo_data.objective_set.slug == "leicester-early-help-objectives"
    assert demo_data.started_from.year == "2025-26"
    figures = selectors.plan_figures(demo_data, timezone.localdate())
    assert all(figures.counts[rag] >= 1 for rag in ("red", "amber", "green", "not_started")), figures.counts
    assert figures.overdue
    assert demo_data.actions.filter(carried_from__plan__year="2025-26").count() == 2
    made = demo_data.actions.get(recommendation__isnull=False)
    assert made.recommendation.round.status == "signed_off"
    leads = set(demo_data.actions.values_list("lead_user__email", flat=True))
    assert {"agency.lead@example.org", "school.lead@example.org", "performance.owner@example.org"} <= leads
    assert ProgressUpdate.objects.filter(action__plan=demo_data).exclude(narrative="").exists()
    assert demo_data.responses.count() == 6
    assert EvidenceLink.objects.filter(action__plan=demo_data).count() == 2


def test_doncaster_and_stoke_on_trent_are_loaded_but_not_current(demo_data):
    assert ObjectiveSet.objects.current().slug == "leicester-early-help-objectives"
    assert (
        ObjectiveSet.objects.filter(
            slug__in=["doncaster-early-help-objectives", "stoke-on-trent-early-help-action-plan-themes"]
        ).count()
        == 2
    )


def test_the_school_lead_sees_their_actions_on_the_dashboard(demo_data, client_for):
    from portal.models import User

    html = client_for(User.objects.get(email="school.lead@example.org")).get("/dashboard/").content.decode()
    assert "Your strategy actions" in html and "Raise awareness of EH strategy" in html


def test_the_demo_pages_render_with_their_history(demo_data, client_for):
    from portal.models import User

    board = User.objects.get(email="board.member@example.org")
    client = client_for(board)
    html = client.get("/strategy/2026-27/").content.decode()
    assert "Carried forward from 2025-26" in html and "Overdue" in html
    assert "Self-assessment" in html or "recommendation" in html
    carried = demo_data.actions.get(description="Agencies to publish their EH offer")
    page = client.get(f"/strategy/actions/{carried.pk}/").content.decode()
    # This year's update and last year's, oldest last.
    assert page.index("A VCS offer-writing workshop") < page.index("Twelve agencies have still not started")
    assert "2025-26 plan" in page
