"""The demo data: Leicester's rounds from seed 001, idempotent, and usable by the demo accounts."""

import pytest

from maturity import demo
from maturity.models import ActionItem, ContributorGroup, ContributorRating, Round, StrandRating
from maturity.rules import Status
from portal import demo as portal_demo
from portal.models import User


@pytest.fixture
def demo_data(db):
    portal_demo.seed()
    demo.seed()
    return {r.period_end.year: r for r in Round.objects.with_framework()}


def _ratings(round_):
    return {r.strand.key: round_.framework.rating_label(r.rating) for r in round_.ratings.select_related("strand")}


def test_seeding_twice_changes_nothing(demo_data):
    def counts():
        return [m.objects.count() for m in (Round, StrandRating, ActionItem, ContributorGroup, ContributorRating)]

    before = counts()
    demo.seed()
    assert counts() == before == [3, 18, 20, 5, 9]


def test_the_2017_and_2019_rounds_are_the_seeds(demo_data):
    """Ratings (table 13), methods, contributors and the ten recommendations with their leads."""
    assert _ratings(demo_data[2017]) == {
        "families-experience": "Not rated",
        "leadership": "Developing",
        "strategy": "Early",
        "culture": "Developing",
        "workforce-development": "Developing",
        "delivery-structures": "Developing/Maturing",
    }
    assert _ratings(demo_data[2019]) == {
        "families-experience": "Developing",
        "leadership": "Maturing",
        "strategy": "Maturing",
        "culture": "Maturing",
        "workforce-development": "Mature",
        "delivery-structures": "Developing/Maturing",
    }

    baseline, second = demo_data[2017], demo_data[2019]
    assert baseline.method_labels == ["Desktop analysis"]
    assert second.method_labels == ["Focus groups", "Interviews", "Surveys", "Questionnaires"]
    assert second.contributors_label == "at least 160"
    assert [g.get_group_display() for g in second.groups_in_order] == [
        "Families",
        "Frontline workers",
        "Managers of delivery services",
        "Senior managers",
        "Strategic boards",
    ]
    assert (baseline.status, second.status) == (Status.SIGNED_OFF, Status.SIGNED_OFF)
    assert second.signed_off_by.email == "board.member@example.org"

    items = list(demo_data[2019].action_items.all())
    assert [i.number for i in items] == list(range(1, 11))
    leads = {i.number: i.responsible_lead for i in items}
    assert leads[1] == "Early Help Strategic Partnership Board (EHSPB)"
    assert leads[6] == "Director of Social Care and Early Help"
    assert leads[7] == "Head of Service: Early Help and Prevention and EHSPB"
    assert leads[3] == leads[5] == "TF Infrastructure Team"
    assert items[5].recommendation.startswith("Expand the support offered to schools")


def test_the_2026_draft_is_open_with_carried_actions_and_partners_views(demo_data):
    current = demo_data[2026]
    assert (current.status, current.open_to_contributors, current.started_from) == (Status.DRAFT, True, demo_data[2019])
    carried = list(current.action_items.select_related("carried_from__round"))
    assert len(carried) == 10 and all(i.carried_from.round == demo_data[2019] for i in carried)
    assert current.contributions.filter(contributor__email="school.lead@example.org").count() == 3


def test_the_demo_accounts_can_try_the_feature(demo_data, client_for):
    current = demo_data[2026]
    officer = client_for(User.objects.get(email="qa.officer@example.org"))
    page = officer.get(f"/maturity/rounds/{current.pk}/").content.decode()
    assert "Open to contributors" in page and "Submit to the board" in page
    assert "Our DSLs have done the Early Help Assessment training" in page

    lead = client_for(User.objects.get(email="school.lead@example.org"))
    page = lead.get(f"/maturity/rounds/{current.pk}/contribute/").content.decode()
    assert "Families we support through an Early Help Assessment" in page  # their own earlier view
    assert lead.get(f"/maturity/rounds/{current.pk}/").status_code == 404

    board = client_for(User.objects.get(email="board.member@example.org"))
    page = board.get("/maturity/compare/").content.decode()
    assert "Up 2 levels" in page and "Early Help self-assessment 2026" not in page
