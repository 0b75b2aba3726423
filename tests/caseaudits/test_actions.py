"""Actions for the lead practitioner: LA officers set them, the lead agency records progress."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from caseaudits.models import AuditAction
from portal.concurrency import STALE_EDIT_MESSAGE


def test_an_la_officer_adds_an_action_with_a_due_date(client_for, la_officer, audit):
    client = client_for(la_officer)
    url = reverse("caseaudits:action_create", args=[audit.pk])
    page = client.post(url, {"description": "Hold the TAF review.", "due_date": "2018-05-01"}).content.decode()
    assert "The due date must be on or after the audit date (10/05/2018)." in page and "Hold the TAF review." in page
    page = client.post(url, {"description": "", "due_date": "2018-06-31"}).content.decode()
    assert "Enter the action." in page and "Enter a real date." in page
    response = client.post(url, {"description": "Hold the TAF review.", "due_date": "2018-06-10"})
    assert response.status_code == 302
    assert audit.actions.filter(description="Hold the TAF review.", due_date=date(2018, 6, 10)).exists()
    page = client.get(reverse("caseaudits:detail", args=[audit.pk])).content.decode()
    assert "Hold the TAF review." in page and "Overdue" in page


def test_the_lead_agency_records_progress_and_completes_its_action(client_for, agency_editor, audit):
    action = audit.actions.get()
    client = client_for(agency_editor)
    url = reverse("caseaudits:action_progress", args=[action.pk])
    page = client.get(url).content.decode()
    assert "Add timescales to the plan." in page and "Record progress" in page
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    page = client.post(url, {"progress_note": "Plan updated.", "completed_on": tomorrow, "version": 1}).content.decode()
    assert "The date completed must be today or in the past." in page and "Plan updated." in page
    page = client.post(
        url, {"progress_note": "Plan updated.", "completed_on": "2018-01-01", "version": 1}
    ).content.decode()
    assert "The date completed must be on or after the audit date." in page
    response = client.post(url, {"progress_note": "Plan updated.", "completed_on": "2018-06-20", "version": 1})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.progress_note, action.completed_on) == ("Plan updated.", date(2018, 6, 20))
    page = client.get(reverse("caseaudits:detail", args=[audit.pk])).content.decode()
    assert "Done" in page and "Plan updated." in page


def test_progress_notes_refuse_personal_data(client_for, agency_lead, audit):
    action = audit.actions.get()
    page = (
        client_for(agency_lead)
        .post(
            reverse("caseaudits:action_progress", args=[action.pk]),
            {"progress_note": "Family now at LE2 8AB", "version": 1},
        )
        .content.decode()
    )
    assert "Remove the postcode" in page
    assert AuditAction.objects.get().progress_note == ""


def test_a_stale_progress_update_is_refused_and_keeps_the_input(client_for, agency_lead, la_officer, audit):
    action = audit.actions.get()
    url = reverse("caseaudits:action_progress", args=[action.pk])
    client_for(la_officer).post(url, {"progress_note": "LA note.", "version": 1})
    page = client_for(agency_lead).post(url, {"progress_note": "Agency note.", "version": 1}).content.decode()
    assert STALE_EDIT_MESSAGE.split(".")[0] in page and "Agency note." in page
    assert AuditAction.objects.get().progress_note == "LA note."


def test_an_la_officer_changes_an_action(client_for, la_officer, audit):
    action = audit.actions.get()
    response = client_for(la_officer).post(
        reverse("caseaudits:action_edit", args=[action.pk]),
        {"description": "Add timescales and owners.", "due_date": "2018-07-31", "version": 1},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.description, action.due_date, action.version) == ("Add timescales and owners.", date(2018, 7, 31), 2)


def test_the_action_list_shows_each_agency_its_own_actions_by_state(
    client_for, agency_lead, la_officer, make_audit, agency, school
):
    today = timezone.localdate()
    make_audit(agency, reference="EHA-400001", actions=[("Overdue one.", today - timedelta(days=1))])
    make_audit(agency, reference="EHA-400002", actions=[("Open one.", today + timedelta(days=10))])
    done = make_audit(agency, reference="EHA-400003", actions=[("Done one.", today - timedelta(days=20))])
    done.actions.update(completed_on=today - timedelta(days=21))
    make_audit(school, reference="EHA-400004", actions=[("School's own.", today - timedelta(days=5))])
    client = client_for(agency_lead)

    def shown(state):
        page = client.get(reverse("caseaudits:actions") + f"?state={state}").content.decode()
        return {
            text
            for text in ("Overdue one.", "Open one.", "Done one.", "School's own.")
            if text.replace("'", "&#x27;") in page
        }

    assert shown("open") == {"Overdue one.", "Open one."}
    assert shown("overdue") == {"Overdue one."}
    assert shown("done") == {"Done one."}
    assert shown("all") == {"Overdue one.", "Open one.", "Done one."}
    assert shown("nonsense") == {"Overdue one.", "Open one."}
    page = client.get(reverse("caseaudits:actions")).content.decode()
    assert "Not done (2)" in page and "Overdue (1)" in page and "Done (1)" in page
    page = client_for(la_officer).get(reverse("caseaudits:actions") + "?state=overdue").content.decode()
    assert "Overdue one." in page and "School&#x27;s own." in page
