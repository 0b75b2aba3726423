"""Fixtures for the offers feature: offer pages in each state, and the CMS editor's form as a browser posts it.

The offers directory page, the LA QA officers' group, the "Offer moderation" workflow and Leicester's
checklist come from the migrations, as on a new site.
"""

import pytest
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from home.models import OfferIndexPage
from testdata.offers import make_offer


@pytest.fixture
def offer_index(db):
    return OfferIndexPage.objects.get()


@pytest.fixture
def school_offer(school, offer_index):
    return make_offer(school)


@pytest.fixture
def other_school_offer(other_school, offer_index):
    return make_offer(other_school, summary="Birch Academy's secret-free published summary.")


@pytest.fixture
def agency_offer(agency, offer_index):
    return make_offer(agency)


def editor_form_data(client, page, **changes):
    """What the CMS editor posts for `page`: the form as rendered, with `changes` applied.

    The opening-times StreamField is drawn by JavaScript, so its data is added as the browser would send it.
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"opening_times": streamfield([])}))
    for name, value in changes.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return dict(data.lists())  # every value of a multi-valued field (a QueryDict would post only the last)
