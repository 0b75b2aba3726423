"""Figures the portal already holds, computed for the performance book rather than typed into a return.

Each comes from the same selector the feature's own page uses, so the scorecard and that page can never
disagree (tests/performance/test_computed.py renders both and compares):

  offers_reviewed_on_time           % of published offers whose review date has not passed
                                    (home.selectors.offer_figures, the offer register's summary); a
                                    snapshot, so it is known only for the period containing today
  caseaudits_good_or_better         % of case-file audits judged good or better, per financial quarter or
                                    year (caseaudits.selectors.quarterly_report, the quarterly report)
  commitments_submitted             % of schools with a submitted commitments audit for the academic year
                                    in which the period ends (audits.selectors.city_view, the city-wide view)
  principle_compliance:<code>       the share of audited cases meeting one EHA principle, per quarter or
                                    year (the quarterly report's principle rows)

A figure a source cannot give for a period (a case-audit share for a month, an offer snapshot for a past
period) is None: the scorecard shows "No figure", never a guess. Each source is read once per year it is
asked about, however many indicators and periods use it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from audits.selectors import city_view
from caseaudits.selectors import quarterly_report
from home.selectors import offer_figures
from portal.periods import academic_year, financial_quarter, financial_year_start

OFFERS_REVIEWED_ON_TIME = "offers_reviewed_on_time"
CASEAUDITS_GOOD_OR_BETTER = "caseaudits_good_or_better"
COMMITMENTS_SUBMITTED = "commitments_submitted"
PRINCIPLE_PREFIX = "principle_compliance:"

KEYS = {
    OFFERS_REVIEWED_ON_TIME: "Published offers reviewed by their review date",
    CASEAUDITS_GOOD_OR_BETTER: "Case-file audits judged good or better",
    COMMITMENTS_SUBMITTED: "Schools with a submitted commitments audit",
}


@dataclass(frozen=True)
class Figure:
    """A computed percentage: the whole-number percentage every page shows, and its count out of a total."""

    value: Decimal | None
    numerator: int | None = None
    denominator: int | None = None


def share_figure(met: int, total: int) -> Figure:
    """As the `percent` filter shows it: rounded to a whole number; no figure when there is nothing to count."""
    if not total:
        return Figure(None, met, total)
    return Figure(Decimal(round(100 * met / total)), met, total)


def is_known(key: str) -> bool:
    return key in KEYS or (key.startswith(PRINCIPLE_PREFIX) and len(key) > len(PRINCIPLE_PREFIX))


def describe(key: str) -> str:
    if key.startswith(PRINCIPLE_PREFIX):
        return f"Case-file audits meeting EHA principle {key[len(PRINCIPLE_PREFIX) :]}"
    return KEYS.get(key, "")


class Sources:
    """The selectors' answers, each read once per year asked for (the scorecard asks for many periods)."""

    def __init__(self, today: date):
        self.today = today
        self._offers = None
        self._reports = {}
        self._cities = {}

    def offers(self):
        if self._offers is None:
            self._offers = offer_figures(on=self.today)
        return self._offers

    def report(self, start_year: int):
        if start_year not in self._reports:
            self._reports[start_year] = quarterly_report(start_year)
        return self._reports[start_year]

    def city(self, year_label: str):
        if year_label not in self._cities:
            self._cities[year_label] = city_view(None, year_label, self.today)
        return self._cities[year_label]


def _case_audit_share(report, frequency, start: date, pick):
    """A quarter's or a year's share from the report; None for a month (audits are counted by quarter)."""
    if frequency == "quarterly":
        return pick(report, financial_quarter(start).quarter - 1)
    if frequency == "yearly":
        return pick(report, None)
    return None


def _good_or_better(report, index):
    return report.good_or_better_year if index is None else report.good_or_better[index]


def _principle(code):
    def pick(report, index):
        row = next((r for r in report.principles if r.code == code), None)
        if row is None:
            return None
        return row.year if index is None else row.quarters[index]

    return pick


def figure(key: str, period, sources: Sources) -> Figure | None:
    """The computed figure for one period (anything with .start, .end and .frequency), or None."""
    if key == OFFERS_REVIEWED_ON_TIME:
        if not (period.start <= sources.today <= period.end):
            return None
        offers = sources.offers()
        return share_figure(offers.reviewed_on_time, offers.published)
    if key == COMMITMENTS_SUBMITTED:
        view = sources.city(academic_year(min(period.end, sources.today)))
        return share_figure(view.submitted, view.population)
    if key == CASEAUDITS_GOOD_OR_BETTER:
        pick = _good_or_better
    elif key.startswith(PRINCIPLE_PREFIX):
        pick = _principle(key[len(PRINCIPLE_PREFIX) :])
    else:
        return None
    if period.start > sources.today:
        return None
    share = _case_audit_share(sources.report(financial_year_start(period.start)), period.frequency, period.start, pick)
    return None if share is None else share_figure(share.met, share.total)


def figures(keyed_periods, today: date) -> dict:
    """{(key, period): Figure} for (key, period) pairs; pairs without a figure are left out."""
    sources, found = Sources(today), {}
    for key, period in keyed_periods:
        result = figure(key, period, sources)
        if result is not None and result.value is not None:
            found[key, period] = result
    return found
