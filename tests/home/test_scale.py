"""Every public read runs a bounded number of queries: the same budget at 10 and at 1,000 published offers.

The budget counts routing, the site, the directory form's choices, the count, one page of results and what
they show; a query per offer would blow it at 1,000.
"""

import pytest

from home.bulk import create_published_offers
from home.models import OfferPage

pytestmark = pytest.mark.django_db

# (query budget cold, warm; something the response must hold). Cold is the first request after a change,
# which fills the shared cache (the count, the page's ids, its rendered results or serialised items, an offer
# page's content and view restrictions); warm is every request after it: routing and the site, and only
# what is not the same for every visitor.
BUDGETS = {
    "/offers/": ((13, 6), 'class="offer-result"'),
    "/offers/?q=bereavement&kind=school&age=6&area=semh": ((13, 6), 'class="offer-result"'),
    # An everyday word (a synonym), near a postcode, nearest first; and a misspelling, corrected.
    "/offers/?q=grief&postcode=LE4+6AB&sort=nearest": ((13, 6), "away</span>"),
    "/offers/?q=bereavment&kind=school": ((13, 6), "Did you mean"),
    "/offers/?q=nuture": ((13, 6), "so these are for"),
    "/offers/?free=on&self_referral=on&age=6&open_now=on&q=drop": ((13, 6), 'class="offer-result"'),
    # Cold: the offer's services are one query, however many it lists; the sign-off's recorded designated
    # lead (pledge 1's record) one more. Warm: the route to the page (one query for the offer and its
    # organisation, home.models.OfferIndexPage.route), its content from the shared cache.
    "offer page": ((12, 7), "Who it is for"),
    "agency page": ((12, 7), "Therapy sessions"),
    # The list holds the organisations' own services too: their ids with the offers', and one page of them.
    "/api/openreferral/services?per_page=50": ((11, 2), '"cost_options"'),
    "/api/openreferral/services?per_page=50&search=bereavement": ((11, 2), '"organization"'),
    "service": ((10, 10), '"service_at_locations"'),
    "listed service": ((8, 8), '"cost_options"'),
    "/api/openreferral/service_at_locations?per_page=50": ((9, 2), '"location"'),
    "/api/openreferral/service_at_locations?per_page=50&postcode=LE4&proximity=8000": ((9, 2), '"location"'),
    "/api/openreferral/taxonomy_terms": ((4, 4), '"taxonomy_id"'),
}


@pytest.mark.parametrize("size", [10, 1000])
def test_public_reads_are_bounded(size, client, offer_index, django_assert_max_num_queries):
    ids = create_published_offers(size)
    page = OfferPage.objects.filter(pk__in=ids, services__isnull=True).last()
    agency = OfferPage.objects.filter(pk__in=ids, services__isnull=False).last()
    urls = {
        "offer page": page.url,
        "agency page": agency.url,
        "service": f"/api/openreferral/services/{page.translation_key}",
        "listed service": f"/api/openreferral/services/{agency.services.first().key}",
    }
    # The site's root paths and the directory form's choices are cached from here on, as on a running server.
    client.get("/offers/?kind=school")
    for name, ((cold, warm), expected) in BUDGETS.items():
        for state, allowed in (("cold", cold), ("warm", warm)):
            with django_assert_max_num_queries(allowed, info=f"{name} ({state})"):
                response = client.get(urls.get(name, name))
            assert response.status_code == 200, name
            assert expected in response.content.decode(), name


