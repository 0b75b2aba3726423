"""The offer rules that matter, as small pure functions (tested directly in tests/home/test_rules.py).

Nothing here touches the database: callers pass in plain values.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from portal.models import Organisation

Phase, Kind = Organisation.Phase, Organisation.Kind


def today() -> date:
    """Today in the partnership's time zone (settings.TIME_ZONE), not the server's."""
    return timezone.localdate()


# --- Who the offer is for -----------------------------------------------------------------------

PHASE_GROUPS = {
    Phase.PRIMARY: ("primary",),
    Phase.EARLY_YEARS: ("primary",),
    Phase.SECONDARY: ("secondary",),
    Phase.COLLEGE: ("secondary",),
    Phase.ALL_THROUGH: ("primary", "secondary"),
    Phase.SPECIAL: ("primary", "secondary"),
}


def provision_phases(phase: str) -> tuple:
    """Which phase columns of the checklist a school fills in; both when the phase is not known."""
    return PHASE_GROUPS.get(phase, ("primary", "secondary"))


DEFAULT_AGES = {
    Phase.EARLY_YEARS: (2, 5),
    Phase.PRIMARY: (4, 11),
    Phase.SECONDARY: (11, 18),
    Phase.ALL_THROUGH: (4, 18),
    Phase.SPECIAL: (2, 19),
    Phase.COLLEGE: (16, 19),
}


def default_age_range(kind: str, phase: str) -> tuple:
    """(youngest, oldest) to start a new offer with; (None, None) = no limit (agencies serve families)."""
    if kind != Kind.SCHOOL:
        return (None, None)
    return DEFAULT_AGES.get(phase, (None, None))


def serves_age(min_age, max_age, age: int) -> bool:
    """The directory's age filter: an empty bound is no limit."""
    return (min_age is None or min_age <= age) and (max_age is None or age <= max_age)


def age_range_label(min_age, max_age) -> str:
    if min_age is None and max_age is None:
        return "All ages"
    if min_age is None:
        return f"Up to {max_age}"
    if max_age is None:
        return f"{min_age} and over"
    return f"{min_age} to {max_age}"


# --- The checklist ---------------------------------------------------------------------------------

MAX_ITEM_LENGTH = 300
MAX_ITEMS_PER_GROUP = 80


