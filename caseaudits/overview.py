"""Case-file audits on the partnership overview, read from the board's quarterly report
(`caseaudits.selectors.quarterly_report`), the same read as the report page and its xlsx.

"This quarter" is the latest financial quarter, up to today's, that has audits (audits of a quarter are
usually recorded after it ends); the previous period is the quarter before it. Only aggregates are shown:
no case-level record reaches the overview.
"""

from urllib.parse import urlencode

from django.urls import reverse

from caseaudits.rules import Share
from caseaudits.selectors import latest_quarter_with_audits, quarterly_report
from portal.overview import OverviewSection, section, share_figure, share_text
from portal.periods import financial_quarter
from portal.permissions import caseaudits as can


def _latest_reported(report, up_to):
    """Index of the latest quarter of `report`'s year, not after `up_to`, with audits; None when none."""
    found = [i for i, q in enumerate(report.quarters) if q <= up_to and report.audits[i]]
    return found[-1] if found else None


@section(order=40)
def case_file_audits(scope):
    current = financial_quarter(scope.today)
    report = quarterly_report(current.start_year, locality=scope.locality)
    index = _latest_reported(report, current)
    if index is None:  # nothing yet this year: the latest quarter with audits before it
        latest = latest_quarter_with_audits()
        if latest is not None and latest.start_year < current.start_year:
            report = quarterly_report(latest.start_year, locality=scope.locality)
            index = _latest_reported(report, latest)
    url = reverse("caseaudits:report") if can.can_read_reports(scope.user) else ""
    if index is None:
        return OverviewSection(
            key="case_file_audits", title="Case-file audits", url=url, note="No case-file audits recorded yet."
        )
    quarter = report.quarters[index]
    if url:
        url = f"{url}?{urlencode({'year': quarter.year_label})}"
    if index:
        earlier, previous_index = report, index - 1
    else:
        earlier, previous_index = quarterly_report(quarter.start_year - 1, locality=scope.locality), 3
    before = earlier.quarters[previous_index]

    def figure(label, now, then):
        return share_figure(label, now.met, now.total, previous=(then.met, then.total), url=url)

    figures = [
        figure(f"{row.title} (cases meeting it)", row.quarters[index], _row(earlier, row.code, previous_index))
        for row in report.principles
    ]
    figures.append(
        figure("Audits judged good or better", report.good_or_better[index], earlier.good_or_better[previous_index])
    )
    figures.append(
        figure(
            "Every principle met (all findings)", report.all_principles[index], earlier.all_principles[previous_index]
        )
    )
    return OverviewSection(
        key="case_file_audits",
        title=f"Case-file audits ({report.framework_title})" if report.framework_title else "Case-file audits",
        url=url,
        period=f"{quarter.label}: {report.audits[index]} audits",
        previous_period=f"{before.label}: {earlier.audits[previous_index]} audits",
        figures=figures,
        trend=[
            (
                series.name,
                [(q.label, _text(share)) for q, share in zip(report.trend_quarters, series.shares, strict=True)],
            )
            for series in report.trend
        ],
    )


def _row(report, code, index):
    row = next((r for r in report.principles if r.code == code), None)
    return row.quarters[index] if row else Share()


def _text(share):
    return share_text(share.met, share.total)