def query_counts(client, urls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for url in urls:
        for state in ("cold", "warm"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts[url, state] = len(queries.captured_queries)
    return counts


def test_the_directory_and_feed_read_only_their_page_whatever_the_size(client, offer_index):
    """The same queries at 90 and at 300 offers, and a warm request runs only the page's own reads: the
    count and the page's ids come from the shared cache, which newly published offers retire."""
    urls = [
        "/offers/",
        "/offers/?q=bereavement&page=2",
        "/offers/?kind=school&age=6",
        "/offers/?q=grief&postcode=LE4&sort=nearest",
        "/offers/?q=bereavment",
        "/api/openreferral/services?per_page=10",
        "/api/openreferral/services?search=bereavement&per_page=20&page=2",
    ]
    ids = create_published_offers(90)
    offer_url = OfferPage.objects.get(pk=ids[0]).url
    client.get(offer_url)  # the site's root paths are cached from here on, as on a running server
    small = query_counts(client, urls)
    create_published_offers(210)
    client.get(offer_url)  # as before the small run: what every page reads (its view restrictions) is cached
    large = query_counts(client, urls)
    assert small == large
    assert all(large[url, "warm"] < large[url, "cold"] for url in urls)
    assert "300 offers" in client.get("/offers/").content.decode()
    # 300 offers and the 150 agencies' two services each (home/bulk.py)
    assert '"total_items": 600' in client.get("/api/openreferral/services").content.decode()


def test_the_shared_cache_is_retired_when_an_offer_is_published_or_its_organisation_closes(
    client, school, agency, offer_index
):
    from tests.home.conftest import make_offer

    make_offer(school)
    assert "1 offer" in client.get("/offers/").content.decode()
    assert '"total_items": 1' in client.get("/api/openreferral/services").content.decode()
    make_offer(agency)
    listing = client.get("/offers/").content.decode()
    assert "2 offers" in listing and agency.name in listing
    assert '"total_items": 2' in client.get("/api/openreferral/services").content.decode()
    agency.status = agency.Status.CLOSED
    agency.save()
    listing = client.get("/offers/").content.decode()
    assert "1 offer" in listing and agency.name not in listing
    assert '"total_items": 1' in client.get("/api/openreferral/services").content.decode()


def test_a_cached_offer_page_shows_a_change_to_anything_it_shows_at_once(client, school, offer_index):
    """The offer page's content comes from the shared cache (home_tags.offer_article): republishing the
    offer, the recorded designated lead, the urgent-help numbers and the organisation's name retire it."""
    from wagtail.models import Site

    from home.models import UrgentHelpSettings
    from pledges.models import DesignatedLead
    from tests.home.conftest import make_offer

    page = make_offer(school)
    assert "Dee Lead" in client.get(page.url).content.decode()
    page.summary = "A summary published since."
    page.save_revision(clean=False).publish()
    assert "A summary published since." in client.get(page.url).content.decode()
    lead = DesignatedLead.objects.get(organisation=school)
    lead.name = "Noor Lead"
    lead.save()
    assert "Noor Lead" in client.get(page.url).content.decode()
    help_numbers = UrgentHelpSettings.for_site(Site.objects.get(is_default_site=True))
    help_numbers.duty_team_phone = "0116 000 1234"
    help_numbers.save()
    assert "0116 000 1234" in client.get(page.url).content.decode()
    school.name = "Renamed Primary"
    school.save()
    assert "Renamed Primary" in client.get(page.url).content.decode()


def test_a_preview_shows_the_draft_not_the_cached_page(client, school, offer_index):
    from tests.home.conftest import make_offer

    page = make_offer(school)
    client.get(page.url)  # the published content is in the shared cache
    page.summary = "An unsaved draft summary."
    assert "An unsaved draft summary." in page.make_preview_request().rendered_content
    assert "An unsaved draft summary." not in client.get(page.url).content.decode()


def test_a_view_restriction_hides_an_offer_from_the_directory_and_its_page_at_once(client, school, agency, offer_index):
    from wagtail.models import PageViewRestriction

    from tests.home.conftest import make_offer

    page = make_offer(school)
    make_offer(agency)
    assert client.get(page.url).status_code == 200
    assert school.name in client.get("/offers/").content.decode()
    assert '"total_items": 2' in client.get("/api/openreferral/services").content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302  # to sign in
    listing = client.get("/offers/").content.decode()
    assert "1 offer" in listing and school.name not in listing
    assert '"total_items": 1' in client.get("/api/openreferral/services").content.decode()


def test_the_directory_s_rendered_results_follow_an_offer_s_change(client, school, offer_index):
    """A page of results is kept as HTML (directory.result_cards): republishing an offer retires it."""
    from tests.home.conftest import make_offer

    page = make_offer(school)
    assert page.summary in client.get("/offers/").content.decode()
    assert page.summary in client.get("/api/openreferral/services").content.decode()
    page.summary = "Now also running a homework club."
    page.save_revision(clean=False).publish()
    assert "homework club" in client.get("/offers/").content.decode()
    feed = client.get("/api/openreferral/services").content.decode()
    assert "homework club" in feed


def test_a_cached_route_follows_an_offer_unpublished_renamed_or_closed(client, school, agency, offer_index):
    """The path to a page is kept in the shared cache (home.models.HomePage.route); what changes a path or
    whether its page is served retires it, and a path that leads nowhere is never kept."""
    from tests.home.conftest import make_offer

    page = make_offer(school)
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "renamed-offer"
    page.save_revision(clean=False).publish()
    assert client.get(old_url).status_code == 404
    assert client.get("/offers/renamed-offer/").status_code == 200
    page.unpublish()
    assert client.get("/offers/renamed-offer/").status_code == 404
    other = make_offer(agency)
    assert client.get("/offers/not-yet/").status_code == 404
    other.slug = "not-yet"
    other.save_revision(clean=False).publish()
    assert client.get("/offers/not-yet/").status_code == 200  # the 404 before was not kept
    agency.status = agency.Status.CLOSED
    agency.save()
    assert client.get("/offers/not-yet/").status_code == 404
