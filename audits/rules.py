"""The audit tool's rules, as small pure functions (no database, no clock: `today` is always passed in).

RAG roll-up
-----------
Actions are rated by the school: Red = at risk of not achieving, Amber = on track / work started,
Green = completed (an unrated action is "Not started"). An action is *overdue* when its "by when" date has
passed and it is not Green.

A commitment's RAG is worked out from its facts, in this order:
  1. Not started  nothing is recorded: no outcome has an answer and no action is rated or dated;
  2. Red          any action is Red, or any action is overdue;
  3. Green        every outcome is complete;
  4. Amber        otherwise (work has started).
A school's RAG is worked out from its commitments' RAGs:
  1. Not started  every commitment is Not started (or there are none);
  2. Red          any commitment is Red;
  3. Green        every commitment is Green;
  4. Amber        otherwise.
The facts are counts, so the same function serves one audit on screen and 5,000 audits counted by the
database in a few aggregate queries.
"""

import re
from dataclasses import dataclass
from datetime import date

from portal.periods import academic_year_label
from portal.rag import Rag

ACADEMIC_YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def is_overdue(due_date: date | None, rag: str, today: date) -> bool:
    """Past its "by when" date and not Green. An action with no date is never overdue."""
    return due_date is not None and due_date < today and rag != Rag.GREEN


@dataclass(frozen=True)
class CommitmentFacts:
    """What the roll-up needs to know about one commitment of one audit."""

    outcomes: int = 0  # outcomes the framework asks for
    outcomes_complete: int = 0
    outcomes_answered: int = 0  # outcomes with anything recorded (a yes/no, details or a date)
    actions_recorded: int = 0  # actions rated (not "Not started") or given a "by when" date
    actions_red: int = 0
    actions_overdue: int = 0

    def __add__(self, other):
        return CommitmentFacts(
            self.outcomes + other.outcomes,
            self.outcomes_complete + other.outcomes_complete,
            self.outcomes_answered + other.outcomes_answered,
            self.actions_recorded + other.actions_recorded,
            self.actions_red + other.actions_red,
            self.actions_overdue + other.actions_overdue,
        )


def commitment_rag(facts: CommitmentFacts) -> Rag:
    if not facts.outcomes_answered and not facts.outcomes_complete and not facts.actions_recorded:
        return Rag.NOT_STARTED
    if facts.actions_red or facts.actions_overdue:
        return Rag.RED
    if facts.outcomes and facts.outcomes_complete >= facts.outcomes:
        return Rag.GREEN
    return Rag.AMBER


def school_rag(commitment_rags) -> Rag:
    rags = [Rag(r) for r in commitment_rags]
    if all(r == Rag.NOT_STARTED for r in rags):
        return Rag.NOT_STARTED
    if Rag.RED in rags:
        return Rag.RED
    if all(r == Rag.GREEN for r in rags):
        return Rag.GREEN
    return Rag.AMBER


def action_facts(actions, today: date) -> CommitmentFacts:
    """Facts from action-like objects (with `.rag` and `.due_date`)."""
    actions = list(actions)
    return CommitmentFacts(
        actions_recorded=sum(1 for a in actions if a.rag != Rag.NOT_STARTED or a.due_date is not None),
        actions_red=sum(1 for a in actions if a.rag == Rag.RED),
        actions_overdue=sum(1 for a in actions if is_overdue(a.due_date, a.rag, today)),
    )


def outcome_facts(records) -> CommitmentFacts:
    """Facts from outcome-record-like objects (with `.complete`, `.details`, `.achieved_on`, `.review_date`)."""
    records = list(records)
    return CommitmentFacts(
        outcomes=len(records),
        outcomes_complete=sum(1 for r in records if r.complete),
        outcomes_answered=sum(1 for r in records if is_answered(r)),
    )


def is_answered(record) -> bool:
    return record.complete is not None or bool(record.details) or bool(record.achieved_on or record.review_date)


def trained_staff_outcome_met(staff) -> bool:
    """The case-recording outcome is met when at least one person has both training parts and a login."""
    return any(s.part_a_on and s.part_b_on and s.login_received for s in staff)


def parse_academic_year(text) -> str | None:
    """ "2025/26" -> "2025/26"; None for anything else, including "2025/27" and "2025-26"."""
    match = ACADEMIC_YEAR.match((text or "").strip())
    if not match or academic_year_label(int(match[1])) != match[0]:
        return None
    return match[0]


def previous_academic_year(label: str) -> str:
    """ "2026/27" -> "2025/26"."""
    return academic_year_label(int(label[:4]) - 1)
