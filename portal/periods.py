"""Reporting periods as small pure functions.

- UK financial years run 1 April to 31 March; quarter 1 is April-June ("Q1 2018-19").
- Academic years run 1 September to 31 August ("2025/26").
- Terms, as the partnership reports them: autumn (September-December), spring (January-March) and summer
  (April-August), so that every day falls in exactly one term ("Autumn term 2026").
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, order=True)
class FinancialQuarter:
    start_year: int  # the calendar year in which the financial year starts (2018 for 2018-19)
    quarter: int  # 1..4

    @property
    def year_label(self) -> str:
        return financial_year_label(self.start_year)

    @property
    def label(self) -> str:
        return f"Q{self.quarter} {self.year_label}"

    @property
    def first_day(self) -> date:
        month = 4 + 3 * (self.quarter - 1)
        return date(self.start_year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def last_day(self) -> date:
        nxt = self.next()
        return date.fromordinal(nxt.first_day.toordinal() - 1)

    def next(self) -> "FinancialQuarter":
        if self.quarter == 4:
            return FinancialQuarter(self.start_year + 1, 1)
        return FinancialQuarter(self.start_year, self.quarter + 1)

    def __str__(self):
        return self.label


def financial_year_start(day: date) -> int:
    """The calendar year in which the financial year containing `day` began."""
    return day.year if day.month >= 4 else day.year - 1


def financial_quarter(day: date) -> FinancialQuarter:
    """Q1 = April-June, Q2 = July-September, Q3 = October-December, Q4 = January-March."""
    return FinancialQuarter(financial_year_start(day), ((day.month - 4) % 12) // 3 + 1)


def financial_year_label(start_year: int) -> str:
    """2018 -> "2018-19"; 1999 -> "1999-00"."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def parse_financial_year(label: str) -> int:
    """ "2018-19" -> 2018. Raises ValueError for anything else, including "2018-20"."""
    try:
        first, second = label.strip().split("-")
        start = int(first)
        if len(first) != 4 or len(second) != 2 or int(second) != (start + 1) % 100:
            raise ValueError
    except ValueError:
        raise ValueError(f"{label!r} is not a financial year like 2018-19") from None
    return start


def financial_year_quarters(start_year: int) -> list[FinancialQuarter]:
    return [FinancialQuarter(start_year, q) for q in (1, 2, 3, 4)]


def academic_year_start(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def academic_year_label(start_year: int) -> str:
    """2025 -> "2025/26"."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def academic_year(day: date) -> str:
    return academic_year_label(academic_year_start(day))


TERMS = (("Autumn", 9, 12), ("Spring", 1, 3), ("Summer", 4, 8))  # (name, first month, last month)


@dataclass(frozen=True, order=True)
class Term:
    year: int  # the calendar year the term falls in
    first_month: int

    @property
    def name(self) -> str:
        return next(name for name, first, _ in TERMS if first == self.first_month)

    @property
    def label(self) -> str:
        return f"{self.name} term {self.year}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def last_day(self) -> date:
        last_month = next(last for _, first, last in TERMS if first == self.first_month)
        following = date(self.year + (last_month == 12), last_month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)

    def previous(self) -> "Term":
        return academic_term(date.fromordinal(self.first_day.toordinal() - 1))

    def __str__(self):
        return self.label


def academic_term(day: date) -> Term:
    """The term containing `day`: autumn from September, spring from January, summer from April."""
    first = next(first for _, first, last in TERMS if first <= day.month <= last)
    return Term(day.year, first)
