"""The scorecard as a board spreadsheet: a row per indicator (under its theme), a column per period, each
period's cell filled with its RAG and holding the figure, then the latest figure, the RAG in words, the
direction of travel and the narrative. Headings are frozen; portal.xlsx sets the sheet up to print as a board
paper (A4 landscape, one page wide, the heading row repeated, title, date and page numbers).

The page, the download and `manage.py export_scorecard` all write a performance.scorecard.Scorecard, so
they carry the same figures (tests/performance/test_exports.py compares them)."""

from django.conf import settings

from performance.formatting import NO_FIGURE
from performance.rules import Rating
from portal.xlsx import ReportWorkbook

# performance.rules.Rating -> portal.xlsx's RAG fills (Not rated is grey, as Not started is).
FILLS = {Rating.RED: "red", Rating.AMBER: "amber", Rating.GREEN: "green", Rating.NOT_RATED: "not_started"}
FIXED = ["Ref", "Indicator", "Owner", "Target"]
AFTER = ["Latest", "RAG", "Against the previous period", "Against a year before", "Exception", "Narrative"]


def headings(card):
    return FIXED + [p.short_label for p in card.columns] + AFTER


def owner_text(row):
    if row.owner is None:
        return "No owner"
    return f"{row.owner.user.get_full_name() or row.owner.user.email}, {row.owner.organisation.name}"


def row_values(card, row):
    """The cells of one indicator's row as text, in the headings' order (the RAG words, not colours)."""
    cells = [row.cells.get(p) for p in card.columns]
    return (
        [row.reference, row.indicator.name, owner_text(row), row.target_text]
        + [cell.text if cell else "" for cell in cells]
        + [
            row.latest.text if row.latest else NO_FIGURE,
            row.rating.label,
            row.vs_previous.label,
            row.vs_year_before.label,
            "Yes" if row.exception else "No",
            row.narrative,
        ]
    )


def title_of(card):
    name = card.indicator_set.title if card.indicator_set else "Performance book"
    return f"{name}: performance scorecard {card.year}"


def scorecard_workbook(card, target=None) -> ReportWorkbook:
    report = ReportWorkbook(target)
    sheet = report.add_sheet(f"Scorecard {card.year}")
    title = title_of(card)
    report.write_title(sheet, 0, title)
    scope = "closed periods only" if card.closed_only else "every submitted return"
    where = f" · {card.locality.name}" if card.locality else ""
    sheet.write_string(1, 0, f"{settings.PARTNERSHIP_NAME} · as at {card.today:%d/%m/%Y} · {scope}{where}")
    header_row = 3
    widths = [8, 48, 28, 12] + [11] * len(card.columns) + [14, 11, 16, 16, 10, 60]
    report.write_header(sheet, header_row, headings(card), widths)
    sheet.freeze_panes(header_row + 1, 2)  # headings and the indicator's name stay in view
    first_period_col = len(FIXED)
    row_index = header_row + 1
    rag_col = first_period_col + len(card.columns) + 1
    for theme, rows in card.themes:
        sheet.write_string(row_index, 0, theme, report.formats["title"])
        row_index += 1
        for row in rows:
            values = row_values(card, row)
            for col, value in enumerate(values):
                if first_period_col <= col < first_period_col + len(card.columns):
                    period = card.columns[col - first_period_col]
                    if period in row.cells:
                        report.write_rag(sheet, row_index, col, FILLS[row.cell_ratings[period]], value)
                        continue
                if col == rag_col:
                    report.write_rag(sheet, row_index, col, FILLS[row.rating], value)
                    continue
                report.write(sheet, row_index, col, value)
            row_index += 1
    report.close()
    return report


def scorecard_filename(card) -> str:
    slug = card.indicator_set.slug if card.indicator_set else "performance"
    return f"{slug}-scorecard-{card.year}.xlsx"
