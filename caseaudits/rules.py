"""The rules the reports rest on, as small pure functions (tested directly in tests/caseaudits/test_rules.py).

- An audit counts in the UK financial-year quarter of its *audit date* (Q1 = April to June).
- A principle is *met* in a case only when it was judged Met. Partly met and Not met count against it;
  Not applicable is left out of the denominator ("60% (18 of 30)").
- An audit is *good or better* when its final judgement (the moderator's, once moderated) is Outstanding
  or Good.
- The moderation *agreement rate* is the share of moderated audits where the moderator agreed.
- An action is *overdue* from the day after its due date until it is completed.
- The moderation sample is a share of a quarter's audits, rounded up, at least one when there are any.
"""

import math
from dataclasses import dataclass
from datetime import date

from portal.periods import FinancialQuarter, financial_quarter


def report_quarter(audit_date: date) -> FinancialQuarter:
    """The quarter an audit is reported in: the financial quarter of its audit date."""
    return financial_quarter(audit_date)


@dataclass(frozen=True)
class Share:
    """A count out of a total, shown as "79% (42 of 53)"."""

    met: int = 0
    total: int = 0

    @property
    def percent(self) -> int | None:
        return whole_percent(self.met, self.total)

    @property
    def fraction(self) -> float | None:
        """The percentage as a fraction (0.79), for spreadsheet cells formatted as percentages."""
        return None if self.percent is None else self.percent / 100

    def __add__(self, other):
        return Share(self.met + other.met, self.total + other.total)


def whole_percent(numerator: int, denominator: int) -> int | None:
    """The whole-number percentage shown everywhere (rounded as the `percent` template filter rounds)."""
    if not denominator:
        return None
    return round(100 * numerator / denominator)


def principle_share(met: int, partly_met: int, not_met: int) -> Share:
    """Cases meeting a principle among those where it applied (Not applicable never reaches here)."""
    return Share(met, met + partly_met + not_met)


def final_judgement(audit_judgement: str, moderated_judgement: str | None) -> str:
    """The moderator's judgement stands once there is one."""
    return moderated_judgement or audit_judgement


class ActionState:
    DONE = "Done"
    OVERDUE = "Overdue"
    OPEN = "Open"


ACTION_STATE_COLOURS = {ActionState.DONE: "green", ActionState.OVERDUE: "red", ActionState.OPEN: "blue"}


def action_state(due_date: date, completed_on: date | None, today: date) -> str:
    if completed_on is not None:
        return ActionState.DONE
    if due_date < today:
        return ActionState.OVERDUE
    return ActionState.OPEN


def sample_size(audits: int, percent: int) -> int:
    """How many of a quarter's audits to moderate: `percent` of them rounded up, at least one if any
    (a percentage of 0 switches sampling off)."""
    if audits <= 0 or percent <= 0:
        return 0
    return min(audits, max(1, math.ceil(audits * percent / 100)))


def previous_quarter(quarter: FinancialQuarter) -> FinancialQuarter:
    """The quarter before: Q4 of the year before comes before Q1."""
    if quarter.quarter == 1:
        return FinancialQuarter(quarter.start_year - 1, 4)
    return FinancialQuarter(quarter.start_year, quarter.quarter - 1)


def trim_empty_quarters(quarters, counts):
    """Drop the quarters before the first and after the last with any audits (a trend has no empty ends)."""
    filled = [i for i, quarter in enumerate(quarters) if counts.get(quarter)]
    if not filled:
        return []
    return list(quarters[filled[0] : filled[-1] + 1])


def dates_problem(eha_start_date: date, audit_date: date, today: date) -> dict:
    """Field errors for an audit's two dates: neither in the future, and the audit after the EHA started."""
    errors = {}
    if eha_start_date and eha_start_date > today:
        errors["eha_start_date"] = "The EHA start date must be today or in the past."
    if audit_date and audit_date > today:
        errors["audit_date"] = "The audit date must be today or in the past."
    elif audit_date and eha_start_date and audit_date < eha_start_date:
        errors["audit_date"] = "The audit date must be on or after the EHA start date."
    return errors
