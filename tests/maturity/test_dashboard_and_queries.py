"""Dashboard sections by role, and query counts that do not grow with the number of rounds, strands or views."""

from datetime import date

import pytest

from maturity.dashboard import maturity as maturity_section
from maturity.models import ActionItem, ContributorRating
from maturity.rules import Status
from portal.models import Membership, User


def test_the_la_sees_rounds_in_progress_with_contributor_counts(rounds, la_officer, school_lead, add_view):
    add_view(rounds["draft"], school_lead, "strategy", "Maturing")
    section = maturity_section(la_officer)
    assert [(i.text, i.tag) for i in section.items] == [
        ("Draft round 2026", "Draft"),
        ("Second round 2019", "Submitted to the board"),
    ]
    assert "open to contributors; 1 person has given ratings" in section.items[0].detail
    assert ("Start a new round", "/maturity/rounds/new/") in section.actions


def test_the_board_sees_rounds_awaiting_sign_off_and_the_request_for_views(rounds, board_member):
    section = maturity_section(board_member)
    assert [(i.text, i.url) for i in section.items] == [
        ("Second round 2019", f"/maturity/rounds/{rounds['submitted'].pk}/review/"),
        ("Give your views: Draft round 2026", f"/maturity/rounds/{rounds['draft'].pk}/contribute/"),
    ]


def test_partners_are_asked_for_their_views_until_they_respond(rounds, school_lead, add_view):
    item = maturity_section(school_lead).items[0]
    assert (item.text, item.tag) == ("Draft round 2026", "Not yet responded")
    add_view(rounds["draft"], school_lead, "culture", "Developing")
    assert maturity_section(school_lead).items[0].tag == "You have responded"


def test_no_section_without_something_to_act_on(rounds, school_lead, no_role_user):
    rounds["draft"].open_to_contributors = False
    rounds["draft"].save()
    assert maturity_section(school_lead) is None
    assert maturity_section(no_role_user) is None


def test_the_dashboard_page_shows_the_section(client_for, la_officer, rounds):
    page = client_for(la_officer).get("/dashboard/").content.decode()
    assert "Maturity self-assessments in progress" in page and "Draft round 2026" in page


def _partnership(make_round, school, size):
    """`size` rounds, each with `size * 3` contributors' views and `size` action items."""
    people = []
    for n in range(size * 3):
        user = User.objects.create_user(email=f"p{size}-{n}@example.test", password="x-Test-password-1")
        Membership.objects.create(user=user, organisation=school, role="editor")
        people.append(user)
    made = []
    for n in range(size):
        round_ = make_round(
            f"Round {n}",
            period_end=date(2010 + n, 1, 31),
            status=Status.SIGNED_OFF if n < size - 1 else Status.DRAFT,
            ratings={"strategy": "Developing", "culture": "Maturing/Mature"},
            open_to_contributors=n == size - 1,
        )
        strands = list(round_.framework.strands.all())
        ContributorRating.objects.bulk_create(
            ContributorRating(round=round_, strand=strands[i % 6], contributor=person, rating=4 + i % 3, comment="c")
            for i, person in enumerate(people)
        )
        ActionItem.objects.bulk_create(
            ActionItem(round=round_, number=i + 1, recommendation="r", responsible_lead="l") for i in range(size)
        )
        made.append(round_)
    return made


# (role, page, most queries): the same at both sizes, so nothing is fetched per round, strand or view. A page
# includes the footer's urgent-help numbers: one query, as the tests start with an empty cache.
PAGES = [
    ("la_officer", "/maturity/", 10),
    ("la_officer", "/maturity/rounds/{last}/", 18),
    ("la_officer", "/maturity/rounds/{last}/strands/strategy/", 17),
    ("la_officer", "/maturity/rounds/{last}/export.xlsx", 15),
    ("board_member", "/maturity/compare/", 16),
    ("board_member", "/maturity/compare/print/", 15),
    ("board_member", "/maturity/compare/export.xlsx", 13),
    ("school_lead", "/maturity/rounds/{last}/contribute/", 12),
]


@pytest.mark.parametrize("size", [2, 6])
@pytest.mark.parametrize("role, url, most", PAGES)
def test_queries_do_not_grow_with_the_data(
    client_for, everyone, make_round, school, django_assert_max_num_queries, size, role, url, most
):
    made = _partnership(make_round, school, size)
    client = client_for(everyone[role])
    with django_assert_max_num_queries(most):
        response = client.get(url.format(last=made[-1].pk))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 6])
@pytest.mark.parametrize("role, most", [("la_officer", 4), ("board_member", 4), ("school_lead", 6)])
def test_dashboard_section_queries_do_not_grow_with_the_data(
    everyone, make_round, school, django_assert_max_num_queries, size, role, most
):
    """The maturity section alone: the dashboard page also carries every other feature's sections."""
    _partnership(make_round, school, size)
    with django_assert_max_num_queries(most):
        maturity_section(everyone[role])
