"""Every spreadsheet the portal writes keeps typed text as text (issue 8: formula injection).

Text starting with =, +, -, @ (or a tab or carriage return before one) would run as a formula in the
board's copy of Excel. Every free-text field holds such text (tests/security/abusive.py), then every xlsx
download and export command is read back with openpyxl: no cell is a formula and the text is intact.
The CSV templates, whose headings come from frameworks an administrator loads, are guarded too.
"""

import csv
import io
import re

import openpyxl
import pytest
from django.core.management import call_command

from caseaudits.models import Principle
from maturity.rules import Status
from portal.tabular import normalise_header
from tests.security.abusive import FIELD_NUMBER, FORMULA_PREFIXES, polluted  # noqa: F401 (a fixture)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ooxml_text(value):
    """Cell text as Excel shows it: OOXML writes control characters as _xHHHH_, which openpyxl leaves as is."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def _cells(content):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield f"{sheet.title}!{cell.coordinate}", cell


def _check_workbook(name, content, payloads):
    """No formulas; each payload that is in a cell is there whole. Returns the cells' texts."""
    texts = []
    for where, cell in _cells(content):
        assert cell.data_type != "f", f"{name} {where} is a formula: {cell.value!r}"
        if isinstance(cell.value, str):
            text = _ooxml_text(cell.value)
            texts.append(text)
            for number in FIELD_NUMBER.findall(text):
                # Whitespace trimmed at the edges is the only change allowed.
                assert payloads[int(number)].strip() in text, f"{name} {where} altered the text: {text!r}"
    return texts


@pytest.fixture
def exports(polluted, client_for, admin_user, tmp_path):
    """{name: xlsx bytes} for every download and every export command."""
    records, _fields = polluted
    audit, round_ = records["audit"], records["round"]
    round_.status = Status.SUBMITTED
    round_.save()
    client = client_for(admin_user)
    urls = {
        "action plan": f"/audits/{audit.pk}/action-plan.xlsx",
        "commitments city matrix": "/audits/city/export/",
        "case-audit quarterly report": "/case-audits/reports/2018-19.xlsx",
        "case-audit import template": "/case-audits/import/template.xlsx",
        "maturity round": f"/maturity/rounds/{round_.pk}/export.xlsx",
        "maturity comparison": f"/maturity/compare/export.xlsx?round={round_.pk}",
        "pledge matrix": "/pledges/matrix.xlsx",
        "offer register": "/offer-register/offers.xlsx",
    }
    files = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == XLSX, f"{name}: {response}"
        files[name] = response.content
    for command, extra in [
        ("export_commitments", []),
        ("export_case_audits", ["--year", "2018-19"]),
        ("export_maturity", []),
        ("export_pledges", []),
    ]:
        out = tmp_path / f"{command}.xlsx"
        call_command(command, "--out", str(out), *extra, stdout=io.StringIO())
        files[command] = out.read_bytes()
    return files


def test_every_export_writes_formula_like_text_as_text(polluted, exports):
    _records, fields = polluted
    payloads = {f.number: f.payload for f in fields}
    texts = []
    for name, content in exports.items():
        texts += _check_workbook(name, content, payloads)
    # Each dangerous prefix really reached a cell's start, so each was tried.
    for prefix in FORMULA_PREFIXES:
        assert any(text.startswith(prefix + "<") for text in texts), f"no cell started with {prefix!r}"
    shown = {int(n) for text in texts for n in FIELD_NUMBER.findall(text)}
    for label in [
        "portal.Organisation.name",
        "audits.Action.description",
        "audits.Action.owner",
        "maturity.StrandRating.evidence",
        "maturity.ActionItem.recommendation",
        "caseaudits.Principle.title",
    ]:
        number = next(f.number for f in fields if f.label == label)
        assert number in shown, f"{label} is in no export, so its guarding was not checked"


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES, ids=["equals", "plus", "minus", "at", "tab", "return"])
def test_csv_template_headings_cannot_run_as_formulas(db, client_for, admin_user, prefix):
    """The case-audit template's headings are the principles' titles, which an administrator loads."""
    title = prefix + 'HYPERLINK("http://evil.example","Voice of the child")'
    Principle.objects.filter(framework__slug="leicester-eha-principles", number=1).update(title=title)
    response = client_for(admin_user).get("/case-audits/import/template.csv")
    headings = next(csv.reader(io.StringIO(response.content.decode())))
    for heading in headings:
        assert not re.match(r"[=+\-@\t\r]", heading), f"the heading {heading!r} would run as a formula"
    assert "'" + title in headings
    # A heading kept as text by its leading quote still names its column when the filled-in file comes back.
    assert normalise_header("'" + title) == normalise_header(title)
