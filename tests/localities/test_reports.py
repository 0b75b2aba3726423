"""The quarterly report: a draft reads the locality's figures live from the overview registry; submitting
freezes them and the narrative; a correction is a new revision (who, when, why); stale edits are refused."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from localities import services
from localities.models import QuarterlyReport
from testdata.localities import make_report


def _url(report):
    return f"/localities/{report.partnership.locality.slug}/reports/{report.slug}/"


@pytest.fixture
def draft(north_partnership, this_quarter):
    return make_report(north_partnership, this_quarter, narrative="Started.")


def test_a_draft_shows_the_localitys_figures_computed_live(draft, provider, client_for, chair):
    provider.value = 11
    content = client_for(chair).get(_url(draft)).content.decode()
    assert "Test offers in North" in content  # the scope names the partnership's locality
    assert "Offers published" in content and ">11<" in content
    assert ">5<" in content  # the previous period beside it
    assert provider.scopes[-1].locality == draft.partnership.locality


def test_submitting_freezes_the_figures_as_they_stood(draft, provider, client_for, chair):
    provider.value = 11
    response = client_for(chair).post(_url(draft), {"narrative": "Our quarter.", "submit": "1", "version": 1})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == QuarterlyReport.Status.SUBMITTED
    assert draft.submitted_by == chair and draft.submitted_at is not None
    frozen = next(s for s in draft.figures if s["key"] == "test_offers")
    assert frozen["figures"][0]["value"] == 11
    assert [(r.number, r.reason) for r in draft.revisions.all()] == [(1, "")]

    provider.value = 99  # a later change in the tool...
    content = client_for(chair).get(_url(draft)).content.decode()
    assert ">11<" in content and ">99<" not in content  # ...never alters the submitted report


def test_saving_a_draft_keeps_it_a_draft(draft, provider, client_for, chair):
    client_for(chair).post(_url(draft), {"narrative": "Half written.", "save": "1", "version": 1})
    draft.refresh_from_db()
    assert draft.status == QuarterlyReport.Status.DRAFT and draft.narrative == "Half written."
    assert draft.figures == []


def test_a_report_is_not_submitted_without_a_narrative(draft, provider, client_for, chair):
    response = client_for(chair).post(_url(draft), {"narrative": "  ", "submit": "1", "version": 1})
    assert response.status_code == 200
    assert "Write the chair&#x27;s narrative before submitting the report." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == QuarterlyReport.Status.DRAFT


def test_a_stale_draft_is_refused_and_keeps_what_was_typed(draft, provider, client_for, chair, la_officer):
    client_for(la_officer).post(_url(draft), {"narrative": "The officer's edit.", "save": "1", "version": 1})
    response = client_for(chair).post(_url(draft), {"narrative": "The chair's words.", "submit": "1", "version": 1})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved changes" in content and "The chair&#x27;s words." in content
    draft.refresh_from_db()
    assert draft.status == QuarterlyReport.Status.DRAFT and draft.narrative == "The officer's edit."
    assert "A draft" in content  # the page shows the report as stored, not as the refused write left it


def test_a_correction_is_a_new_revision_with_who_when_and_why(draft, provider, client_for, chair, la_officer):
    services.submit_report(draft, narrative="First words.", by=chair, today=draft.period.first_day)
    draft.refresh_from_db()
    figures = draft.figures
    response = client_for(la_officer).post(
        _url(draft), {"narrative": "Corrected words.", "reason": "A figure was misquoted.", "version": draft.version}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.narrative == "Corrected words." and draft.figures == figures
    revisions = list(draft.revisions.all())
    assert [(r.number, r.made_by, r.reason) for r in revisions] == [
        (1, chair, ""),
        (2, la_officer, "A figure was misquoted."),
    ]
    content = client_for(chair).get(_url(draft)).content.decode()
    assert "Revision 2: corrected by Officer Tester" in content and "A figure was misquoted." in content


def test_a_correction_needs_a_reason(draft, provider, client_for, chair):
    services.submit_report(draft, narrative="First words.", by=chair, today=draft.period.first_day)
    draft.refresh_from_db()
    response = client_for(chair).post(_url(draft), {"narrative": "New words.", "reason": "", "version": draft.version})
    assert response.status_code == 200
    assert 'href="#id_reason"' in response.content.decode()
    assert draft.revisions.count() == 1


def test_submitting_twice_is_refused(draft, provider, chair):
    services.submit_report(draft, narrative="Words.", by=chair, today=draft.period.first_day)
    with pytest.raises(ValidationError):
        services.submit_report(draft, narrative="Again.", by=chair, today=draft.period.first_day)


def test_a_past_quarters_draft_reads_its_figures_as_at_the_quarters_end(north_partnership, last_quarter, provider):
    from localities import selectors

    selectors.live_sections(
        north_partnership, last_quarter, last_quarter.last_day.replace(year=last_quarter.last_day.year + 1)
    )
    assert provider.scopes[-1].today == last_quarter.last_day


@pytest.mark.parametrize("quarter", ["2026-q5", "q3", "2026-Q0", "abcd-q1", "99999999999-q1"])
def test_a_bad_quarter_in_the_address_is_a_404(quarter, north_partnership, client_for, chair):
    assert client_for(chair).get(f"/localities/north/reports/{quarter}/").status_code == 404


def test_a_quarter_not_begun_has_no_report(north_partnership, this_quarter, client_for, chair):
    future = this_quarter.next().next()
    assert client_for(chair).get(f"/localities/north/reports/{future.start_year}-q{future.quarter}/").status_code == 404
    assert not QuarterlyReport.objects.exists()


def test_opening_this_quarters_report_starts_a_draft_for_the_chair(north_partnership, this_quarter, client_for, chair):
    response = client_for(chair).get(f"/localities/north/reports/{this_quarter.start_year}-q{this_quarter.quarter}/")
    assert response.status_code == 200
    assert "Submit to the board" in response.content.decode()
    assert QuarterlyReport.objects.get().status == QuarterlyReport.Status.DRAFT


def test_a_reports_pledge_figures_count_the_localitys_organisations(north_partnership, school, other_school):
    """A report is read with no user: its figures are the locality's own, never narrowed to nobody's."""
    from localities import selectors
    from localities.rules import current_quarter

    today = timezone.localdate()
    sections = {s["key"]: s for s in selectors.live_sections(north_partnership, current_quarter(today), today)}
    signed = next(
        f for f in sections["pledges"]["figures"] if f["label"] == "Organisations that have signed the pledges"
    )
    assert signed["text"] == "0% (0 of 2)"  # the two schools in North, neither signed yet (not "0 of 0")
