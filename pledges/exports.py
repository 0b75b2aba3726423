"""The compliance matrix as a board-ready workbook: one row per organisation, one column per pledge.

Each pledge cell holds the status as text ("Met", "In progress (review overdue)") with a fill that matches
the page's tags; a second sheet gives the counts per pledge and a third the overdue reviews.
"""

from pledges import rules
from pledges.models import Status
from portal.models import Organisation
from portal.rag import Rag

# Fills reuse the RAG formats (In progress is amber: work started); overdue reviews are red.
STATUS_FORMATS = {
    Status.NOT_STARTED: f"rag:{Rag.NOT_STARTED.value}",
    Status.IN_PROGRESS: f"rag:{Rag.AMBER.value}",
    Status.MET: f"rag:{Rag.GREEN.value}",
    Status.NOT_APPLICABLE: "pledge:not_applicable",
}
OVERDUE_FORMAT = f"rag:{Rag.RED.value}"
NOT_APPLICABLE_COLOURS = ("#0B0C0C", "#D2E2F1")  # dark text on pale blue, as tag--blue on the page


def cell_format(cell) -> str:
    return OVERDUE_FORMAT if cell.overdue else STATUS_FORMATS[cell.status]


def write_matrix(report, matrix, today):
    """Write `matrix` (selectors.Matrix) into `report` (portal.xlsx.ReportWorkbook)."""
    font, fill = NOT_APPLICABLE_COLOURS
    report.formats["pledge:not_applicable"] = report.workbook.add_format(
        {"bold": True, "font_color": font, "bg_color": fill, "border": 1, "valign": "top"}
    )
    _write_matrix_sheet(report, matrix, today)
    _write_counts_sheet(report, matrix)
    _write_overdue_sheet(report, matrix)


def _write_matrix_sheet(report, matrix, today):
    sheet = report.add_sheet("Pledge compliance")
    report.write_title(sheet, 0, f"{matrix.pledge_set} – pledge compliance at {today:%d %B %Y}")
    headings = ["Organisation", "Kind", "Sector", "Locality", "Signed on"]
    headings += [f"Pledge {p.number}: {p.title}" for p in matrix.pledges]
    headings += ["Offer page", "Pledges met", "Overdue reviews"]
    widths = [40, 16, 18, 14, 12] + [22] * len(matrix.pledges) + [16, 12, 10]
    report.write_header(sheet, 2, headings, widths)
    # Display names looked up once, not through get_FOO_display() for every organisation.
    kinds, sectors = (dict(Organisation._meta.get_field(name).flatchoices) for name in ("kind", "sector"))
    # A cell's text and fill depend on its status, note and overdue review alone: a few dozen combinations
    # among tens of thousands of cells, each worked out once.
    looks = {}
    write, write_string = report.write, sheet.write_string
    for row_number, row in enumerate(matrix.rows, start=3):
        organisation = row.organisation
        write(sheet, row_number, 0, organisation.name)
        write(sheet, row_number, 1, str(kinds.get(organisation.kind, organisation.kind)))
        write(sheet, row_number, 2, str(sectors.get(organisation.sector, organisation.sector)))
        write(sheet, row_number, 3, organisation.locality.name if organisation.locality else "City-wide")
        write(sheet, row_number, 4, row.signature.signed_on if row.signature else "Not signed")
        column = 5
        for cell in row.cells:
            key = (cell.status, cell.note, cell.overdue)
            look = looks.get(key)
            if look is None:
                look = looks[key] = (cell.text, report.formats[cell_format(cell)])
            write_string(row_number, column, *look)
            column += 1
        write(sheet, row_number, column, row.offer_state.label if row.offer else "")
        write(sheet, row_number, column + 1, f"{row.counts.met} of {row.counts.applicable}")
        write(sheet, row_number, column + 2, row.counts.overdue)


def _write_counts_sheet(report, matrix):
    sheet = report.add_sheet("Counts")
    report.write_title(sheet, 0, f"Counts over {len(matrix.rows)} organisations ({matrix.signed_count} signed)")
    report.write_header(
        sheet, 2, ["Pledge", *[s.label for s in Status], "Review overdue", "Met (% of those it applies to)"], [50, 12]
    )
    for row_number, (pledge, counts) in enumerate(zip(matrix.pledges, matrix.pledge_counts), start=3):
        percent = rules.compliance_percent(counts)
        report.write_row(
            sheet,
            row_number,
            [
                f"Pledge {pledge.number}: {pledge.title}",
                *[counts.for_status(s) for s in Status],
                counts.overdue,
                "No organisation it applies to" if percent is None else f"{percent}%",
            ],
        )


def _write_overdue_sheet(report, matrix):
    sheet = report.add_sheet("Overdue reviews")
    report.write_header(sheet, 0, ["Organisation", "Pledge", "Status", "Review was due"], [40, 50, 14, 14])
    for row_number, (row, cell) in enumerate(matrix.overdue_reviews, start=1):
        report.write_row(
            sheet,
            row_number,
            [row.organisation.name, f"Pledge {cell.pledge.number}: {cell.pledge.title}", cell.label, cell.review_date],
        )
