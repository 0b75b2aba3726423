"""The action plan's rules, as small pure functions (`today` is always passed in).

- Overdue: an action is overdue when its due date has passed (it was due before today) and it is not
  Green; Green means completed (portal.rag.RAG_MEANINGS), so a completed action is never overdue, and an
  action due today is not overdue yet.
- An action's RAG at a moment is the RAG set by its latest progress update written by then, else the RAG
  it started with; an action created after that moment did not exist then.
- Carrying forward: the open actions of last year's plan (every one not Green) go into the next year's.
- The previous period of a figure is the end of the last financial quarter that ended before today.
"""

from datetime import date, datetime

from portal.periods import FinancialQuarter, financial_quarter, financial_year_label, parse_financial_year
from portal.rag import Rag

RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NOT_STARTED)


def is_overdue(due_date: date | None, rag: str, today: date) -> bool:
    return due_date is not None and due_date < today and rag != Rag.GREEN


def is_open(rag: str) -> bool:
    """Still to finish: carried forward into next year's plan."""
    return rag != Rag.GREEN


def rag_at(initial_rag: str, updates, moment: datetime) -> str:
    """`updates`: [(written_at, rag)] of one action, in any order."""
    best = None
    for written_at, rag in updates:
        if written_at <= moment and (best is None or written_at >= best[0]):
            best = (written_at, rag)
    return best[1] if best else initial_rag


def rag_counts(rags) -> dict:
    """{rag value: count} for every RAG, in the one order the portal shows them (zeros kept)."""
    counts = {rag.value: 0 for rag in RAG_ORDER}
    for rag in rags:
        counts[rag if rag in counts else Rag.NOT_STARTED.value] += 1
    return counts


def next_year(year: str) -> str:
    """ "2025-26" -> "2026-27"."""
    return financial_year_label(parse_financial_year(year) + 1)


def previous_year(year: str) -> str:
    return financial_year_label(parse_financial_year(year) - 1)


def is_year(text: str) -> bool:
    try:
        parse_financial_year(text)
    except ValueError:
        return False
    return True


def last_quarter_ended(today: date):
    """The financial quarter before the one `today` is in (portal.periods.FinancialQuarter)."""
    current = financial_quarter(today)
    if current.quarter == 1:
        return FinancialQuarter(current.start_year - 1, 4)
    return FinancialQuarter(current.start_year, current.quarter - 1)
