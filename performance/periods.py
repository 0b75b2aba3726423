"""Reporting periods and due dates, as small pure functions (`today` is always passed in).

The rule, in words:
- periods fall within UK financial years (1 April to 31 March; "2026-27" starts on 1 April 2026);
- a monthly indicator reports each calendar month, a quarterly one each financial quarter (Q1 April-June
  ... Q4 January-March), a yearly one each financial year;
- a period's return is due on the 15th of the month after the period ends (Q1 2026-27, ending 30 June,
  is due on 15 July 2026);
- a period may be reported once it has ended; its return is late from the day after its due date until it
  is submitted.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from portal.periods import financial_quarter, financial_year_label, financial_year_start, parse_financial_year

MONTHLY, QUARTERLY, YEARLY = "monthly", "quarterly", "yearly"
FREQUENCIES = (MONTHLY, QUARTERLY, YEARLY)
DUE_DAY = 15
MONTHS_IN = {MONTHLY: 1, QUARTERLY: 3, YEARLY: 12}


def _add_months(day: date, months: int) -> date:
    """The first of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def due_date(period_end: date) -> date:
    """The 15th of the month after the period ends."""
    return _add_months(period_end, 1).replace(day=DUE_DAY)


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    frequency: str

    @property
    def due_on(self) -> date:
        return due_date(self.end)

    @property
    def year(self) -> str:
        """The financial year the period falls in, e.g. "2026-27" (the key of its target)."""
        return financial_year_label(financial_year_start(self.start))

    @property
    def label(self) -> str:
        if self.frequency == MONTHLY:
            return f"{self.start:%B %Y}"
        if self.frequency == QUARTERLY:
            return financial_quarter(self.start).label
        return self.year

    @property
    def short_label(self) -> str:
        if self.frequency == MONTHLY:
            return f"{self.start:%b %Y}"
        return self.label

    def has_ended(self, today: date) -> bool:
        return self.end < today

    def is_late(self, today: date) -> bool:
        """Late once its due date has passed (the caller knows whether it was submitted)."""
        return today > self.due_on

    def next(self) -> "Period":
        return period_starting(self.frequency, _add_months(self.start, MONTHS_IN[self.frequency]))

    def previous(self) -> "Period":
        return period_starting(self.frequency, _add_months(self.start, -MONTHS_IN[self.frequency]))

    def same_period_a_year_before(self) -> "Period":
        return period_starting(self.frequency, _add_months(self.start, -12))

    def __str__(self):
        return self.label


def _check(frequency):
    if frequency not in FREQUENCIES:
        raise ValueError(f"{frequency!r} is not a reporting frequency ({', '.join(FREQUENCIES)})")


def period_containing(frequency: str, day: date) -> Period:
    _check(frequency)
    if frequency == MONTHLY:
        start = day.replace(day=1)
    elif frequency == QUARTERLY:
        start = financial_quarter(day).first_day
    else:
        start = date(financial_year_start(day), 4, 1)
    end = _add_months(start, MONTHS_IN[frequency]) - timedelta(days=1)
    return Period(start, end, frequency)


def period_starting(frequency: str, start: date) -> Period:
    """The period beginning on `start`; ValueError if no period of that frequency begins then."""
    period = period_containing(frequency, start)
    if period.start != start:
        raise ValueError(f"No {frequency} period starts on {start:%d/%m/%Y}")
    return period


def periods_in_year(frequency: str, year: str | int) -> list[Period]:
    """Every period of a financial year ("2026-27" or 2026), in order."""
    start_year = parse_financial_year(year) if isinstance(year, str) else year
    period = period_containing(frequency, date(start_year, 4, 1))
    periods = []
    while period.start.year * 12 + period.start.month < (start_year + 1) * 12 + 4:
        periods.append(period)
        period = period.next()
    return periods


def last_ended(frequency: str, today: date) -> Period:
    """The most recent period that has ended by `today`."""
    return period_containing(frequency, today).previous()


def ended_since(frequency: str, first: date, today: date) -> list[Period]:
    """The periods from the one containing `first` up to the last one ended by `today` (oldest first)."""
    period, last = period_containing(frequency, first), last_ended(frequency, today)
    periods = []
    while period <= last:
        periods.append(period)
        period = period.next()
    return periods


def year_of(day: date) -> str:
    """The financial year label of a day: 1 April 2026 -> "2026-27"."""
    return financial_year_label(financial_year_start(day))


def outstanding(frequency: str, latest_submitted_start: date | None, today: date) -> list[Period]:
    """The periods still owed a submitted return: every ended period after the latest one submitted; with
    none ever submitted, the last ended period only (a new owner is not asked for years of history)."""
    last = last_ended(frequency, today)
    if latest_submitted_start is None:
        return [last]
    return ended_since(frequency, period_starting(frequency, latest_submitted_start).next().start, today)
