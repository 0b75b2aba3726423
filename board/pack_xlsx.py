"""The board pack as one workbook: a contents sheet, then a sheet per section, written from the blocks.

One writer for every kind of section: it knows the block shapes of portal.board_pack, never a feature."""

from django.utils import timezone

from portal.xlsx import ReportWorkbook

from . import selectors
from .models import Meeting


def pack_status(meeting):
    if meeting.is_issued:
        return f"Issued {timezone.localtime(meeting.issued_at):%-d %B %Y at %H:%M}"
    # "In preparation", the word the meeting list and the meeting page use for a pack not yet issued.
    return f"In preparation, not issued: figures as at {timezone.localdate():%-d %B %Y}"


def _write_block(report, sheet, row, block):
    kind = block.get("type")
    if kind in ("paragraph", "heading"):
        report.write(sheet, row, 0, block.get("text", ""), "header" if kind == "heading" else None)
        return row + 2
    if kind == "figures":
        period, previous = block.get("period", ""), block.get("previous_period", "")
        report.write_row(sheet, row, ["", period or "Now", previous or "Before"])
        row += 1
        for item in block.get("rows", []):
            report.write_row(sheet, row, [item.get("label", ""), item.get("text", ""), item.get("previous_text", "")])
            row += 1
        return row + 1
    if kind == "table":
        if block.get("caption"):
            report.write(sheet, row, 0, block["caption"])
            row += 1
        columns = block.get("columns", [])
        for col, heading in enumerate(columns):
            report.write(sheet, row, col, heading, "header")
        row += 1
        for cells in block.get("rows", []):
            for col, cell in enumerate(cells):
                if isinstance(cell, dict):
                    report.write_rag(sheet, row, col, cell.get("rag"), cell.get("text"))
                else:
                    report.write(sheet, row, col, cell)
            row += 1
        return row + 1
    return row


def write_pack(meeting, sections, target=None):
    report = ReportWorkbook(target)
    if meeting.is_issued:  # the printed header dates an issued pack by its issue, not the download
        report.exported_on = timezone.localtime(meeting.issued_at).date()
    contents = report.add_sheet("Contents")
    report.write_title(contents, 0, f"{meeting.title}, {meeting.date:%-d %B %Y}")
    report.write(contents, 1, 0, pack_status(meeting))
    report.write_header(contents, 3, ["Section", "Sheet"], widths=[60, 30])
    for number, section in enumerate(sections, start=1):
        name = f"{number} {section['title']}"
        report.write_row(contents, 3 + number, [section["title"], name[:31]])
        sheet = report.add_sheet(name)
        report.write_title(sheet, 0, section["title"])
        report.write(sheet, 1, 0, f"{meeting.title}, {meeting.date:%-d %B %Y}. {pack_status(meeting)}")
        sheet.set_column(0, 0, 45)
        sheet.set_column(1, 8, 18)
        row = 3
        for block in section["blocks"]:
            row = _write_block(report, sheet, row, block)
    report.close()
    return report


def build_pack_workbook(request, meeting_id):
    """For portal.exports.export_response: (workbook, file name)."""
    meeting = Meeting.objects.get(pk=meeting_id)
    sections = selectors.pack_sections(meeting, timezone.localdate())
    return write_pack(meeting, sections), f"board-pack-{meeting.date:%Y-%m-%d}.xlsx"
