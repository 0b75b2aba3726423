"""Bulk import from CSV or XLSX: a template to download, every row checked, all or nothing."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caseaudits.imports import import_audits, import_columns
from caseaudits.models import AuditAction, CaseAudit
from portal.models import Locality, Organisation
from portal.tabular import FileProblem


@pytest.fixture
def columns(principles):
    return import_columns(principles)


@pytest.fixture
def row(principles, agency, north, la_officer):
    """A valid row as {heading: text}."""
    values = {
        "Case reference": "EHA-500001",
        "Lead agency": agency.name,
        "Locality": north.name,
        "EHA start date": "2018-01-10",
        "Audit date": "2018-05-14",
        "Auditor email": la_officer.email,
        "Overall judgement": "Good",
        "Strengths": "Family's voice is clear.",
        "Areas for development": "",
        "Action 1": "Review the plan.",
        "Action 1 due date": "2018-06-30",
    }
    for principle in principles:
        values[principle.title] = "Met"
        values[f"{principle.title} evidence"] = "Seen."
    return values


def csv_file(columns, rows, name="audits.csv"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns.values())
    for values in rows:
        writer.writerow([values.get(heading, "") for heading in columns.values()])
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"))


def run(columns, rows, framework, user):
    return import_audits(csv_file(columns, rows), framework=framework, recorded_by=user)


def test_valid_rows_are_all_imported(columns, row, framework, la_officer, principles):
    second = dict(
        row,
        **{
            "Case reference": "eha 500002".replace(" ", "-"),
            "Audit date": "20/08/2018",
            "Overall judgement": "RI",
            "Team Around the Family": "n/a",
            "Timely reviews": "partly",
            "Action plan": "not met",
            "Action 1": "",
            "Action 1 due date": "",
            "Action 2": "Record oversight.",
            "Action 2 due date": "30/09/2018",
        },
    )
    result = run(columns, [row, second], framework, la_officer)
    assert result.ok and result.created == 2
    first_audit, second_audit = CaseAudit.objects.order_by("case_reference")
    assert (second_audit.case_reference, second_audit.audit_date, second_audit.quarter) == (
        "EHA-500002",
        date(2018, 8, 20),
        2,
    )
    assert second_audit.overall_judgement == "requires_improvement" and second_audit.recorded_by == la_officer
    findings = dict(second_audit.findings.values_list("principle__code", "finding"))
    assert findings["team-around-the-family"] == "not_applicable" and findings["timely-reviews"] == "partly_met"
    assert findings["action-plan"] == "not_met" and len(findings) == len(principles)
    assert list(first_audit.actions.values_list("description", "due_date")) == [("Review the plan.", date(2018, 6, 30))]
    assert list(second_audit.actions.values_list("description", flat=True)) == ["Record oversight."]


def test_names_match_whatever_the_case_spacing_or_dash(columns, row, framework, la_officer, south):
    advice_point = Organisation.objects.create(
        name="Early Help Advice Point – South", kind="la_service", locality=south
    )
    row.update(
        {
            "Lead agency": "early help advice point - SOUTH",
            "Locality": "north",
            "Auditor email": la_officer.email.upper(),
        }
    )
    assert run(columns, [row], framework, la_officer).ok
    assert CaseAudit.objects.get().lead_agency == advice_point


def test_one_bad_row_imports_nothing_and_names_the_row_and_column(columns, row, framework, la_officer):
    bad = dict(row, **{"Case reference": "Tyler Jones"})
    result = run(columns, [row, bad, dict(row, **{"Case reference": "EHA-500003"})], framework, la_officer)
    assert not result.ok and result.created == 0
    assert [(e.row, e.column) for e in result.errors] == [(3, "Case reference")]
    assert "looks like a name" in result.errors[0].message
    assert str(result.errors[0]).startswith("Row 3, column 'Case reference': This looks like a name.")
    assert not CaseAudit.objects.exists() and not AuditAction.objects.exists()


def test_every_problem_is_listed(columns, row, framework, la_officer, agency_lead, principles):
    bad = dict(
        row,
        **{
            "Lead agency": "No Such Agency",
            "Locality": "Atlantis",
            "Auditor email": agency_lead.email,
            "Overall judgement": "Brilliant",
            "Action plan": "Yes",
            "Written consent evidence": "Mother lives at LE5 3PA.",
            "Audit date": "2018-13-40",
            "Action 1 due date": "",
            "Action 2 due date": "2018-07-01",
        },
    )
    result = run(columns, [bad], framework, la_officer)
    problems = {e.column: e.message for e in result.errors}
    assert all(e.row == 2 for e in result.errors)
    assert "There is no active organisation called 'No Such Agency'" in problems["Lead agency"]
    assert "There is no locality called 'Atlantis'. Use one of: North, South." == problems["Locality"]
    assert "LA quality-assurance officer" in problems["Auditor email"]
    assert problems["Overall judgement"] == "Enter one of: Outstanding, Good, Requires improvement, Inadequate."
    assert problems["Action plan"] == "Enter one of: Met, Partly met, Not met, Not applicable."
    assert "Remove the postcode 'LE5 3PA'" in problems["Written consent evidence"]
    assert problems["Audit date"] == "Enter a valid date."
    assert "Enter the date this action is due" in problems["Action 1 due date"]
    assert problems["Action 2"] == "Enter the action, or leave its due date empty."
    assert not CaseAudit.objects.exists()


def test_a_missing_finding_is_named(columns, row, framework, la_officer):
    result = run(columns, [dict(row, **{"Timely reviews": ""})], framework, la_officer)
    assert [(e.row, e.column, e.message) for e in result.errors] == [(2, "Timely reviews", "This field is required.")]


def test_a_case_audited_twice_on_one_day_is_refused(columns, row, framework, la_officer, make_audit, agency):
    result = run(columns, [row, dict(row)], framework, la_officer)
    assert [(e.row, e.message) for e in result.errors] == [(3, "Case EHA-500001 on 14/05/2018 is also on row 2.")]
    make_audit(agency, reference="EHA-500001", audit_date=date(2018, 5, 14))
    result = run(columns, [row], framework, la_officer)
    assert result.errors[0].message == "Case EHA-500001 already has an audit dated 14/05/2018."
    assert CaseAudit.objects.count() == 1


def test_a_due_date_before_the_audit_is_refused(columns, row, framework, la_officer):
    result = run(columns, [dict(row, **{"Action 1 due date": "2018-05-01"})], framework, la_officer)
    assert [(e.column, e.message) for e in result.errors] == [
        ("Action 1 due date", "The due date must be on or after the audit date.")
    ]


def test_a_file_without_a_principle_column_is_refused_as_a_whole(columns, row, framework, la_officer):
    del columns["finding_action-plan"]
    with pytest.raises(FileProblem, match=r"missing the column\(s\): Action plan"):
        run(columns, [row], framework, la_officer)


def test_an_xlsx_file_imports_with_real_date_cells(columns, row, framework, la_officer):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(columns.values()))
    row.update(
        {"Audit date": date(2018, 5, 14), "EHA start date": date(2018, 1, 10), "Action 1 due date": date(2018, 6, 30)}
    )
    sheet.append([row.get(heading, None) for heading in columns.values()])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("audits.xlsx", buffer.getvalue())
    result = import_audits(upload, framework=framework, recorded_by=la_officer)
    assert result.ok and CaseAudit.objects.get().audit_date == date(2018, 5, 14)


def test_the_templates_carry_the_current_principles(client_for, la_officer, columns, agency):
    client = client_for(la_officer)
    response = client.get(reverse("caseaudits:import_template", args=["csv"]))
    assert response["Content-Disposition"] == 'attachment; filename="case-audits-template.csv"'
    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header == list(columns.values())
    assert "Action plan" in header and "Timely reviews evidence" in header and "Action 3 due date" in header
    response = client.get(reverse("caseaudits:import_template", args=["xlsx"]))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook["Audits"][1]] == list(columns.values())
    guidance = {r[0]: r[1:] for r in workbook["Guidance"].iter_rows(min_row=2, values_only=True)}
    assert guidance["Case reference"][0] == "Yes" and guidance["Strengths"][0] == "No"
    assert "Met, Partly met, Not met, Not applicable" in guidance["Action plan"][1]
    names = [r[0] for r in workbook["Lists"].iter_rows(min_row=2, values_only=True)]
    assert agency.name in names
    # Each column with choices has a drop-down of them (the shared template: tests/portal/test_import_templates.py).
    sources = {str(v.sqref).split(":")[0]: v.formula1 for v in workbook["Audits"].data_validations.dataValidation}
    assert sources["B2"].startswith("Lists!$A$2")


def test_the_import_page_lists_problems_then_imports(client_for, la_officer, columns, row):
    client = client_for(la_officer)
    url = reverse("caseaudits:import")
    page = client.post(
        url, {"file": csv_file(columns, [dict(row, **{"Lead agency": "Nobody"})])}, follow=True
    ).content.decode()
    assert "<title>Error: " in page and "Nothing was saved: 1 problem found" in page
    assert "<td>2</td><td>Lead agency</td>" in page
    page = client.post(url, {"file": SimpleUploadedFile("audits.pdf", b"%PDF")}).content.decode()
    assert "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." in page
    response = client.post(url, {"file": csv_file(columns, [row])}, follow=True)
    assert "Finished: 1 row(s) saved." in response.content.decode()
    assert CaseAudit.objects.count() == 1


def test_localities_listed_in_messages_come_from_the_data(columns, row, framework, la_officer, south):
    Locality.objects.create(name="East", slug="east")
    result = run(columns, [dict(row, **{"Locality": "Nowhere"})], framework, la_officer)
    assert result.errors[0].message.endswith("Use one of: East, North, South.")


def test_queries_do_not_grow_with_the_rows_and_each_audit_is_in_the_audit_trail(columns, row, framework, la_officer):
    from auditlog.models import LogEntry
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rows(count, start):
        return [dict(row, **{"Case reference": f"EHA-{600000 + start + i}"}) for i in range(count)]

    run(columns, rows(1, 0), framework, la_officer)  # content types and the like, cached from here on
    with CaptureQueriesContext(connection) as few:
        assert run(columns, rows(2, 10), framework, la_officer).created == 2
    with CaptureQueriesContext(connection) as many:
        assert run(columns, rows(20, 20), framework, la_officer).created == 20
    assert len(many.captured_queries) == len(few.captured_queries) <= 11  # the audit trail is one statement
    audit = CaseAudit.objects.get(case_reference="EHA-600025")
    assert (audit.financial_year, audit.quarter, audit.version) == (2018, 1, 1)
    assert audit.actions.get().description == "Review the plan."
    assert [entry.action for entry in LogEntry.objects.get_for_object(audit)] == [LogEntry.Action.CREATE]


def test_personal_data_in_imported_free_text_is_named_by_row_and_column(columns, row, framework, la_officer):
    rows = [
        row,
        dict(row, **{"Case reference": "EHA-500004", "Strengths": "MRS SMITH attended every TAF"}),
        dict(row, **{"Case reference": "EHA-500005", "Action 1": "Call Dad's mobile 07700 900123"}),
        dict(row, **{"Case reference": "EHA-500006", "Areas for development": "Family moved to 12 Melton Road"}),
    ]
    result = run(columns, rows, framework, la_officer)
    assert not result.ok and result.created == 0
    found = {(e.row, e.column): e.message for e in result.errors}
    assert set(found) == {(3, "Strengths"), (4, "Action 1"), (5, "Areas for development")}
    assert "Remove the name 'MRS SMITH'" in found[(3, "Strengths")]
    assert "Remove the phone number '07700 900123'" in found[(4, "Action 1")]
    assert "Remove the street address '12 Melton Road'" in found[(5, "Areas for development")]
    assert not CaseAudit.objects.exists()
