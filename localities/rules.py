"""The rules of a locality partnership's money and reports, as pure functions (`today` is passed in).

- A budget's remaining money is what was allocated less what its initiatives have spent; it may go below
  zero (an overspend is shown, never hidden), and pence are kept exactly (Decimal).
- A quarterly report covers one financial quarter (Q1 = April-June) and is due by the quarter's last day:
  it is "due" while the quarter runs, "overdue" once the quarter has ended without it being submitted, and
  "submitted" once the chair (or the LA) has submitted it. A quarter not begun has no report due yet.
- A draft's figures are read as at the end of its quarter (or today, while it runs): the report is of
  that quarter, not of whenever someone looks at it.
"""

from dataclasses import dataclass
from decimal import Decimal

from portal.periods import FinancialQuarter, financial_quarter

DUE, OVERDUE, SUBMITTED, NOT_YET = "due", "overdue", "submitted", "not_yet"

STATE_TEXT = {
    DUE: "Due this quarter",
    OVERDUE: "Overdue",
    SUBMITTED: "Submitted",
    NOT_YET: "Not due yet",
}
STATE_COLOUR = {DUE: "amber", OVERDUE: "red", SUBMITTED: "green", NOT_YET: "grey"}


@dataclass(frozen=True)
class BudgetTotals:
    allocated: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.spent

    @property
    def overspent(self) -> bool:
        return self.remaining < 0


def budget_totals(allocated, spends) -> BudgetTotals:
    return BudgetTotals(Decimal(allocated or 0), sum((Decimal(s or 0) for s in spends), Decimal("0")))


def report_state(quarter: FinancialQuarter, submitted: bool, today) -> str:
    if submitted:
        return SUBMITTED
    if today < quarter.first_day:
        return NOT_YET
    if today > quarter.last_day:
        return OVERDUE
    return DUE


def figures_as_at(quarter: FinancialQuarter, today):
    """The day a report's figures are read for: the quarter's last day, or today while it runs."""
    return min(today, quarter.last_day)


def current_quarter(today) -> FinancialQuarter:
    return financial_quarter(today)


def previous_quarter(quarter: FinancialQuarter) -> FinancialQuarter:
    if quarter.quarter == 1:
        return FinancialQuarter(quarter.start_year - 1, 4)
    return FinancialQuarter(quarter.start_year, quarter.quarter - 1)


def parse_quarter(text: str) -> FinancialQuarter:
    """ "2026-q3" -> Q3 2026-27. Raises ValueError for anything else."""
    try:
        year, q = text.lower().split("-q")
        if len(year) != 4 or not year.isdigit() or q not in {"1", "2", "3", "4"}:
            raise ValueError
        return FinancialQuarter(int(year), int(q))
    except ValueError:
        raise ValueError(f"{text!r} is not a quarter like 2026-q3") from None


def quarter_slug(quarter: FinancialQuarter) -> str:
    return f"{quarter.start_year}-q{quarter.quarter}"
