"""The board pack: assembled from sections, previewed live, frozen when issued, in print, xlsx and the command."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from audits.models import Framework
from board import selectors, services
from board.models import FollowUp
from portal import board_pack
from portal.periods import academic_year
from testdata.audits import build_city


@pytest.fixture
def pack(meeting, last_meeting, today):
    last_meeting.follow_ups.create(kind="action", text="Visit the schools", owner="Ann Owner", due_date=today)
    services.add_section(meeting, "last_actions")
    services.add_section(meeting, "paper", title="Deep dive paper", text="First paragraph.\n\nSecond paragraph.")
    services.add_section(meeting, "commitments_summary")
    return meeting


def _document(response):
    """The pack itself, from its heading on (the page chrome carries a fresh CSRF token each time)."""
    page = response.content.decode()
    return page[page.index("<h1>Board pack") :]


def _workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def _cells(workbook):
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in workbook.worksheets}


def test_the_sections_kinds_are_registered_in_the_pack_order():
    keys = [k.key for k in board_pack.kinds()]
    for key in ("last_actions", "overview", "scorecard_exceptions", "caseaudits_report", "commitments_summary"):
        assert key in keys
    assert keys.index("overview") < keys.index("scorecard_exceptions") < keys.index("caseaudits_report")
    assert keys.index("commitments_summary") < keys.index("maturity_round") < keys.index("paper")


@pytest.mark.parametrize(
    "key",
    [
        "overview",
        "scorecard_exceptions",
        "caseaudits_report",
        "commitments_summary",
        "maturity_round",
        "last_actions",
        "paper",
    ],
)
def test_every_kind_builds_json_ready_blocks_on_an_empty_portal(db, key, today):
    import json

    blocks = board_pack.get_kind(key).build(board_pack.PackContext(today=today, meeting_date=today))
    assert blocks and all(b["type"] in {"paragraph", "figures", "table", "heading"} for b in blocks)
    json.dumps(blocks)


def test_the_draft_previews_live(client_for, la_officer, pack):
    client = client_for(la_officer)
    page = client.get(f"/board/meetings/{pack.pk}/pack/print/").content.decode()
    assert "In preparation, not issued" in page and "Visit the schools" in page
    FollowUp.objects.update(text="Visit every school")
    assert "Visit every school" in client.get(f"/board/meetings/{pack.pk}/pack/print/").content.decode()


def test_the_print_document_has_contents_sections_and_headers(client_for, la_officer, pack):
    page = client_for(la_officer).get(f"/board/meetings/{pack.pk}/pack/print/").content.decode()
    assert '<ol class="pack-contents">' in page
    assert '<a href="#section-2">Deep dive paper</a>' in page
    assert page.count('class="pack-section"') == 3
    assert "<p>First paragraph.</p>" in page and "<p>Second paragraph.</p>" in page
    assert 'class="pack-running-header"' in page and "Partnership board" in page
    assert "css/board_pack.css" in page
    assert "Ann Owner" in page  # the last meeting's actions reappear


def test_issuing_freezes_the_pack(client_for, la_officer, pack, today):
    client = client_for(la_officer)
    response = client.post(f"/board/meetings/{pack.pk}/pack/issue/")
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.is_issued and pack.issued_by == la_officer and len(pack.snapshot) == 3
    printed = _document(client.get(f"/board/meetings/{pack.pk}/pack/print/"))
    workbook = _cells(_workbook(client.get(f"/board/meetings/{pack.pk}/pack/xlsx/").content))
    assert "Issued " in printed and "Visit the schools" in printed

    # Everything the pack was built from changes after the issue...
    FollowUp.objects.update(text="Rewritten afterwards", owner="Someone else")
    pack.sections.filter(kind="paper").update(text="Changed text", title="Changed title")
    build_city(5, Framework.objects.get(is_current=True), academic_year(today), today)

    # ...and the issued pack does not.
    assert _document(client.get(f"/board/meetings/{pack.pk}/pack/print/")) == printed
    assert _cells(_workbook(client.get(f"/board/meetings/{pack.pk}/pack/xlsx/").content)) == workbook
    assert "Rewritten afterwards" not in printed


def test_an_issued_pack_cannot_be_reissued_or_changed(client_for, la_officer, pack):
    services.issue_pack(pack, la_officer)
    issued_at = pack.issued_at
    client = client_for(la_officer)
    client.post(f"/board/meetings/{pack.pk}/pack/issue/")
    client.post(f"/board/meetings/{pack.pk}/sections/add/", {"source": "overview"})
    section = pack.sections.first()
    client.post(f"/board/meetings/{pack.pk}/sections/{section.pk}/remove/")
    pack.refresh_from_db()
    assert pack.issued_at == issued_at and pack.sections.count() == 3
    with pytest.raises(services.PackIssued):
        services.issue_pack(pack, la_officer)


def test_a_pack_without_sections_is_not_issued(meeting, la_officer):
    with pytest.raises(services.PackIssued):
        services.issue_pack(meeting, la_officer)
    meeting.refresh_from_db()
    assert not meeting.is_issued


def test_sections_are_added_from_the_registry_and_papers_need_their_text(client_for, la_officer, meeting):
    client = client_for(la_officer)
    client.post(f"/board/meetings/{meeting.pk}/sections/add/", {"source": "overview"})
    bad = client.post(f"/board/meetings/{meeting.pk}/sections/add/", {"source": "paper", "title": "Kept title"})
    page = bad.content.decode()
    assert "Enter the text of the paper." in page and 'value="Kept title"' in page
    unknown = client.post(f"/board/meetings/{meeting.pk}/sections/add/", {"source": "maturity_round:999"})
    assert "Select a valid choice" in unknown.content.decode()
    assert list(meeting.sections.values_list("kind", flat=True)) == ["overview"]


def test_the_workbook_has_a_sheet_per_section(client_for, board_member, la_officer, pack):
    services.issue_pack(pack, la_officer)
    response = client_for(board_member).get(f"/board/meetings/{pack.pk}/pack/xlsx/")
    assert response["Content-Disposition"].startswith('attachment; filename="board-pack-')
    workbook = _workbook(response.content)
    assert workbook.sheetnames == [
        "Contents",
        "1 Actions from the last meeting",
        "2 Deep dive paper",
        "3 Schools commitments summary",
    ]
    paper = _cells(workbook)["2 Deep dive paper"]
    assert ["First paragraph."] == [v for v in paper[3] if v] and workbook["Contents"].print_options is not None
    assert "Issued" in workbook["Contents"]["A2"].value


def test_build_board_pack_writes_xlsx_and_html(pack, tmp_path):
    xlsx, html = tmp_path / "pack.xlsx", tmp_path / "pack.html"
    call_command("build_board_pack", meeting=pack.pk, out=str(xlsx), stdout=io.StringIO())
    call_command("build_board_pack", meeting=pack.pk, out=str(html), stdout=io.StringIO())
    assert len(openpyxl.load_workbook(xlsx).sheetnames) == 4
    assert "Deep dive paper" in html.read_text()
    with pytest.raises(CommandError, match="use .xlsx or .html"):
        call_command("build_board_pack", meeting=pack.pk, out=str(tmp_path / "pack.pdf"))
    with pytest.raises(CommandError, match="no meeting with id 999999"):
        call_command("build_board_pack", meeting=999999, out=str(xlsx))


def test_the_case_file_report_section_holds_aggregates_only(db, today):
    blocks = board_pack.get_kind("caseaudits_report").build(board_pack.PackContext(today=today, meeting_date=today))
    text = str(blocks)
    assert "reference" not in text.lower() and "child" not in text.lower()


@pytest.mark.parametrize("size", [10, 60])
def test_building_a_pack_runs_a_bounded_number_of_queries(size, pack, today, django_assert_max_num_queries):
    build_city(size, Framework.objects.get(is_current=True), academic_year(today), today)
    for kind in ("overview", "scorecard_exceptions", "caseaudits_report", "maturity_round"):
        services.add_section(pack, kind)
    # The same bound at 10 and 60 schools: every kind reads its source in a fixed number of queries. Most of
    # the 98 are the overview's: each tool's figures for this period and the one before (the commitments
    # roll-up twice, about 25 queries each, with which schools have a recorded lead), then the scorecard, the
    # case-file report and the maturity round.
    with django_assert_max_num_queries(98):
        sections = selectors.build_pack(pack, today)
    assert len(sections) == 7


def test_the_last_actions_come_from_the_meeting_before(meeting, last_meeting, today):
    older = last_meeting.__class__.objects.create(title="Older", date=today - timedelta(days=200), kind="business")
    older.follow_ups.create(text="Old action", owner="Old owner", due_date=today)
    last_meeting.follow_ups.create(text="Recent action", owner="New owner", due_date=today)
    blocks = board_pack.get_kind("last_actions").build(board_pack.PackContext(today=today, meeting_date=meeting.date))
    assert "Recent action" in str(blocks) and "Old action" not in str(blocks)
