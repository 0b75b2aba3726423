"""The lead sets each pledge's status and review date; the rules are enforced in the form."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pledges.models import PledgeStatus

from .conftest import MET, NOT_APPLICABLE


def url(school, number=1):
    return reverse("pledges:status", args=[school.slug, number])


def test_lead_sets_met_with_a_review_date_and_sees_it(client_for, school_lead, school, today):
    client = client_for(school_lead)
    review = today + timedelta(days=90)
    response = client.post(url(school, 3), {"status": "met", "review_date": str(review), "notes": "Leaflets out"})
    assert response.status_code == 302
    record = PledgeStatus.objects.get(organisation=school, pledge__number=3)
    assert (record.status, record.review_date, record.updated_by) == (MET, review, school_lead)
    page = client.get(reverse("pledges:pledge", args=[school.slug, 3])).content.decode()
    assert "Met" in page and review.strftime("%-d %B %Y") in page and "Leaflets out" in page
    overview = client.get(reverse("pledges:organisation", args=[school.slug])).content.decode()
    assert "1 of 5 pledges that apply met" in overview


def test_not_applicable_needs_a_reason_shown_by_the_field(client_for, school_lead, school):
    response = client_for(school_lead).post(url(school), {"status": "not_applicable", "notes": "Keep me"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Say why this pledge does not apply" in content and 'href="#id_not_applicable_reason"' in content
    assert "Keep me" in content
    assert not PledgeStatus.objects.exists()


def test_not_applicable_with_reason_drops_the_review_date(client_for, school_lead, school, today):
    client_for(school_lead).post(
        url(school), {"status": "not_applicable", "not_applicable_reason": "We commission", "review_date": str(today)}
    )
    record = PledgeStatus.objects.get(organisation=school)
    assert (record.status, record.review_date, record.not_applicable_reason) == (NOT_APPLICABLE, None, "We commission")


def test_reason_is_cleared_when_the_pledge_applies_again(client_for, school_lead, school, set_status, today):
    record = set_status(school, 1, NOT_APPLICABLE, reason="We commission")
    client_for(school_lead).post(
        url(school),
        {
            "status": "met",
            "review_date": str(today + timedelta(days=10)),
            "not_applicable_reason": "We commission",
            "version": record.version,
        },
    )
    record.refresh_from_db()
    assert (record.status, record.not_applicable_reason) == (MET, "")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "met"}, "Enter the date you will next review this pledge (met pledges need one)."),
        ({"status": "in_progress"}, "(in progress pledges need one)"),
        ({"status": "met", "review_date": "2001-01-01"}, "The review date must be today or in the future."),
        ({"status": "met", "review_date": "not a date"}, "Enter a real date"),
        ({}, "This field is required."),
    ],
)
def test_bad_status_input_is_refused_next_to_the_field(client_for, school_lead, school, data, message):
    response = client_for(school_lead).post(url(school), {**data, "notes": "My notes"})
    content = response.content.decode()
    assert response.status_code == 200 and message in content and "My notes" in content
    assert not PledgeStatus.objects.exists()


def test_concurrent_status_edits_are_detected(client_for, school_lead, school, set_status, today):
    record = set_status(school, 1, MET, 30)
    client = client_for(school_lead)
    first = {"status": "met", "review_date": str(today + timedelta(days=60)), "version": record.version}
    assert client.post(url(school), first).status_code == 302
    second = client.post(url(school), {**first, "notes": "Typed from a stale page"})
    assert "Someone else saved changes" in second.content.decode()
    assert "Typed from a stale page" in second.content.decode()
    record.refresh_from_db()
    assert record.notes == ""


def test_two_leads_creating_the_first_status_at_once_get_a_message_not_an_error(
    client_for, school_lead, school, set_status, today, monkeypatch
):
    """The row did not exist when the form was opened and someone else created it before this save."""
    client = client_for(school_lead)
    from pledges.views import organisation as views

    original = views.StatusEdit.get_object

    def stale_get_object(self, queryset=None):
        found = original(self, queryset)
        if self.request.method == "POST" and found.pk is None:
            set_status(school, 1, MET, 30)  # someone else saves first
        return found

    monkeypatch.setattr(views.StatusEdit, "get_object", stale_get_object)
    response = client.post(url(school), {"status": "in_progress", "review_date": str(today + timedelta(days=5))})
    assert response.status_code == 200
    assert "Someone else saved changes" in response.content.decode()
    assert PledgeStatus.objects.get(organisation=school).status == MET


def test_unknown_pledge_number_is_404(client_for, school_lead, school):
    assert client_for(school_lead).get(url(school, 9)).status_code == 404
    assert client_for(school_lead).get(reverse("pledges:pledge", args=[school.slug, 9])).status_code == 404


def test_overdue_and_due_soon_are_shown_on_the_overview(client_for, school_editor, school, set_status):
    set_status(school, 1, MET, -3)
    set_status(school, 2, MET, 10)
    content = client_for(school_editor).get(reverse("pledges:organisation", args=[school.slug])).content.decode()
    assert "1 review overdue" in content
    assert content.count("Review overdue") >= 2  # the headline and the pledge's row
    assert "Review due soon" in content
    assert "Your organisation's lead sets each pledge's status" in content
