"""The register of every organisation's offer, as a spreadsheet for the local authority."""

from portal.models import Organisation
from portal.xlsx import ReportWorkbook

REGISTER_HEADINGS = [
    "Organisation", "Type", "Phase", "URN", "Locality", "Status", "Offer areas", "Date completed",
    "Review date", "First published", "Last published", "Public page", "Reviewer's comment",
]  # fmt: skip
REGISTER_WIDTHS = [40, 22, 14, 10, 16, 20, 40, 14, 14, 16, 16, 40, 40]


def register_workbook(rows, *, site_url, target=None, on=None):
    """Write OfferOverview rows into a ReportWorkbook (returned closed; getvalue() when in memory)."""
    report = ReportWorkbook(target, constant_memory=True)
    sheet = report.add_sheet("Offer register")
    report.write_title(sheet, 0, f"Early Help offers register{f' on {on:%d/%m/%Y}' if on else ''}")
    report.write_header(sheet, 2, REGISTER_HEADINGS, REGISTER_WIDTHS)
    # Display names looked up once, not through get_FOO_display() for every organisation.
    kinds, phases = (dict(Organisation._meta.get_field(name).flatchoices) for name in ("kind", "phase"))
    for number, row in enumerate(rows, start=3):
        organisation = row.organisation
        report.write_row(
            sheet,
            number,
            [
                organisation.name,
                str(kinds.get(organisation.kind, organisation.kind)),
                str(phases.get(organisation.phase, organisation.phase)) if organisation.phase else "",
                organisation.urn or "",
                organisation.locality.name if organisation.locality else "City-wide",
                row.state.label,
                "; ".join(row.areas),
                row.completed_on,
                row.review_date,
                row.first_published_at,
                row.last_published_at,
                f"{site_url}{row.url}" if row.url else "",
                row.comment,
            ],
        )
    report.close()
    return report
