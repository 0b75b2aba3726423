"""The board pack's "quarterly case-file report": the year's compliance per principle, from the report's own
selector. Aggregates only: no case-level record ever reaches a pack."""

from caseaudits import selectors
from caseaudits.rules import Share
from portal.board_pack import kind, paragraph, table
from portal.periods import financial_quarter


def share_text(share: Share) -> str:
    return "No audits" if not share.total else f"{share.percent}% ({share.met} of {share.total})"


@kind("caseaudits_report", "Quarterly case-file audit report", order=30)
def quarterly_case_file_report(context):
    report = selectors.quarterly_report(financial_quarter(context.today).start_year)
    if not report.has_audits:
        return [paragraph(f"No case-file audits have been recorded for {report.year_label} yet.")]
    columns = ["Principle"] + [q.label for q in report.quarters] + ["Year"]
    principles = [
        [f"{row.code} {row.title}"] + [share_text(s) for s in row.quarters] + [share_text(row.year)]
        for row in report.principles
    ]
    principles.append(
        ["All principles met"]
        + [share_text(s) for s in report.all_principles]
        + [share_text(report.all_principles_year)]
    )
    overall = [
        ["Audits"] + report.audits + [report.audits_in_year],
        ["Good or better"] + [share_text(s) for s in report.good_or_better] + [share_text(report.good_or_better_year)],
        ["Moderation agreed"] + [share_text(s) for s in report.moderation] + [share_text(report.moderation_year)],
    ]
    return [
        paragraph(f"{report.framework_title}, {report.year_label}: {report.audits_in_year} audits."),
        table("Principles met, by quarter", columns, principles),
        table("Audits and moderation", ["Figure"] + columns[1:], overall),
    ]
