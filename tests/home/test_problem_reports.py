"""'Report a problem with this page': the public form, its guards, and who reads and resolves reports."""

import re

import pytest

from home.models import ProblemReport
from home.problem_reports import RATE_LIMIT

GOOD = {"what_is_wrong": "The opening times are out of date.", "reply_email": "", "website": ""}


def _url(offer):
    return f"/offer-problem/{offer.pk}/"


def test_every_offer_page_links_to_the_form_and_it_needs_no_sign_in(client, school_offer):
    html = client.get(school_offer.url).content.decode()
    assert f'<a href="{_url(school_offer)}">Report a problem with this page</a>' in html
    form = client.get(_url(school_offer)).content.decode()
    assert "<strong>Do not write about a child or a family</strong>" in form
    assert "We accept up to 5 reports an hour from one connection." in form


def test_a_report_is_recorded_for_the_organisation(client, school_offer, school):
    response = client.post(_url(school_offer), {**GOOD, "reply_email": "parent@example.com"})
    assert "Thank you: your report has been sent" in response.content.decode()
    report = ProblemReport.objects.get()
    assert (report.organisation, report.offer.pk) == (school, school_offer.pk)
    assert report.what_is_wrong == GOOD["what_is_wrong"] and report.reply_email == "parent@example.com"


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"what_is_wrong": ""}, "what_is_wrong", "Enter what is wrong with this page"),
        ({"what_is_wrong": "x" * 1001}, "what_is_wrong", "What is wrong must be 1000 characters or fewer"),
        ({"reply_email": "not-an-email"}, "reply_email", "Enter an email address in the correct format"),
        ({"what_is_wrong": "Mrs Smith says the page is wrong"}, "what_is_wrong", "Do not write about"),
        ({"what_is_wrong": "My son was born on 3 April 2015"}, "what_is_wrong", "a date of birth"),
        ({"what_is_wrong": "We live at 12 Melton Road"}, "what_is_wrong", "a street address"),
        ({"what_is_wrong": "Call me on 07700 900123"}, "what_is_wrong", "a phone number"),
    ],
)
def test_bad_input_is_refused_beside_the_field_and_kept(client, school_offer, data, field, message):
    posted = {**GOOD, **data}
    response = client.post(_url(school_offer), posted)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in html
    assert f'id="id_{field}-error"' in html
    field_tag = re.search(rf'<(?:textarea|input)[^>]*id="id_{field}"[^>]*>', html).group()
    assert 'aria-invalid="true"' in field_tag  # screen readers hear the field is wrong
    if message != "Do not write about":
        assert message in html
    else:
        assert "must never say anything about a child or a family" in html and "&#x27;Mrs Smith&#x27;" in html
    if posted["what_is_wrong"] and len(posted["what_is_wrong"]) < 100:
        assert posted["what_is_wrong"].replace("'", "&#x27;") in html  # what was typed is kept
    assert not ProblemReport.objects.exists()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_kept(client, school_offer):
    response = client.post(_url(school_offer), {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_the_honeypot_is_hidden_from_people(client, school_offer):
    html = client.get(_url(school_offer)).content.decode()
    assert '<div class="problem-report__trap" aria-hidden="true">' in html and 'tabindex="-1"' in html


def test_reports_are_rate_limited_per_address(client, school_offer):
    for _ in range(RATE_LIMIT):
        assert client.post(_url(school_offer), GOOD).status_code == 200
    refused = client.post(_url(school_offer), GOOD)
    assert refused.status_code == 429 and "the most we accept from one connection" in refused.content.decode()
    assert ProblemReport.objects.count() == RATE_LIMIT
    other = client.post(_url(school_offer), GOOD, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200 and ProblemReport.objects.count() == RATE_LIMIT + 1


@pytest.mark.parametrize("page_id", ["999999", "0"])
def test_an_unknown_page_is_not_found(client, db, page_id):
    assert client.get(f"/offer-problem/{page_id}/").status_code == 404


def test_a_draft_offer_cannot_be_reported(client, school, offer_index):
    from testdata.offers import make_offer

    draft = make_offer(school, state="draft")
    assert client.post(_url(draft), GOOD).status_code == 404


@pytest.fixture
def reports(school_offer, other_school_offer):
    from home.problem_reports import record_report

    return record_report(school_offer, "Oak's phone is wrong"), record_report(other_school_offer, "Birch moved")


@pytest.mark.parametrize(
    "who, sees_oak, sees_birch",
    [
        ("la_officer", True, True),
        ("admin_user", True, True),
        ("school_lead", True, False),
        ("school_editor", True, False),
        ("other_school_lead", False, True),
        ("agency_lead", False, False),
    ],
)
def test_each_role_sees_only_its_organisations_reports(client_for, request, reports, who, sees_oak, sees_birch):
    client = client_for(request.getfixturevalue(who))
    listing = client.get("/offer-problems/").content.decode()
    dashboard = client.get("/dashboard/").content.decode()
    for html in (listing, dashboard):
        assert ("Oak&#x27;s phone is wrong" in html) is sees_oak, who
        assert ("Birch moved" in html) is sees_birch, who


@pytest.mark.parametrize("who", ["board_member", "no_role_user"])
def test_board_members_and_people_without_a_role_never_see_reports(client_for, request, reports, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get("/offer-problems/").status_code == 403
    assert "Birch moved" not in client.get("/dashboard/").content.decode()


def test_anonymous_people_are_sent_to_sign_in(client, reports):
    assert client.get("/offer-problems/").status_code == 302


def test_an_editor_resolves_their_report_recording_who_and_when(client_for, school_editor, reports):
    oak, _birch = reports
    client = client_for(school_editor)
    assert client.post(f"/offer-problems/{oak.pk}/resolve/").status_code == 302
    oak.refresh_from_db()
    assert oak.resolved_by == school_editor and oak.resolved_at is not None
    html = client.get("/offer-problems/").content.decode()
    assert f"Resolved by {school_editor.get_full_name() or school_editor.email} on" in html
    dashboard = client.get("/dashboard/").content.decode()
    assert "Oak&#x27;s phone is wrong" not in dashboard  # no longer open
    # With nothing left to resolve, the dashboard drops the card (it lists only what needs action).
    assert "Problems reported with offer pages" not in dashboard


@pytest.mark.parametrize("who", ["other_school_lead", "board_member", "agency_lead"])
def test_nobody_resolves_another_organisations_report(client_for, request, reports, who):
    oak, _birch = reports
    assert client_for(request.getfixturevalue(who)).post(f"/offer-problems/{oak.pk}/resolve/").status_code == 403
    oak.refresh_from_db()
    assert oak.resolved_at is None


def test_resolve_is_post_only_and_an_unknown_report_is_not_found(client_for, la_officer, reports):
    client = client_for(la_officer)
    assert client.get(f"/offer-problems/{reports[0].pk}/resolve/").status_code == 405
    assert client.post("/offer-problems/999999/resolve/").status_code == 404
