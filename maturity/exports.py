"""Board-ready spreadsheets: one round, and rounds side by side (table 13's layout).

Ratings and movements are written as words ("Developing/Maturing", "↑ Up 2 levels"), so the workbook
reads the same printed in black and white.
"""

from django.utils import timezone

from portal.xlsx import ReportWorkbook

from .rules import ActionStatus


def _when(value):
    return timezone.localtime(value).date() if value else None


def movement_text(movement):
    if movement is None:
        return ""
    return f"{movement.arrow} {movement.text}".strip()


def _write_rounds_sheet(report, rounds):
    """One row per round: what each column of the comparison is, and its sign-off record."""
    sheet = report.add_sheet("Rounds")
    report.write_header(
        sheet,
        0,
        [
            "Round",
            "Period",
            "Framework",
            "Status",
            "Methods",
            "Contributors",
            "Submitted",
            "Signed off by",
            "Signed off on",
        ],
        widths=[40, 28, 34, 20, 40, 14, 14, 26, 14],
    )
    for row, round_ in enumerate(rounds, start=1):
        report.write_row(
            sheet,
            row,
            [
                round_.title,
                round_.period_label,
                str(round_.framework),
                round_.get_status_display(),
                ", ".join(round_.method_labels),
                round_.contributors_label,
                _when(round_.submitted_at),
                str(round_.signed_off_by) if round_.signed_off_by else "",
                _when(round_.signed_off_at),
            ],
        )


def comparison_workbook(comparison, target=None):
    """Rounds side by side: strand, scope, the rating in each round and the movement between rounds."""
    report = ReportWorkbook(target)
    sheet = report.add_sheet("Comparison")
    report.write_title(sheet, 0, "Maturity self-assessment: ratings by round")
    if comparison.rounds:
        report.write(sheet, 1, 0, str(comparison.rounds[-1].framework))
    headings = ["Strand", "Scope"] + [heading for heading, _ in comparison.column_headings]
    report.write_header(sheet, 3, headings, widths=[30, 60] + [18] * (len(headings) - 2))
    for row_number, row in enumerate(comparison.rows, start=4):
        values = [row.name, "\n".join(row.scope_items)]
        values += [movement_text(value) if is_movement else value.label for is_movement, value in row.columns]
        report.write_row(sheet, row_number, values)
    _write_rounds_sheet(report, comparison.rounds)
    report.close()
    return report


def round_workbook(round_, strand_views, action_items, target=None):
    """One round: its description, each strand's rating and evidence, and the action plan."""
    report = ReportWorkbook(target)
    sheet = report.add_sheet("Round")
    report.write_title(sheet, 0, round_.title)
    details = [
        ("Framework", str(round_.framework)),
        ("Period", round_.period_label),
        ("Status", round_.get_status_display()),
        ("Methods", ", ".join(round_.method_labels)),
        ("Contributors", round_.contributors_label),
        ("Signed off by", str(round_.signed_off_by) if round_.signed_off_by else ""),
        ("Signed off on", _when(round_.signed_off_at)),
        ("Summary of findings", round_.summary),
    ]
    for row, (label, value) in enumerate(details, start=2):
        report.write(sheet, row, 0, label, "header")
        report.write(sheet, row, 1, value)
    top = len(details) + 3
    report.write_header(
        sheet,
        top,
        [
            "Strand",
            "Rating",
            "Previous rating",
            "Movement",
            "Contributors' ratings",
            "Evidence",
            "Strengths",
            "Areas for development",
        ],
        widths=[30, 20, 20, 18, 30, 50, 40, 40],
    )
    for row, view in enumerate(strand_views, start=top + 1):
        spread = ", ".join(f"{label}: {count}" for label, count in view.distribution)
        report.write_row(
            sheet,
            row,
            [
                view.strand.name,
                view.label,
                view.previous_label or "",
                movement_text(view.movement),
                spread,
                view.rating.evidence,
                view.rating.strengths,
                view.rating.areas_for_development,
            ],
        )
    plan = report.add_sheet("Action plan")
    report.write_header(
        plan,
        0,
        [
            "Recommendation",
            "Recommendation text",
            "Agreed action",
            "Responsible lead",
            "Due",
            "Status",
            "Strand",
            "Carried from",
            "Progress",
        ],
        widths=[16, 50, 40, 30, 12, 14, 24, 30, 40],
    )
    for row, item in enumerate(action_items, start=1):
        report.write_row(
            plan,
            row,
            [
                f"Recommendation {item.number}",
                item.recommendation,
                item.action,
                item.responsible_lead,
                item.due_date,
                ActionStatus(item.status).label,
                item.strand.name if item.strand else "",
                item.carried_from.round.title if item.carried_from else "",
                item.progress_note,
            ],
        )
    report.close()
    return report
