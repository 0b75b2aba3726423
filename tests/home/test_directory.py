"""The public directory at /offers/: browse, filter, search, paginate; published offers only."""

import re

import pytest

from home.bulk import create_published_offers
from portal.models import Organisation
from testdata.offers import make_offer

pytestmark = pytest.mark.django_db


def names(response):
    """The offers listed, in order."""
    assert response.status_code == 200
    return re.findall(r'<h3 class="offer-result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def partnership(school, other_school, agency, south, offer_index):
    """Published: a primary school (north), a secondary school (north), a city-wide agency, a council service
    (south). Not published: a draft school and one awaiting moderation."""
    make_offer(school)
    make_offer(other_school, min_age=11, max_age=18, areas=[])
    make_offer(agency, localities=[], summary="Family Action Group runs parenting courses.")
    advice = Organisation.objects.create(name="Advice Point South", kind="la_service", sector="council", locality=south)
    make_offer(advice)
    draft_school = Organisation.objects.create(
        name="Draft Hill School", kind="school", sector="education", phase="primary", urn="111111", locality=south
    )
    make_offer(draft_school, state="draft")
    waiting = Organisation.objects.create(
        name="Waiting Lane School", kind="school", sector="education", phase="primary", urn="222222", locality=south
    )
    make_offer(waiting, state="awaiting")


def test_browse_lists_published_offers_by_name(client, partnership):
    assert names(client.get("/offers/")) == [
        "Advice Point South", "Birch Academy", "Family Action Group", "Oak Tree Primary School",
    ]  # fmt: skip


def test_drafts_and_offers_awaiting_moderation_never_appear(client, partnership):
    html = client.get("/offers/?q=Hill").content.decode() + client.get("/offers/").content.decode()
    assert "Draft Hill School" not in html and "Waiting Lane School" not in html
    assert client.get("/offers/draft-hill-school/").status_code == 404
    assert client.get("/offers/waiting-lane-school/").status_code == 404


def test_a_closed_organisations_offer_leaves_the_directory(client, partnership, agency):
    agency.status = Organisation.Status.CLOSED
    agency.save()
    assert "Family Action Group" not in names(client.get("/offers/"))
    assert client.get("/offers/family-action-group/").status_code == 404


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=school", ["Birch Academy", "Oak Tree Primary School"]),
        ("kind=la_service", ["Advice Point South"]),
        ("kind=agency", ["Family Action Group"]),
        ("phase=secondary", ["Birch Academy"]),
        # North: the two schools there, and the agency that serves the whole city.
        ("locality=north", ["Birch Academy", "Family Action Group", "Oak Tree Primary School"]),
        ("locality=south", ["Advice Point South", "Family Action Group"]),
        ("area=semh", ["Oak Tree Primary School"]),
        ("age=9", ["Advice Point South", "Family Action Group", "Oak Tree Primary School"]),
        ("age=15", ["Advice Point South", "Birch Academy", "Family Action Group"]),
        ("kind=school&age=15", ["Birch Academy"]),
    ],
)
def test_filters(client, partnership, query, expected):
    assert names(client.get(f"/offers/?{query}")) == expected


def test_search_finds_the_schools_offering_bereavement_support(client, partnership):
    response = client.get("/offers/?q=bereavement")
    assert names(response) == ["Oak Tree Primary School"]
    assert "1 offer" in response.content.decode() and "for “bereavement”" in response.content.decode()


def test_search_covers_summary_and_organisation_name_and_combines_with_filters(client, partnership):
    assert names(client.get("/offers/?q=parenting")) == ["Family Action Group"]
    assert names(client.get("/offers/?q=birch")) == ["Birch Academy"]
    assert names(client.get("/offers/?q=parenting&kind=school")) == []


def test_the_home_pages_links_work(client, partnership):
    assert "Oak Tree Primary School" in names(client.get("/offers/?kind=school"))
    assert names(client.get("/offers/?kind=la_service")) == ["Advice Point South"]
    home = client.get("/").content.decode()
    assert 'action="/offers/"' in home and 'name="q"' in home


@pytest.mark.parametrize(
    "query, message",
    [
        ("age=nine", "Enter an age in years, as a number, for example 9."),
        ("age=99", "Enter an age of 25 or less."),
        ("kind=spaceship", "Choose a type of organisation from the list."),
        ("locality=atlantis", "Choose an area of the city from the list."),
    ],
)
def test_a_filter_that_is_not_understood_is_explained_and_the_rest_still_work(client, partnership, query, message):
    response = client.get(f"/offers/?{query}&phase=secondary")
    html = response.content.decode()
    assert message in html and "There is a problem with the search" in html
    assert html.count(message) == 2  # in the summary and beside the field
    assert "<title>Error:" in html
    assert names(response) == ["Birch Academy"]  # the phase filter still applied


def test_results_are_paginated_keeping_the_search(client, offer_index):
    create_published_offers(25, label="Paged")
    first = client.get("/offers/?kind=school")
    assert len(names(first)) == 13 and "13 offers" in first.content.decode()
    everyone = client.get("/offers/")
    assert len(names(everyone)) == 20
    html = everyone.content.decode()
    assert 'href="?page=2"' in html and 'rel="next"' in html
    assert len(names(client.get("/offers/?page=2"))) == 5
    searched = client.get("/offers/?q=helps&kind=agency").content.decode()
    assert "12 offers" in searched
    assert len(names(client.get("/offers/?page=99"))) == 5  # past the end: the last page


def test_the_directory_is_marked_up_for_phones_print_and_screen_readers(client, partnership):
    html = client.get("/offers/").content.decode()
    assert 'name="viewport"' in html and "home/offers.css" in html
    assert 'role="search"' in html and 'class="directory no-print"' in html
    assert '<label class="label" for="id_q">' in html
