"""The audit tool's rules, as small pure functions (no database, no clock: `today` is always passed in).

RAG roll-up
-----------
Actions are rated by the school with the seed's key: Red = at risk of not achieving, Amber = on track /
work started, Green = completed (an unrated action is "Not started"). An action is *overdue* when its
"by when" date has passed and it is not Green.

A commitment's RAG answers the key's question for the commitment as a whole, in this order:
  1. Green        every outcome is complete and no action is left Not started. An achieved outcome is never
                  "at risk": a Red or overdue action no longer counts once every outcome is complete;
  2. Amber        every outcome is complete but an action is still Not started (close or delete it), so
                  work not started stays visible;
  3. Red          an outcome is still to achieve and an action is Red or overdue;
  4. Not started  no outcome is complete and no action has started (rated Amber, Green or Red): answers of
                  "No", notes and planned dates alone are not work started;
  5. Amber        otherwise: work has started and nothing is at risk.
A commitment with no outcomes is never Green. The same rule, as the sentences printed beside the RAG key
on every page that shows it, is COMMITMENT_RAG_RULE below (templates/audits/includes/rag_key.html).
The offer outcome (commitment 3's "the Early Help offer is published") follows the offer's real state, not
the answer typed in: it is complete while the offer is published and its review date has not passed, and
not complete while the offer is in draft, awaiting moderation, sent back for changes, past its review date
or not started (offer_outcome_complete). So a school's Green for commitment 3 never rests on an offer the
public cannot see or that is out of date.
The named-lead outcome (commitment 1's "a named DSL") reads the school's designated-lead record (pledge 1,
recorded once for the offer, the pledges and this audit): it is complete exactly when that record exists,
whatever was typed in the audit (named_lead_outcome_complete).
A school's RAG is worked out from its commitments' RAGs:
  1. Not started  every commitment is Not started (or there are none);
  2. Red          any commitment is Red;
  3. Green        every commitment is Green;
  4. Amber        otherwise.
The facts are counts, so the same function serves one audit on screen and 5,000 audits counted by the
database in a few aggregate queries.
"""

import re
from dataclasses import astuple, dataclass
from datetime import date

from home import rules as offer_rules
from portal.periods import academic_year_label
from portal.rag import Rag

COMMITMENT_RAG_RULE = (
    (
        Rag.GREEN,
        "Every outcome is complete and every action has been rated. Once every outcome is complete, "
        "nothing is at risk, whatever an action says.",
    ),
    (
        Rag.AMBER,
        "Work has started and nothing is at risk, or every outcome is complete but an action is still not started.",
    ),
    (Rag.RED, "An outcome is still to achieve and an action is rated Red or is past its date."),
    (Rag.NOT_STARTED, "No outcome is complete and no action has been rated yet."),
)

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
    actions: int = 0  # every action of the plan
    actions_started: int = 0  # actions rated Amber, Green or Red

    def __add__(self, other):
        return CommitmentFacts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @property
    def actions_not_started(self) -> int:
        return self.actions - self.actions_started


def commitment_rag(facts: CommitmentFacts) -> Rag:
    """The roll-up stated at the top of this module."""
    if facts.outcomes and facts.outcomes_complete >= facts.outcomes:
        return Rag.AMBER if facts.actions_not_started > 0 else Rag.GREEN
    if facts.actions_red or facts.actions_overdue:
        return Rag.RED
    if not facts.outcomes_complete and not facts.actions_started:
        return Rag.NOT_STARTED
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
        actions=len(actions),
        actions_started=sum(1 for a in actions if a.rag != Rag.NOT_STARTED),
    )


OFFER_OUTCOME_KIND = "offer_published"  # audits.models.Outcome.Kind.OFFER_PUBLISHED


def offer_outcome_complete(offer_state) -> bool:
    """The offer outcome is complete only while the offer (a home.rules.State) is published and in date."""
    return offer_state == offer_rules.PUBLISHED


def is_offer_outcome(record) -> bool:
    return getattr(getattr(record, "outcome", None), "kind", "") == OFFER_OUTCOME_KIND


NAMED_LEAD_OUTCOME_KIND = "named_lead"  # audits.models.Outcome.Kind.NAMED_LEAD


def named_lead_outcome_complete(lead_recorded: bool) -> bool:
    """A named DSL: complete exactly when the school's designated lead is recorded (pledges.DesignatedLead)."""
    return bool(lead_recorded)


def is_named_lead_outcome(record) -> bool:
    return getattr(getattr(record, "outcome", None), "kind", "") == NAMED_LEAD_OUTCOME_KIND


def outcome_facts(records, offer_state=None, lead_recorded=None) -> CommitmentFacts:
    """Facts from outcome-record-like objects (with `.complete`, `.details`, `.achieved_on`, `.review_date`).

    Given the school's offer state, the offer outcome follows it rather than its typed answer; given whether
    its designated lead is recorded, so does the named-lead outcome."""
    records = list(records)

    def complete(record):
        if offer_state is not None and is_offer_outcome(record):
            return offer_outcome_complete(offer_state)
        if lead_recorded is not None and is_named_lead_outcome(record):
            return named_lead_outcome_complete(lead_recorded)
        return bool(record.complete)

    return CommitmentFacts(
        outcomes=len(records),
        outcomes_complete=sum(1 for r in records if complete(r)),
        outcomes_answered=sum(1 for r in records if is_answered(r) or complete(r)),
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
