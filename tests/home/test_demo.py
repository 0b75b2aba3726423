"""`manage.py seed_demo` on a new database: believable offers, moderation in progress, and demo accounts
whose rights work in the CMS. Run twice, it changes nothing the second time."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Revision, WorkflowState

from home import rules
from home.models import OfferPage
from home.selectors import offer_figures
from portal.models import User

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_offers_and_is_idempotent(client):
    output = seed()
    assert "Early Help offers: " in output and "(38 published in all)" in output
    figures = offer_figures()
    assert figures.published >= 30 and figures.schools_published == 29
    assert figures.awaiting_moderation >= 2 and figures.changes_requested == 1 and figures.overdue >= 2
    assert OfferPage.objects.filter(live=False).count() >= 5  # drafts and submissions not yet approved
    counts = (
        OfferPage.objects.count(),
        Revision.objects.filter(base_content_type__model="page").count(),
        WorkflowState.objects.count(),
    )

    again = seed()
    assert "Early Help offers: none new (38 published in all)" in again
    assert counts == (
        OfferPage.objects.count(),
        Revision.objects.filter(base_content_type__model="page").count() - 1,
        WorkflowState.objects.count(),
    )  # only the home page is published again

    # The public finds them: by kind, by search, by the home page's links.
    assert "Rushey Mead" not in client.get("/offers/").content.decode()  # still a draft
    found = re.search(r"(\d+) offers", client.get("/offers/?q=bereavement").content.decode())
    assert found and int(found.group(1)) >= 10
    assert "Early Help Advice Point" in client.get("/offers/?kind=la_service").content.decode()
    assert "Soft Touch Arts" in client.get("/offers/?kind=agency").content.decode()

    # Demo accounts have working rights.
    def can_open(email, organisation_name):
        page = OfferPage.objects.get(organisation__name=organisation_name)
        client.force_login(User.objects.get(email=email))
        return client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

    assert can_open("school.editor@example.org", "Rushey Mead Primary School")
    assert can_open("school.editor@example.org", "Belgrave Hall Primary School")
    assert not can_open("school.editor@example.org", "English Martyrs' Catholic School")
    assert can_open("school.lead@example.org", "Rushey Mead Primary School")
    assert can_open("secondary.lead@example.org", "English Martyrs' Catholic School")
    assert can_open("agency.lead@example.org", "Soft Touch Arts")
    assert not can_open("agency.editor@example.org", "Rushey Mead Primary School")
    assert can_open("qa.officer@example.org", "English Martyrs' Catholic School")

    belgrave = OfferPage.objects.get(organisation__name="Belgrave Hall Primary School")
    assert belgrave.live and rules.is_review_overdue(True, belgrave.review_date, rules.today())
    client.force_login(User.objects.get(email="qa.officer@example.org"))
    dashboard = client.get("/dashboard/").content.decode()
    assert "English Martyrs&#x27; Catholic School" in dashboard and "Offers published: 29 of" in dashboard
