"""The quarterly report to the safeguarding board as an xlsx workbook (the page's figures, sheet by sheet).

Every share is written as three cells: the number met, the number it is out of, and the percentage as
a number formatted 0% (rounded as the page rounds), so the board can both read and recalculate it.
"""

SHARE_HEADINGS = ("met", "of", "%")


def write_quarterly_report(report, workbook):
    """Write `report` (selectors.QuarterlyReport) into a portal.xlsx.ReportWorkbook."""
    periods = [q.label for q in report.quarters] + [report.year_label]
    _summary_sheet(report, workbook)
    _principles_sheet(report, workbook, periods)
    _judgements_sheet(report, workbook, periods)
    for title, rows in (("By lead agency", report.by_agency), ("By locality", report.by_locality)):
        _breakdown_sheet(report, workbook, title, rows)


def _share_text(share):
    return f"{share.percent}% ({share.met} of {share.total})" if share.percent is not None else "— (0 of 0)"


def _summary_sheet(report, workbook):
    """What the board reads first: how many cases, how good, how sure (moderation), and where practice
    is weakest and strongest."""
    figures = [
        ("Cases audited", report.audits_in_year),
        ("Judged good or better", _share_text(report.good_or_better_year)),
        ("Moderation agreement (the second officer agreed)", _share_text(report.moderation_year)),
        ("Every principle, every case", _share_text(report.all_principles_year)),
    ]
    ranked = sorted((p for p in report.principles if p.year.total), key=lambda p: (p.year.percent, p.year.total))
    if ranked:
        figures.append((f"Least often met: {ranked[0].title}", _share_text(ranked[0].year)))
        figures.append((f"Most often met: {ranked[-1].title}", _share_text(ranked[-1].year)))
    workbook.write_summary(
        f"EHA principle case-file audits, {report.year_label}: summary",
        figures,
        notes=[
            f"Audits against {report.framework_title}. The sheets that follow give each principle by quarter, "
            "the judgements and moderation, and the figures by lead agency and by locality.",
            "Partly met counts as not met; Not applicable is left out.",
        ],
    )


def _share_headings(labels):
    return [f"{label} {part}" for label in labels for part in SHARE_HEADINGS]


def _write_shares(workbook, sheet, row, col, shares):
    for share in shares:
        workbook.write(sheet, row, col, share.met)
        workbook.write(sheet, row, col + 1, share.total)
        workbook.write(sheet, row, col + 2, share.fraction, "percent")
        col += 3


def _principles_sheet(report, workbook, periods):
    sheet = workbook.add_sheet("Principles")
    workbook.write_title(sheet, 0, f"EHA principles met, {report.year_label}: {report.framework_title}")
    workbook.write(
        sheet,
        1,
        0,
        "Share of audited cases in which each principle was met, by the quarter of the audit date. "
        "Partly met counts as not met; Not applicable is left out.",
    )
    workbook.write_header(sheet, 3, ["Principle", *_share_headings(periods)], widths=[34, 11])
    row = 4
    for principle in report.principles:
        workbook.write(sheet, row, 0, principle.title)
        _write_shares(workbook, sheet, row, 1, [*principle.quarters, principle.year])
        row += 1
    workbook.write(sheet, row, 0, "All principles")
    _write_shares(workbook, sheet, row, 1, [*report.all_principles, report.all_principles_year])


def _judgements_sheet(report, workbook, periods):
    sheet = workbook.add_sheet("Judgements and moderation")
    workbook.write_title(sheet, 0, f"Overall judgements and moderation, {report.year_label}")
    workbook.write_header(sheet, 2, ["Audits", *periods], widths=[34, 14])
    row = 3
    workbook.write_row(sheet, row, ["Cases audited", *report.audits, report.audits_in_year])
    for label, counts, year in report.judgements:
        row += 1
        workbook.write_row(sheet, row, [label, *counts, year])
    row += 2
    workbook.write_header(sheet, row, ["Rate", *_share_headings(periods)])
    for label, shares in (
        ("Good or better", [*report.good_or_better, report.good_or_better_year]),
        ("Moderation agreement", [*report.moderation, report.moderation_year]),
    ):
        row += 1
        workbook.write(sheet, row, 0, label)
        _write_shares(workbook, sheet, row, 1, shares)


def _breakdown_sheet(report, workbook, title, rows):
    sheet = workbook.add_sheet(title)
    workbook.write_title(sheet, 0, f"{title}, {report.year_label}")
    names = [principle.title for principle in report.principles]
    workbook.write_header(
        sheet,
        2,
        [title.removeprefix("By ").capitalize(), "Audits", *_share_headings([*names, "Good or better"])],
        widths=[40, 9, 11],
    )
    for row, entry in enumerate(rows, start=3):
        workbook.write_row(sheet, row, [entry.name, entry.audits])
        _write_shares(workbook, sheet, row, 2, [*entry.principles, entry.good_or_better])
    if not rows:
        workbook.write(sheet, 3, 0, "No audits in this year.")
