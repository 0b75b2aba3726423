"""Fixtures for the offers feature: offer pages in each state, and the CMS editor's form as a browser posts it.

The offers directory page, the LA QA officers' group, the "Offer moderation" workflow and Leicester's
checklist come from the migrations, as on a new site.
"""

from datetime import timedelta

import pytest
from django.core import mail
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.test.utils.form_data import querydict_from_html

from home import rules, services
from home.models import OfferIndexPage, OfferPage

BEREAVEMENT = "Bereavement counselling / groups"


def complete(page, **overrides):
    """Give an offer page everything it needs to be submitted and published (and bereavement support)."""
    today = rules.today()
    page.summary = f"{page.organisation.name} helps families as soon as difficulties start."
    page.how_to_get_help = "Ask at reception for the Designated Safeguarding Lead."
    page.completed_on = today - timedelta(days=30)
    page.review_date = today + timedelta(days=335)
    if page.organisation.is_school:
        for prefix in ("head_teacher", "chair_of_governors", "senco", "dsl"):
            setattr(page, f"{prefix}_name", f"{prefix.replace('_', ' ').title()} Person")
            setattr(page, f"{prefix}_signed_on", today - timedelta(days=31))
        page.areas = [
            ("area", {"section": "semh", "name": "Social, emotional and mental health (SEMH)",
                      "primary": [BEREAVEMENT, "Play therapy"], "secondary": [], "outcomes": []}),
            ("area", {"section": "attendance", "name": "Attendance",
                      "primary": ["First day calling"], "secondary": [], "outcomes": ["Whole school targets are met"]}),
        ]
    else:
        page.designated_lead_name = "Dee Lead"
        page.designated_lead_signed_on = today - timedelta(days=31)
        page.first_response = "We listen and help straight away."
    for name, value in overrides.items():
        setattr(page, name, value)
    return page


def make_offer(organisation, state="published", *, user=None, officer=None, **overrides):
    """An offer page in a state: draft, awaiting (moderation), changes (requested) or published."""
    from portal.models import User

    user = user or User.objects.filter(is_superuser=True).first() or _robot()
    page, _ = services.start_offer(organisation, user)
    complete(page, **overrides)
    if state == "draft":
        services.save_draft(page, user)
    elif state == "published":
        page.save_revision(user=user, clean=False).publish(user=user)
    else:
        services.submit_for_moderation(page, user)
        if state == "changes":
            services.request_changes(page, officer or user, "Please add your outcomes.")
    mail.outbox.clear()
    return OfferPage.objects.get(pk=page.pk)


def _robot():
    from portal.models import User

    return User.objects.create_superuser(email="robot@test.example", password="x" * 12)


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
