"""The rules of pledge tracking, as small pure functions (no database, `today` always passed in).

- A pledge with no status recorded is Not started.
- In progress and Met need a review date; Not applicable needs a reason and has no review.
- A review is overdue when its date has passed and the pledge is not Not applicable.
- A review is coming due when its date is today or within the reminder window.
- Compliance is pledges met out of pledges that apply (Not applicable ones are left out of both figures).
- The offer pledge (the pledge whose evidence is the Early Help offer, pledge 4 in Leicester's wording)
  follows the offer's real state, not the status typed in: a published offer in date is Met; a published
  offer whose review date has passed is Met with its review overdue; an offer awaiting moderation, sent
  back for changes or in draft is In progress; no offer page is Not started. Only Not applicable, with its
  reason, stands as declared (an organisation that publishes no offer of its own says why).
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property

from home import rules as offer_rules
from pledges.models import Status

REMINDER_WINDOW_DAYS = 30

# Tag colour for each status (portal.css tag--*). The text is always shown too.
STATUS_COLOURS = {
    Status.NOT_STARTED: "grey",
    Status.IN_PROGRESS: "amber",
    Status.MET: "green",
    Status.NOT_APPLICABLE: "blue",
}
OVERDUE_COLOUR = "red"
OVERDUE_LABEL = "Review overdue"


_STATUSES = {status.value: status for status in Status}


def effective_status(status) -> Status:
    """None or an unknown value (no row recorded) reads as Not started. (A lookup, not Status(status): the
    matrix asks it several times for every cell of thousands of organisations.)"""
    return _STATUSES.get(status, Status.NOT_STARTED)


def is_overdue(status, review_date: date | None, today: date) -> bool:
    return review_date is not None and review_date < today and effective_status(status) != Status.NOT_APPLICABLE


def is_due_soon(status, review_date: date | None, today: date, window_days: int = REMINDER_WINDOW_DAYS) -> bool:
    """Today or within the window, not yet passed, and the pledge applies."""
    if review_date is None or effective_status(status) == Status.NOT_APPLICABLE:
        return False
    return today <= review_date <= today + timedelta(days=window_days)


def reminder_kind(status, review_date, today, window_days=REMINDER_WINDOW_DAYS) -> str | None:
    """'overdue', 'due_soon' or None: which reminder, if any, this review calls for today."""
    if is_overdue(status, review_date, today):
        return "overdue"
    if is_due_soon(status, review_date, today, window_days):
        return "due_soon"
    return None


def status_problems(status, review_date: date | None, reason: str, today: date) -> dict[str, str]:
    """{field: message} for a status that cannot be saved as given; empty when it can."""
    status = effective_status(status)
    problems = {}
    if status == Status.NOT_APPLICABLE:
        if not (reason or "").strip():
            problems["not_applicable_reason"] = (
                "Say why this pledge does not apply, for example that you commission services and write the "
                "principles into service specifications."
            )
        return problems
    if status in (Status.IN_PROGRESS, Status.MET) and review_date is None:
        problems["review_date"] = (
            f"Enter the date you will next review this pledge ({status.label.lower()} pledges need one)."
        )
    if review_date is not None and review_date < today:
        problems["review_date"] = "The review date must be today or in the future."
    return problems


def cell_colour(status, overdue: bool) -> str:
    return OVERDUE_COLOUR if overdue else STATUS_COLOURS[effective_status(status)]


@dataclass(frozen=True)
class Counts:
    """How many pledges (or organisations' pledges) are in each state."""

    not_started: int = 0
    in_progress: int = 0
    met: int = 0
    not_applicable: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.not_started + self.in_progress + self.met + self.not_applicable

    @property
    def applicable(self) -> int:
        return self.total - self.not_applicable

    def for_status(self, status) -> int:
        return getattr(self, effective_status(status).value)


def count_statuses(pairs, today: date) -> Counts:
    """Counts over (status, review date) pairs; statuses may be None (Not started)."""
    tally = Counter()
    for status, review_date in pairs:
        tally[effective_status(status).value] += 1
        tally["overdue"] += is_overdue(status, review_date, today)
    return Counts(**tally)


def compliance_percent(counts: Counts) -> int | None:
    """Met as a whole percentage of the pledges that apply; None when none apply."""
    if not counts.applicable:
        return None
    return round(100 * counts.met / counts.applicable)


def all_met(counts: Counts) -> bool:
    """Every pledge that applies is met (and at least one applies)."""
    return counts.applicable > 0 and counts.met == counts.applicable


@dataclass(frozen=True)
class OfferPledge:
    """Where the offer pledge stands, worked out from the offer: the status, why, and an overdue review."""

    status: Status
    offer_label: str = ""  # the offer's state in the offers feature's own words, e.g. "Awaiting moderation"
    overdue: bool = False

    @cached_property  # the matrix shares one OfferPledge (offer_pledge's) among thousands of cells
    def note(self) -> str:
        """Why, when the status alone does not say it ("Not started" needs no "offer: not started")."""
        if not self.offer_label or self.offer_label == self.status.label:
            return ""
        return f"offer: {self.offer_label.lower()}"


OFFER_PLEDGE_STATUSES = {
    offer_rules.PUBLISHED.key: Status.MET,
    offer_rules.REVIEW_OVERDUE.key: Status.MET,
    offer_rules.AWAITING_MODERATION.key: Status.IN_PROGRESS,
    offer_rules.CHANGES_REQUESTED.key: Status.IN_PROGRESS,
    offer_rules.DRAFT.key: Status.IN_PROGRESS,
    offer_rules.NOT_STARTED.key: Status.NOT_STARTED,
}


@cache  # a handful of answers (statuses x offer states), asked once for every organisation of the matrix
def offer_pledge(declared, offer_state) -> OfferPledge:
    """The offer pledge's position from the offer's state (a home.rules.State); see the rule at the top."""
    if effective_status(declared) == Status.NOT_APPLICABLE:
        return OfferPledge(Status.NOT_APPLICABLE)
    state = offer_state if offer_state in offer_rules.STATES else offer_rules.NOT_STARTED
    return OfferPledge(
        OFFER_PLEDGE_STATUSES[state.key],
        offer_label=state.label,
        overdue=state == offer_rules.REVIEW_OVERDUE,
    )


def offer_pledge_warning(declared, position: OfferPledge) -> str:
    """Said on the pledge's page when the status typed in is not the one the offer gives it."""
    declared = effective_status(declared)
    if declared == position.status:
        return ""
    return (
        f"You recorded this pledge as {declared.label.lower()}, but it shows as {position.status.label.lower()} "
        f"because it follows your Early Help offer, whose status is “{position.offer_label}”."
    )
