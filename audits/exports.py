"""Spreadsheets: a school's action plan laid out like the seed's audit tool, and the city-wide matrix."""

from django.utils import timezone

from audits.models import Outcome
from portal.rag import RAG_MEANINGS, Rag
from portal.xlsx import ReportWorkbook


def _yes_no(value):
    return {True: "Yes", False: "No"}.get(value, "Not answered")


def _who(user):
    return (user.get_full_name() or user.email) if user else ""


def action_plan_workbook(detail, target=None) -> ReportWorkbook:
    """A summary sheet, then a sheet per commitment: "Actions required" (outcome, action, by when, who, RAG
    filled in its colour, overdue, notes) and "Outcomes achieved"; then the RAG history."""
    audit = detail.audit
    report = ReportWorkbook(target)
    summary = report.add_sheet("Summary")
    report.write_title(summary, 0, f"Early Help commitments audit: {audit.organisation.name}, {audit.academic_year}")
    facts = [
        ("School", audit.organisation.name),
        ("URN", audit.organisation.urn or ""),
        ("Academic year", audit.academic_year),
        ("Status", audit.get_status_display()),
        ("Submitted by", _who(audit.submitted_by)),
        ("Submitted on", timezone.localtime(audit.submitted_at).date() if audit.submitted_at else ""),
        ("Framework", str(audit.framework)),
    ]
    for row, (label, value) in enumerate(facts, start=2):
        report.write(summary, row, 0, label, "header")
        report.write(summary, row, 1, value)
    row = len(facts) + 3
    report.write_header(summary, row, ["Commitment", "RAG rating", "Overdue actions"], widths=[70, 16, 16])
    for section in detail.sections:
        row += 1
        report.write(summary, row, 0, f"{section.commitment.number}. {section.commitment.title}")
        report.write_rag(summary, row, 1, section.rag)
        report.write(summary, row, 2, section.facts.actions_overdue)
    row += 1
    report.write(summary, row, 0, "Overall")
    report.write_rag(summary, row, 1, detail.overall)
    row += 2
    report.write(summary, row, 0, "RAG ratings", "header")
    for rag in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NOT_STARTED):
        row += 1
        report.write_rag(summary, row, 0, rag, f"{rag.label}: {RAG_MEANINGS[rag]}")

    for section in detail.sections:
        _commitment_sheet(report, section, detail)
    _history_sheet(report, detail)
    report.close()
    return report


def _commitment_sheet(report, section, detail):
    commitment = section.commitment
    sheet = report.add_sheet(f"Commitment {commitment.number}")
    report.write_title(sheet, 0, commitment.title)
    sheet.write_string(1, 0, f"RAG rating: {section.rag.label}")
    report.write(sheet, 3, 0, "Actions required", "header")
    report.write_header(
        sheet,
        4,
        ["Outcome", "Action", "By when", "Who?", "RAG rating", "Overdue", "Notes"],
        widths=[45, 50, 13, 22, 14, 10, 40],
    )
    row = 4
    for action in section.actions:
        row += 1
        report.write_row(
            sheet,
            row,
            [
                action.outcome.text if action.outcome else "The commitment as a whole",
                action.description,
                action.due_date,
                action.owner,
            ],
        )
        report.write_rag(sheet, row, 4, action.rag)
        report.write(sheet, row, 5, "Overdue" if action.overdue else "")
        report.write(sheet, row, 6, action.notes)
    row += 2
    report.write(sheet, row, 0, "Outcomes achieved", "header")
    row += 1
    for col, heading in enumerate(["Outcome", "Complete?", "Details", "Date", "Review date"]):
        report.write(sheet, row, col, heading, "header")
    for record in section.records:
        row += 1
        outcome = record.outcome
        details, complete = record.details, record.complete
        if outcome.kind == Outcome.Kind.OFFER_PUBLISHED:
            details = f"{details} (offer on the portal: {detail.offer_status.label})".strip()
        if outcome.kind == Outcome.Kind.NAMED_LEAD:
            # As on the audit's page: the school's recorded designated lead decides it, not a typed name.
            lead = detail.designated_lead
            complete = lead is not None
            details = f"Recorded lead: {lead.name_and_role}" if lead else "No designated lead recorded"
        report.write_row(sheet, row, [outcome.text, _yes_no(complete), details, record.achieved_on, record.review_date])
    if any(r.outcome.kind == Outcome.Kind.TRAINED_STAFF for r in section.records):
        row += 2
        headings = ["Name of staff member", "Attended part A", "Attended part B", "Login received?"]
        for col, heading in enumerate(headings):
            report.write(sheet, row, col, heading, "header")
        for person in detail.trained_staff:
            row += 1
            report.write_row(sheet, row, [person.name, person.part_a_on, person.part_b_on, person.login_received])


def _history_sheet(report, detail):
    sheet = report.add_sheet("RAG history")
    report.write_header(sheet, 0, ["When", "Who", "Action", "From", "To"], widths=[18, 24, 60, 14, 14])
    for row, change in enumerate(detail.rag_changes, start=1):
        report.write_row(
            sheet,
            row,
            [timezone.localtime(change.changed_at).date(), _who(change.changed_by), change.action_description],
        )
        if change.from_rag:
            report.write_rag(sheet, row, 3, change.from_rag)
        else:
            report.write(sheet, row, 3, "New action")
        report.write_rag(sheet, row, 4, change.to_rag)


def city_matrix_workbook(view, target=None) -> ReportWorkbook:
    """All schools x the commitments for one year, RAG cells filled; written row by row (constant memory)."""
    report = ReportWorkbook(target, constant_memory=True)
    sheet = report.add_sheet(f"Commitments {view.academic_year.replace('/', '-')}")
    report.write_title(sheet, 0, f"Schools Early Help commitments, {view.academic_year}")
    sheet.write_string(
        1,
        0,
        f"{view.population} schools; {view.engaged} audits started; {view.submitted} submitted; "
        f"{view.all_green} {view.all_green_label}; {view.with_overdue} {view.with_overdue_label}; "
        f"{view.visits} offer quality visits.",
    )
    headings = ["School", "URN", "Locality", "Phase", "Audit status", "Submitted on"]
    headings += [f"{c.number}. {c.short_title}" for c in view.commitments] + ["Overall", "Overdue actions"]
    report.write_header(sheet, 3, headings, widths=[38, 9, 14, 12, 14, 13] + [18] * len(view.commitments) + [14, 10])
    first_rag_col = 6
    not_started = [Rag.NOT_STARTED] * (len(view.commitments) + 1)
    for row, school_row in enumerate(view.rows, start=4):
        submitted_at = school_row.submitted_at
        report.write_row(
            sheet,
            row,
            [
                school_row.name,
                school_row.urn,
                school_row.locality,
                school_row.phase_label,
                school_row.status_label,
                timezone.localtime(submitted_at).date() if submitted_at else "",
            ],
        )
        if school_row.rags:
            for offset, rag in enumerate(school_row.rags + [school_row.overall]):
                report.write_rag(sheet, row, first_rag_col + offset, rag)
            report.write(sheet, row, first_rag_col + len(school_row.rags) + 1, school_row.overdue)
        else:
            text = "Not submitted" if school_row.audit_id else None
            for offset, rag in enumerate(not_started):
                report.write_rag(sheet, row, first_rag_col + offset, rag, text)
    report.close()
    return report
