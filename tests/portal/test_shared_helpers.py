"""Shared helpers every feature builds on: RAG tags, percentages, spreadsheets, charts."""

import io

import pytest
from django.template import Context, Template
from openpyxl import load_workbook

from portal.charts import Series, line_chart
from portal.rag import Rag
from portal.templatetags.portal_tags import percent, rag_tag
from portal.xlsx import ReportWorkbook, neutralise_formula, safe_sheet_name


@pytest.mark.parametrize(
    "value, text, css",
    [
        ("red", "Red", "tag--rag-red"),
        ("amber", "Amber", "tag--rag-amber"),
        ("green", "Green", "tag--rag-green"),
        ("not_started", "Not started", "tag--rag-not-started"),
        ("nonsense", "Not started", "tag--rag-not-started"),
    ],
)
def test_rag_tag_always_carries_the_word(value, text, css):
    html = rag_tag(value)
    assert f">{text}</strong>" in html and css in html


def test_rag_tag_escapes_a_custom_label():
    assert "&lt;script&gt;" in rag_tag("red", "<script>")


@pytest.mark.parametrize(
    "met, total, text",
    [(42, 53, "79% (42 of 53)"), (0, 5, "0% (0 of 5)"), (3, 0, "— (0 of 0)"), (1, 3, "33% (1 of 3)")],
)
def test_percent_shows_numbers_beside_the_percentage(met, total, text):
    assert percent(met, total) == text


def test_percent_filter_in_a_template():
    assert Template("{% load portal_tags %}{{ a|percent:b }}").render(Context({"a": 29, "b": 60})) == "48% (29 of 60)"


def test_xlsx_writes_formula_like_text_as_text_and_fills_rag_cells():
    report = ReportWorkbook()
    sheet = report.add_sheet("Matrix: [2025/26]")
    report.write_header(sheet, 0, ["Name", "Note", "Count", "RAG"])
    report.write_row(sheet, 1, ['=HYPERLINK("http://evil")', "+44 116", 7, None])
    report.write_rag(sheet, 1, 3, Rag.RED)
    report.close()
    workbook = load_workbook(io.BytesIO(report.getvalue()))
    ws = workbook.worksheets[0]
    assert ws.title == "Matrix_ _2025_26_"
    assert ws["A2"].value == '=HYPERLINK("http://evil")' and ws["A2"].data_type == "s"
    assert ws["B2"].data_type == "s"
    assert ws["C2"].value == 7
    assert ws["D2"].value == "Red"
    assert ws["D2"].fill.fgColor.rgb.endswith("B10E1E")
    assert ws["A1"].font.bold


def test_neutralise_formula_for_csv():
    assert neutralise_formula("=1+1") == "'=1+1"
    assert neutralise_formula("@SUM") == "'@SUM"
    assert neutralise_formula("Plain") == "Plain"


def test_safe_sheet_name_limits_length():
    assert len(safe_sheet_name("x" * 50)) == 31


def test_line_chart_is_labelled_and_escapes_text():
    svg = line_chart(
        ["Q1 2018-19", "Q2 2018-19", "Q3 2018-19"],
        [Series("Action plan <in place>", [60, 79, 63]), Series("Consent", [90, None, 95])],
        title="EHA principles",
        description="Share of audited cases",
        chart_id="trend",
    )
    assert 'role="img"' in svg and 'aria-labelledby="trend-title trend-desc"' in svg
    assert '<title id="trend-title">EHA principles</title>' in svg
    assert "Action plan &lt;in place&gt;" in svg
    assert svg.count("<polyline") == 1  # a gap breaks the line: Consent has no two neighbouring values
    assert "Q3 2018-19" in svg


def test_chart_legend_wraps_instead_of_overflowing():
    names = [f"Series {n}" for n in range(6)]
    svg = line_chart(["A", "B"], [Series(n, [1, 2]) for n in names], title="t", width=640)
    import re

    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="[\d.]+" font-size="12">Series', svg)]
    assert len(xs) == 6 and max(xs) < 640


def test_error_summary_links_a_radio_group_to_its_first_option():
    from django import forms

    class Choice(forms.Form):
        answer = forms.ChoiceField(choices=[("y", "Yes"), ("n", "No")], widget=forms.RadioSelect)

    html = str(Choice(data={}))
    assert 'href="#id_answer_0"' in html and 'id="id_answer_0"' in html
