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
    "offer page": (16, "Who it is for"),
    "/api/openreferral/services?per_page=50": (8, '"organization"'),
    "/api/openreferral/services?per_page=50&search=bereavement": (8, '"organization"'),
    "service": (10, '"service_at_locations"'),
    "/api/openreferral/service_at_locations?per_page=50": (8, '"location"'),
    "/api/openreferral/taxonomy_terms": (4, '"taxonomy_id"'),
}


@pytest.mark.parametrize("size", [10, 1000])
def test_public_reads_are_bounded(size, client, offer_index, django_assert_max_num_queries):
    ids = create_published_offers(size)
    page = OfferPage.objects.get(pk=ids[-1])
    urls = {"offer page": page.url, "service": f"/api/openreferral/services/{page.translation_key}"}
    client.get("/offers/")  # the site's root paths are cached from here on, as on a running server
    for name, (budget, expected) in BUDGETS.items():
        with django_assert_max_num_queries(budget, info=name):
            response = client.get(urls.get(name, name))
        assert response.status_code == 200, name
        assert expected in response.content.decode(), name


def test_the_bulk_offers_are_real_published_pages(client, offer_index):
    """The scale data is what the CMS would publish: reachable, listed, searchable, a sound page tree."""
    ids = create_published_offers(30)
    page = OfferPage.objects.get(pk=ids[3])
    assert client.get(page.url).status_code == 200
    assert "30 offers" in client.get("/offers/").content.decode()
    assert "10 offers" in client.get("/offers/?q=bereavement").content.decode()
    assert OfferPage.find_problems() == ([], [], [], [], [])
