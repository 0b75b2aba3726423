"""Every public read runs a bounded number of queries: the same budget at 10 and at 1,000 published offers.

The budget counts routing, the site, the directory form's choices, the count, one page of results and what
they show; a query per offer would blow it at 1,000.
"""

import pytest

from home.bulk import create_published_offers
from home.models import OfferPage

pytestmark = pytest.mark.django_db

# (query budget, something the response must hold)
BUDGETS = {
    "/offers/": (16, 'class="offer-result"'),
    "/offers/?q=bereavement&kind=school&age=6&area=semh": (16, 'class="offer-result"'),
    # An everyday word (a synonym), near a postcode, nearest first; and a misspelling, corrected.
    "/offers/?q=grief&postcode=LE4+6AB&sort=nearest": (16, "away</span>"),
    "/offers/?q=bereavment&kind=school": (16, "Did you mean"),
    "/offers/?q=nuture": (16, "so these are for"),
    "/offers/?free=on&self_referral=on&age=6&open_now=on&q=drop": (16, 'class="offer-result"'),
    # One more than before the services: the offer's services are one query, however many it lists; and one
    # more for the sign-off's recorded designated lead (pledge 1's record), one row whatever the size.
    "offer page": (18, "Who it is for"),
    "agency page": (18, "Therapy sessions"),
    # The list holds the organisations' own services too: their ids with the offers', and one page of them.
    "/api/openreferral/services?per_page=50": (10, '"cost_options"'),
    "/api/openreferral/services?per_page=50&search=bereavement": (10, '"organization"'),
    "service": (10, '"service_at_locations"'),
    "listed service": (8, '"cost_options"'),
    "/api/openreferral/service_at_locations?per_page=50": (8, '"location"'),
    "/api/openreferral/service_at_locations?per_page=50&postcode=LE4&proximity=8000": (8, '"location"'),
    "/api/openreferral/taxonomy_terms": (4, '"taxonomy_id"'),
}


@pytest.mark.parametrize("size", [10, 1000])
def test_public_reads_are_bounded(size, client, offer_index, django_assert_max_num_queries):
    ids = create_published_offers(size)
    page = OfferPage.objects.get(pk=ids[-1])
    agency = OfferPage.objects.filter(pk__in=ids, services__isnull=False).last()
    urls = {
        "offer page": page.url,
        "agency page": agency.url,
        "service": f"/api/openreferral/services/{page.translation_key}",
        "listed service": f"/api/openreferral/services/{agency.services.first().key}",
    }
    client.get("/offers/")  # the site's root paths are cached from here on, as on a running server
    for name, (budget, expected) in BUDGETS.items():
        # The first request fills the shared cache (one more query: the page's ids), the next reads it.
        for state, allowed in (("cold", budget + 1), ("warm", budget)):
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
