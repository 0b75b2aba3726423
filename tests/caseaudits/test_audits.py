"""Recording, correcting and deleting audits through the forms, as an LA officer would."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from caseaudits.models import CaseAudit, Moderation
from portal.concurrency import STALE_EDIT_MESSAGE

TOMORROW = (timezone.localdate() + timedelta(days=1)).isoformat()


@pytest.fixture
def form_data(principles, agency, north, la_officer):
    data = {
        "case_reference": "eha-104299",
        "lead_agency": agency.pk,
        "locality": north.pk,
        "eha_start_date": "2018-01-15",
        "audit_date": "2018-07-02",
        "auditor": la_officer.pk,
        "overall_judgement": "good",
        "strengths": "Clear plan written with the family.",
        "areas_for_development": "Reviews slipped over the summer.",
    }
    for principle in principles:
        data[f"finding_{principle.code}"] = "met"
        data[f"evidence_{principle.code}"] = f"{principle.title} seen."
    data["finding_team-around-the-family"] = "not_applicable"
    data["finding_timely-reviews"] = "partly_met"
    return data


def test_an_la_officer_records_an_audit_with_a_finding_for_every_principle(client_for, la_officer, form_data):
    response = client_for(la_officer).post(reverse("caseaudits:create"), form_data)
    audit = CaseAudit.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("caseaudits:detail", args=[audit.pk])
    assert audit.case_reference == "EHA-104299"  # stored in capitals
    assert (audit.financial_year, audit.quarter) == (2018, 2)  # 2 July is in Q2
    assert audit.recorded_by == la_officer and audit.framework.is_current
    findings = dict(audit.findings.values_list("principle__code", "finding"))
    assert len(findings) == 7
    assert findings["team-around-the-family"] == "not_applicable" and findings["timely-reviews"] == "partly_met"
    page = client_for(la_officer).get(response["Location"]).content.decode()
    assert "Case EHA-104299" in page and "Reported in Q2 2018-19".lower() in page.lower()
    assert "Action plan seen." in page


def test_the_form_lists_the_current_principles_in_order(client_for, la_officer, principles):
    page = client_for(la_officer).get(reverse("caseaudits:create")).content.decode()
    positions = [page.index(f"{p.number}. {p.title}") for p in principles]
    assert positions == sorted(positions)
    assert "Never a name, a date of birth or an address." in page
    assert page.index("<h2>The case</h2>") < page.index("<h2>The principles</h2>") < page.index("<h2>Overall</h2>")


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"case_reference": "Jayden Smith"}, "case_reference", "This looks like a name."),
        ({"case_reference": "12/04/2016"}, "case_reference", "This looks like a date of birth."),
        ({"case_reference": "LE4 6GT"}, "case_reference", "This looks like a postcode."),
        ({"strengths": "Mother moved to LE4 6GT."}, "strengths", "Remove the postcode &#x27;LE4 6GT&#x27;"),
        ({"evidence_action-plan": "DOB 12/04/2016 recorded"}, "evidence_action-plan", "Remove the date of birth"),
        ({"strengths": "Jayden is doing better"}, "strengths", "Remove the name &#x27;Jayden&#x27;"),
        ({"strengths": "mrs smith attended"}, "strengths", "Remove the name &#x27;mrs smith&#x27;"),
        (
            {"evidence_action-plan": "Dad's mobile 07700 900123"},
            "evidence_action-plan",
            "Remove the phone number &#x27;07700 900123&#x27;",
        ),
        ({"finding_action-plan": ""}, "finding_action-plan", "Choose whether &#x27;Action plan&#x27; was met."),
        ({"overall_judgement": ""}, "overall_judgement", "Choose the overall judgement."),
        ({"lead_agency": ""}, "lead_agency", "Choose the lead practitioner&#x27;s agency."),
        ({"audit_date": "31/02/2018"}, "audit_date", "Enter a real date."),
        ({"audit_date": "2017-12-01"}, "audit_date", "The audit date must be on or after the EHA start date."),
        ({"audit_date": TOMORROW}, "audit_date", "The audit date must be today or in the past."),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_the_field_and_keeps_what_was_typed(
    client_for, la_officer, form_data, changes, field, message
):
    form_data.update(changes)
    response = client_for(la_officer).post(reverse("caseaudits:create"), form_data)
    page = response.content.decode()
    assert response.status_code == 200 and not CaseAudit.objects.exists()
    assert "<title>Error: " in page and "There is a problem" in page
    assert f'id="id_{field}_error"' in page and message in page
    assert "Reviews slipped over the summer." in page  # nothing typed is lost
    assert 'value="met" id="id_finding_written-consent_0" required checked' in page
    assert 'value="partly_met" id="id_finding_timely-reviews_1" required checked' in page


def test_the_same_case_cannot_be_audited_twice_on_one_day(client_for, la_officer, form_data, make_audit, agency):
    make_audit(agency, reference="EHA-104299", audit_date=date(2018, 7, 2))
    response = client_for(la_officer).post(reverse("caseaudits:create"), form_data)
    assert response.status_code == 200
    assert "This case already has an audit on this date." in response.content.decode()
    assert CaseAudit.objects.count() == 1


def test_an_officer_corrects_an_audit(client_for, second_officer, audit, form_data):
    form_data.update(case_reference="EHA-104233", version=audit.version, **{"finding_action-plan": "not_met"})
    response = client_for(second_officer).post(reverse("caseaudits:edit", args=[audit.pk]), form_data)
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.findings.get(principle__code="action-plan").finding == "not_met"
    assert audit.findings.count() == 7 and audit.version == 2


def test_a_stale_edit_is_refused_and_keeps_the_input(client_for, la_officer, second_officer, audit, form_data):
    form_data.update(case_reference="EHA-104233", version=audit.version)
    client_for(second_officer).post(reverse("caseaudits:edit", args=[audit.pk]), form_data)
    form_data.update(strengths="My own late change.")
    response = client_for(la_officer).post(reverse("caseaudits:edit", args=[audit.pk]), form_data)
    page = response.content.decode()
    assert response.status_code == 200
    assert STALE_EDIT_MESSAGE.split(":")[0].replace("'", "&#x27;") in page and "My own late change." in page
    audit.refresh_from_db()
    assert audit.strengths == "Clear plan written with the family."


def test_a_moderated_audit_can_no_longer_be_changed_or_deleted(client_for, second_officer, audit, form_data):
    Moderation.objects.create(audit=audit, moderator=second_officer, agrees=True, judgement=audit.overall_judgement)
    client = client_for(second_officer)
    for name in ("edit", "delete"):
        response = client.post(reverse(f"caseaudits:{name}", args=[audit.pk]), form_data, follow=True)
        assert "has been moderated" in response.content.decode()
    audit.refresh_from_db()
    assert audit.case_reference == "EHA-104233" and audit.version == 1


def test_an_officer_deletes_a_mistaken_audit_after_confirming(client_for, la_officer, audit):
    client = client_for(la_officer)
    page = client.get(reverse("caseaudits:delete", args=[audit.pk])).content.decode()
    assert "Delete the audit of case EHA-104233?" in page
    assert CaseAudit.objects.exists()
    response = client.post(reverse("caseaudits:delete", args=[audit.pk]), follow=True)
    assert "The audit of case EHA-104233 has been deleted." in response.content.decode()
    assert not CaseAudit.objects.exists()


def test_the_list_filters_by_quarter_agency_and_reference(client_for, la_officer, make_audit, agency, school):
    make_audit(agency, reference="EHA-111111", audit_date=date(2018, 5, 1))
    make_audit(school, reference="EHA-222222", audit_date=date(2018, 8, 1))
    client = client_for(la_officer)

    def listed(query):
        page = client.get(reverse("caseaudits:list") + query).content.decode()
        return {ref for ref in ("EHA-111111", "EHA-222222") if ref in page}

    assert listed("") == {"EHA-111111", "EHA-222222"}
    assert listed("?year=2018-19&quarter=2") == {"EHA-222222"}
    assert listed(f"?lead_agency={agency.pk}") == {"EHA-111111"}
    assert listed("?reference=222") == {"EHA-222222"}
    assert listed("?judgement=good") == {"EHA-111111", "EHA-222222"}
    assert listed("?judgement=inadequate") == set()
    assert listed("?year=not-a-year") == {"EHA-111111", "EHA-222222"}  # a bad filter is ignored, not a 500


def test_an_audit_moderated_while_someone_edits_it_is_not_overwritten(second_officer, audit, form_data, principles):
    from caseaudits import services
    from caseaudits.forms import AuditForm

    form_data.update(case_reference="EHA-104233", version=audit.version)
    form = AuditForm(form_data, instance=audit, framework=audit.framework, principles=principles)
    assert form.is_valid()
    Moderation.objects.create(audit=audit, moderator=second_officer, agrees=True, judgement="good")
    with pytest.raises(services.AuditLocked):
        services.save_audit(form)
    with pytest.raises(services.AuditLocked):
        services.delete_audit(audit)
    assert CaseAudit.objects.get().version == 1
