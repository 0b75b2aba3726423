"""Role x view: who reaches which page of case-file audits, and what they see there.

The audit under test (EHA-104233) is of a case led by `agency`; EHA-200001 is led by `school`. Both were
audited by `la_officer`. Anonymous people are sent to sign in; nobody gets a 500 or another's data.
"""

import pytest
from django.urls import reverse

from portal.permissions import caseaudits as can
from testdata.people import ROLES

LA = {"admin": 200, "la_officer": 200}
NOBODY_ELSE_403 = {role: 403 for role in ROLES if role not in ("anonymous", "admin", "la_officer")}
CASE_LEVEL_404 = {
    "board_member": 404,
    "school_lead": 404,
    "school_editor": 404,
    "other_school_lead": 404,
    "no_role": 404,
}

# view name -> (url builder, {role: status})
MATRIX = {
    "list": (
        lambda a: reverse("caseaudits:list"),
        {
            **LA,
            "board_member": 403,
            "school_lead": 200,
            "school_editor": 200,
            "other_school_lead": 200,
            "agency_lead": 200,
            "agency_editor": 200,
            "no_role": 403,
        },
    ),
    "detail": (
        lambda a: reverse("caseaudits:detail", args=[a.pk]),
        {**LA, **CASE_LEVEL_404, "agency_lead": 200, "agency_editor": 200},
    ),
    "edit": (
        lambda a: reverse("caseaudits:edit", args=[a.pk]),
        {**LA, **CASE_LEVEL_404, "agency_lead": 403, "agency_editor": 403},
    ),
    "delete": (
        lambda a: reverse("caseaudits:delete", args=[a.pk]),
        {**LA, **CASE_LEVEL_404, "agency_lead": 403, "agency_editor": 403},
    ),
    # la_officer audited it, so is sent back to the audit with a message.
    "moderate": (
        lambda a: reverse("caseaudits:moderate", args=[a.pk]),
        {"admin": 200, "la_officer": 302, **CASE_LEVEL_404, "agency_lead": 403, "agency_editor": 403},
    ),
    "action_create": (
        lambda a: reverse("caseaudits:action_create", args=[a.pk]),
        {**LA, **CASE_LEVEL_404, "agency_lead": 403, "agency_editor": 403},
    ),
    "actions": (
        lambda a: reverse("caseaudits:actions") + "?state=all",
        {
            **LA,
            "board_member": 403,
            "school_lead": 200,
            "school_editor": 200,
            "other_school_lead": 200,
            "agency_lead": 200,
            "agency_editor": 200,
            "no_role": 403,
        },
    ),
    "action_edit": (
        lambda a: reverse("caseaudits:action_edit", args=[a.actions.get().pk]),
        {**LA, **CASE_LEVEL_404, "agency_lead": 403, "agency_editor": 403},
    ),
    "action_progress": (
        lambda a: reverse("caseaudits:action_progress", args=[a.actions.get().pk]),
        {**LA, **CASE_LEVEL_404, "agency_lead": 200, "agency_editor": 200},
    ),
    "create": (lambda a: reverse("caseaudits:create"), {**LA, **NOBODY_ELSE_403}),
    "moderation": (lambda a: reverse("caseaudits:moderation") + "?year=2018-19&quarter=1", {**LA, **NOBODY_ELSE_403}),
    "import": (lambda a: reverse("caseaudits:import"), {**LA, **NOBODY_ELSE_403}),
    "import_template_csv": (lambda a: reverse("caseaudits:import_template", args=["csv"]), {**LA, **NOBODY_ELSE_403}),
    "import_template_xlsx": (lambda a: reverse("caseaudits:import_template", args=["xlsx"]), {**LA, **NOBODY_ELSE_403}),
    "report": (
        lambda a: reverse("caseaudits:report") + "?year=2018-19",
        {**LA, **NOBODY_ELSE_403, "board_member": 200},
    ),
    "report_xlsx": (
        lambda a: reverse("caseaudits:report_xlsx", args=["2018-19"]),
        {**LA, **NOBODY_ELSE_403, "board_member": 200},
    ),
    "principles": (
        lambda a: reverse("framework_kind_list", args=["principles"]),
        {**LA, **NOBODY_ELSE_403, "board_member": 200},
    ),
}
CASES = [(view, role) for view in MATRIX for role in ROLES]