def split_lines(text: str) -> list:
    """The editor's own additions, one per line: trimmed, blank lines dropped, repeats dropped."""
    seen, items = set(), []
    for line in (text or "").splitlines():
        item = " ".join(line.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return items


def split_checklist(stored: list, suggestions: list) -> tuple:
    """Stored provision -> (the suggestions it ticks, the editor's own items), keeping each list's order."""
    suggested = {s.casefold(): s for s in suggestions}
    stored_keys = {item.casefold() for item in stored}
    ticked = [s for s in suggestions if s.casefold() in stored_keys]
    own = [item for item in stored if item.casefold() not in suggested]
    return ticked, own


def join_checklist(ticked: list, own_text: str, suggestions: list) -> list:
    """Ticked suggestions (in the checklist's order) followed by the editor's own lines, without repeats."""
    ticked_keys = {t.casefold() for t in ticked}
    items = [s for s in suggestions if s.casefold() in ticked_keys]
    # A ticked value that is no longer a suggestion (a checklist revision) is kept, not lost.
    suggested_keys = {s.casefold() for s in suggestions}
    items += [t for t in ticked if t.casefold() not in suggested_keys]
    seen = {i.casefold() for i in items}
    for line in split_lines(own_text):
        if line.casefold() not in seen:
            seen.add(line.casefold())
            items.append(line)
    return items


def checklist_problems(items: list) -> list:
    """Messages for a group of items that cannot be saved."""
    problems = []
    too_long = [i for i in items if len(i) > MAX_ITEM_LENGTH]
    if too_long:
        problems.append(f"Each item must be {MAX_ITEM_LENGTH} characters or fewer. Shorten: “{too_long[0][:60]}…”")
    if len(items) > MAX_ITEMS_PER_GROUP:
        problems.append(f"List at most {MAX_ITEMS_PER_GROUP} items in one list (you have {len(items)}).")
    return problems


AREA_ITEM_GROUPS = ("primary", "secondary", "outcomes")


def has_provision(area_value) -> bool:
    """An area counts as offered when it lists any provision (outcomes alone are not provision)."""
    return any(area_value.get(group) for group in ("primary", "secondary"))


# --- Sign-off and review ---------------------------------------------------------------------------

# (field prefix, label, the role as written mid-sentence)
SIGN_OFF_FIELDS = {
    "school": [
        ("head_teacher", "Head teacher", "head teacher"),
        ("chair_of_governors", "Chair of governors", "chair of governors"),
        ("senco", "SENCo", "SENCo"),
        ("dsl", "Designated Safeguarding Lead", "Designated Safeguarding Lead"),
    ],
    "other": [("designated_lead", "Designated lead", "designated lead")],
}
# The sign-off row whose name is the organisation's recorded designated lead (pledges.DesignatedLead), not a
# name typed on the offer: the lead is recorded once and the offer reads it. Only the date is the offer's own.
RECORDED_LEAD_PREFIX = {"school": "dsl", "other": "designated_lead"}
NO_RECORDED_LEAD = (
    "Record your organisation's designated lead before you submit the offer: the sign-off shows the recorded lead."
)


def sign_off_kind(kind: str) -> str:
    return "school" if kind == Kind.SCHOOL else "other"


def sign_off_problems(kind: str, values: dict, completed_on, review_date, on: date) -> dict:
    """{field: message} for a sign-off that cannot be submitted or published.

    values holds '<role>_name' and '<role>_signed_on' for the roles of `kind` (see SIGN_OFF_FIELDS); the
    recorded lead's '<role>_name' is the name on the organisation's designated-lead record (empty if none).
    """
    problems = {}
    lead_prefix = RECORDED_LEAD_PREFIX[sign_off_kind(kind)]
    for prefix, _label, role in SIGN_OFF_FIELDS[sign_off_kind(kind)]:
        name, signed_on = values.get(f"{prefix}_name"), values.get(f"{prefix}_signed_on")
        if not name:
            problems[f"{prefix}_name"] = (
                NO_RECORDED_LEAD if prefix == lead_prefix else f"Enter the name of the {role} who signed the offer."
            )
        if not signed_on:
            problems[f"{prefix}_signed_on"] = f"Enter the date the {role} signed."
        elif signed_on > on:
            problems[f"{prefix}_signed_on"] = "The date signed must be today or in the past."
    problems.update(review_problems(completed_on, review_date, on, required=True))
    return problems


def review_problems(completed_on, review_date, on: date, required=False) -> dict:
    """{field: message} for the date completed and the review date."""
    problems = {}
    if completed_on is None:
        if required:
            problems["completed_on"] = "Enter the date the offer was completed."
    elif completed_on > on:
        problems["completed_on"] = "The date completed must be today or in the past."
    if review_date is None:
        if required:
            problems["review_date"] = "Enter the date you will next review the offer."
    elif completed_on is not None and review_date <= completed_on:
        problems["review_date"] = "The review date must be after the date completed."
    return problems


def is_review_overdue(published: bool, review_date, on: date) -> bool:
    """Overdue once the review date has passed: only a published offer can be overdue."""
    return bool(published and review_date and review_date < on)


def last_reviewed_on(completed_on, last_published_at):
    """What the public page shows as 'last reviewed': the date completed, else the date last published."""
    if completed_on:
        return completed_on
    if isinstance(last_published_at, datetime):
        if timezone.is_aware(last_published_at):
            return timezone.localdate(last_published_at)
        return last_published_at.date()
    return None


# --- Status -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    key: str
    label: str
    colour: str  # a status_tag colour; the label always says it in words


NOT_STARTED = State("not_started", "Not started", "grey")
DRAFT = State("draft", "Draft", "grey")
AWAITING_MODERATION = State("awaiting_moderation", "Awaiting moderation", "blue")
CHANGES_REQUESTED = State("changes_requested", "Changes requested", "amber")
PUBLISHED = State("published", "Published", "green")
REVIEW_OVERDUE = State("review_overdue", "Review overdue", "red")
STATES = [NOT_STARTED, DRAFT, AWAITING_MODERATION, CHANGES_REQUESTED, PUBLISHED, REVIEW_OVERDUE]
STATES_BY_KEY = {s.key: s for s in STATES}

IN_PROGRESS, NEEDS_CHANGES = "in_progress", "needs_changes"  # Wagtail WorkflowState statuses


def offer_state(*, exists: bool, live: bool, workflow_status: str, review_date, on: date) -> State:
    """Where an organisation's offer stands. Moderation comes first: it is what someone must act on."""
    if not exists:
        return NOT_STARTED
    if workflow_status == IN_PROGRESS:
        return AWAITING_MODERATION
    if workflow_status == NEEDS_CHANGES:
        return CHANGES_REQUESTED
    if live:
        return REVIEW_OVERDUE if is_review_overdue(True, review_date, on) else PUBLISHED
    return DRAFT


# --- Describing an organisation ---------------------------------------------------------------------

SCHOOL_PHASE_NOUNS = {
    Phase.PRIMARY: "Primary school",
    Phase.SECONDARY: "Secondary school",
    Phase.ALL_THROUGH: "All-through school",
    Phase.SPECIAL: "Special school",
    Phase.COLLEGE: "College",
    Phase.EARLY_YEARS: "Nursery school",
}


def describe_organisation(kind: str, phase: str, sector_label: str, locality_name: str) -> str:
    """One line for the public: 'Primary school in North East', 'Health service across the city'."""
    if kind == Kind.SCHOOL:
        noun = SCHOOL_PHASE_NOUNS.get(phase, "School")
    elif kind == Kind.LA_SERVICE:
        noun = "Council service"
    elif kind == Kind.COMMISSIONER:
        noun = "Commissioner"
    else:
        noun = f"{sector_label} organisation" if sector_label else "Organisation"
    return f"{noun} in {locality_name}" if locality_name else f"{noun} across the city"


DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = dict(zip(DAY_CODES, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))


def days_label(codes) -> str:
    """['MO','TU','WE','TH','FR'] -> 'Monday to Friday'; ['MO','WE'] -> 'Monday and Wednesday'."""
    ordered = [c for c in DAY_CODES if c in set(codes or [])]
    runs, run = [], []
    for code in ordered:
        if run and DAY_CODES.index(code) != DAY_CODES.index(run[-1]) + 1:
            runs.append(run)
            run = []
        run.append(code)
    if run:
        runs.append(run)
    parts = [
        f"{DAY_NAMES[r[0]]} to {DAY_NAMES[r[-1]]}" if len(r) > 2 else " and ".join(DAY_NAMES[c] for c in r)
        for r in runs
    ]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ", ".join(parts[:-1]) + " and " + parts[-1]


REVIEW_REMINDER_DAYS = 30


def review_reminder_kind(review_date, on: date, window_days: int = REVIEW_REMINDER_DAYS) -> str | None:
    """Which review reminder a published offer is owed on `on`: "overdue" once its review date has passed,
    "due_soon" from a month (`window_days`) before it up to the date itself, otherwise none."""
    if review_date is None:
        return None
    if review_date < on:
        return "overdue"
    if (review_date - on).days <= window_days:
        return "due_soon"
    return None
