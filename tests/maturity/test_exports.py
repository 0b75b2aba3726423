"""Workbooks read back with openpyxl: a round, a comparison, and `manage.py export_maturity`."""

import io
from datetime import date

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from maturity import demo
from maturity.framework_kind import MaturityFramework
from maturity.models import Framework
from portal import demo as portal_demo
from portal import frameworks

EXAMPLES_DIR = MaturityFramework.examples


def _rows_by_first_cell(sheet, min_row):
    return {row[0]: row for row in sheet.iter_rows(min_row=min_row, values_only=True) if row[0]}


def test_a_round_exports_its_details_ratings_and_action_plan(
    client_for, la_officer, school_lead, rounds, action_items, add_view
):
    round_ = rounds["submitted"]
    add_view(round_, school_lead, "strategy", "Maturing", "Fine")
    add_view(round_, la_officer, "strategy", "Mature")
    rating = round_.ratings.get(strand__key="strategy")
    rating.evidence = '=HYPERLINK("http://evil.example")'
    rating.save()
    response = client_for(la_officer).get(f"/maturity/rounds/{round_.pk}/export.xlsx")
    assert response["Content-Disposition"] == f'attachment; filename="maturity-round-{round_.pk}.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["Round"]
    assert sheet["A1"].value == "Second round 2019"
    details = _rows_by_first_cell(sheet, 3)
    assert details["Framework"][1] == "Early Help Service Transformation Maturity Model (version 1)"
    assert details["Status"][1] == "Submitted to the board"
    strands = _rows_by_first_cell(sheet, 12)
    assert strands["Strategy"][:5] == ("Strategy", "Maturing", "Early", "↑ Up 2 levels", "Maturing: 1, Mature: 1")
    assert strands["Workforce development"][1:4] == ("Mature", "Developing", "↑ Up 2 levels")
    assert strands["The families' experience of transformed services"][1:4] == (
        "Developing",
        "Not rated",
        "First rated",
    )
    strategy_row = next(row for row in sheet.iter_rows(min_row=12) if row[0].value == "Strategy")
    evidence = strategy_row[5]
    assert (evidence.value, evidence.data_type) == ('=HYPERLINK("http://evil.example")', "s")  # text, not a formula
    plan = book["Action plan"]
    assert [row[0] for row in plan.iter_rows(min_row=2, values_only=True)] == [
        f"Recommendation {n}" for n in range(1, 5)
    ]
    assert plan["F3"].value == "In progress"


def test_the_comparison_export_has_one_row_per_strand_and_a_rounds_sheet(client_for, board_member, rounds):
    response = client_for(board_member).get("/maturity/compare/export.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["Comparison"]
    headings = [c.value for c in sheet[4]]
    assert headings == [
        "Strand",
        "Scope",
        "September 2017",
        "Movement September 2017 to January 2019",
        "January 2019 (submitted to the board)",
    ]
    rows = _rows_by_first_cell(sheet, 5)
    assert len(rows) == 6
    assert rows["Strategy"][2:] == ("Early", "↑ Up 2 levels", "Maturing")
    assert rows["Culture"][2:] == ("Not rated", "Not rated", "Not rated")
    assert rows["Delivery structures and processes"][2:] == ("Developing/Maturing", "→ Same", "Developing/Maturing")
    assert "Troubled Families Outcome Plan" in rows["Delivery structures and processes"][1]
    key = _rows_by_first_cell(book["Rounds"], 2)
    assert key["Baseline 2017"][3] == "Signed off"
    assert key["Baseline 2017"][7] == "Board Tester"
    assert "Draft round 2026" not in key  # the board never sees drafts


def _export(tmp_path, *args):
    path = tmp_path / "maturity.xlsx"
    out = io.StringIO()
    call_command("export_maturity", "--out", str(path), *args, stdout=out)
    return openpyxl.load_workbook(path), out.getvalue()


def test_the_command_exports_every_round_of_the_current_framework(tmp_path, rounds):
    book, output = _export(tmp_path)
    assert "Wrote 3 rounds and 6 strands" in output
    sheet = book["Comparison"]
    assert [c.value for c in sheet[4]][2:] == [
        "September 2017",
        "Movement September 2017 to January 2019",
        "January 2019 (submitted to the board)",
        "Movement January 2019 to March 2026",
        "March 2026 (draft)",
    ]
    rows = _rows_by_first_cell(sheet, 5)
    assert rows["Strategy"][2:] == ("Early", "↑ Up 2 levels", "Maturing", "↑ Up half a level", "Maturing/Mature")
    assert rows["Culture"][6] == "Not rated"
    assert rows["Leadership"][5] == "Not yet rated"


def test_the_command_chooses_rounds_and_frameworks(tmp_path, rounds, make_round):
    book, _ = _export(tmp_path, "--round", str(rounds["signed_off"].pk), "--round", str(rounds["draft"].pk))
    assert [c.value for c in book["Comparison"][4]][2:] == [
        "September 2017",
        "Movement September 2017 to March 2026",
        "March 2026 (draft)",
    ]

    kind = frameworks.kind("maturity")
    ehsg = frameworks.load(kind, kind.read(EXAMPLES_DIR / "early-help-system-guide.json")).framework
    make_round("EHSG 2030", framework=ehsg, period_end=date(2030, 1, 31), ratings={"family-voice": "Embedded"})
    book, output = _export(tmp_path)  # the current framework is now the one the latest round used
    assert "Wrote 1 rounds and 5 strands" in output
    assert _rows_by_first_cell(book["Comparison"], 5)["Family voice and experience"][2] == "Embedded"
    book, output = _export(tmp_path, "--framework", "stmm")
    assert "Wrote 3 rounds" in output


def test_the_command_explains_what_it_cannot_do(tmp_path, db, rounds):
    with pytest.raises(CommandError, match="There is no framework 'nope'"):
        call_command("export_maturity", "--out", str(tmp_path / "x.xlsx"), "--framework", "nope")
    with pytest.raises(CommandError, match="not in the framework exported: 999"):
        call_command("export_maturity", "--out", str(tmp_path / "x.xlsx"), "--round", "999")


def test_the_command_with_no_rounds(tmp_path, db):
    with pytest.raises(CommandError, match="There are no rounds to export."):
        call_command("export_maturity", "--out", str(tmp_path / "x.xlsx"))


def test_the_demo_export_shows_leicesters_movement(tmp_path, db):
    portal_demo.seed()
    demo.seed()
    book, _ = _export(tmp_path)
    sheet = book["Comparison"]
    headings = [c.value for c in sheet[4]]
    assert headings[2:5] == ["September 2017", "Movement September 2017 to January 2019", "January 2019"]
    rows = _rows_by_first_cell(sheet, 5)
    assert rows["Strategy"][2:5] == ("Early", "↑ Up 2 levels", "Maturing")
    assert rows["Workforce development"][2:5] == ("Developing", "↑ Up 2 levels", "Mature")
    assert rows["Leadership"][2:5] == ("Developing", "↑ Up 1 level", "Maturing")
    assert rows["Culture"][2:5] == ("Developing", "↑ Up 1 level", "Maturing")
    assert rows["The families' experience of transformed services"][2:5] == ("Not rated", "First rated", "Developing")
    assert rows["Delivery structures and processes"][2:5] == ("Developing/Maturing", "→ Same", "Developing/Maturing")
    key = _rows_by_first_cell(book["Rounds"], 2)
    january = key["Service transformation self-assessment, January 2019"]
    assert january[4] == "Focus groups, Interviews, Surveys, Questionnaires"
    assert january[5] == "at least 160"
    assert Framework.objects.count() == 1