@pytest.mark.parametrize("view, role", CASES, ids=[f"{v}-{r}" for v, r in CASES])
def test_role_by_view(view, role, everyone, client_for, audit, school_audit):
    url_for, expected = MATRIX[view]
    url = url_for(audit)
    response = client_for(everyone[role]).get(url)
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        return
    assert response.status_code == expected[role], f"{view} as {role}"
    if response.status_code == 200 and "html" in response["Content-Type"]:
        page = response.content.decode()
        if view in ("list", "detail"):
            sees_agency_case = role in ("admin", "la_officer", "agency_lead", "agency_editor")
            assert ("EHA-104233" in page) is sees_agency_case
        if view == "list":
            assert ("EHA-200001" in page) is (role in ("admin", "la_officer", "school_lead", "school_editor"))
        if view in ("report", "principles"):
            assert "EHA-104233" not in page and "EHA-200001" not in page  # aggregates only
        if view == "actions":
            assert ("Add timescales to the plan." in page) is (
                role in ("admin", "la_officer", "agency_lead", "agency_editor")
            )
            assert ("Record the TAF review." in page) is (
                role in ("admin", "la_officer", "school_lead", "school_editor")
            )


def test_the_lead_agency_sees_its_audit_read_only(client_for, agency_lead, audit):
    page = client_for(agency_lead).get(reverse("caseaudits:detail", args=[audit.pk])).content.decode()
    assert "Family Action Group" in page and "Seen on file." in page
    assert reverse("caseaudits:edit", args=[audit.pk]) not in page
    assert reverse("caseaudits:moderate", args=[audit.pk]) not in page
    assert reverse("caseaudits:action_progress", args=[audit.actions.get().pk]) in page  # its own action


@pytest.mark.parametrize("role", ["agency_lead", "board_member", "school_lead", "no_role"])
def test_writes_are_refused_to_everyone_but_la_officers(role, everyone, client_for, audit):
    client = client_for(everyone[role])
    before = audit.version
    response = client.post(reverse("caseaudits:edit", args=[audit.pk]), {"case_reference": "EHA-999999"})
    assert response.status_code in (403, 404)
    response = client.post(reverse("caseaudits:moderate", args=[audit.pk]), {"agrees": "yes"})
    assert response.status_code in (403, 404)
    response = client.post(reverse("caseaudits:delete", args=[audit.pk]))
    assert response.status_code in (403, 404)
    assert client.post(reverse("caseaudits:draw_sample") + "?year=2018-19&quarter=1").status_code == 403
    audit.refresh_from_db()
    assert (audit.case_reference, audit.version) == ("EHA-104233", before)
    assert not hasattr(audit, "moderation")


def test_another_agencys_people_cannot_record_progress_on_its_action(client_for, other_school_lead, audit):
    action = audit.actions.get()
    response = client_for(other_school_lead).post(
        reverse("caseaudits:action_progress", args=[action.pk]), {"progress_note": "Done", "version": action.version}
    )
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.progress_note == ""


def test_permission_rules(everyone, audit, second_officer):
    la, admin, agency_lead = everyone["la_officer"], everyone["admin"], everyone["agency_lead"]
    assert can.can_record_audits(la) and can.can_record_audits(admin)
    assert not can.can_record_audits(agency_lead) and not can.can_record_audits(everyone["board_member"])
    assert can.can_read_reports(everyone["board_member"]) and not can.can_read_reports(agency_lead)
    assert not can.can_moderate(la, audit)  # the auditor
    assert can.can_moderate(second_officer, audit)
    assert can.can_record_progress(agency_lead, audit.actions.get())
    assert not can.can_record_progress(everyone["school_lead"], audit.actions.get())
    assert not can.can_list_audits(everyone["board_member"]) and not can.can_list_audits(everyone["no_role"])
