"""The rules of maturity self-assessment, as small pure functions (no database).

Ratings are stored as a *rating code*, a small integer in half-level steps, so that ordering,
comparison and movement between rounds are plain arithmetic:

    0        not rated
    2 * p    at level p (levels are numbered 1..n in order: Early = 1 ... Mature = 4 in the STMM)
    2 * p + 1  between level p and the next level up ("Developing/Maturing" = 2 * 2 + 1 = 5)

So the ordinal position of a rating is code / 2 (Developing/Maturing sits at 2.5, halfway between
Developing and Maturing), and a rating can only ever sit between two *adjacent* levels.
Level names come from the framework (data), never from this module.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import TextChoices

UNRATED = 0
NOT_RATED_LABEL = "Not rated"
BETWEEN_SEPARATOR = "/"


def level_code(position: int) -> int:
    """The code of a rating exactly at level `position` (1-based)."""
    return 2 * position


def between_code(lower_position: int) -> int:
    """The code of a rating between level `lower_position` and the level above it."""
    return 2 * lower_position + 1


def is_valid_code(code, level_count: int) -> bool:
    """Codes run from 2 (the lowest level) to 2n (the highest); 2n + 1 would be 'between the top and nothing'."""
    return isinstance(code, int) and (code == UNRATED or 2 <= code <= 2 * level_count)


def ordinal(code: int) -> float | None:
    """The rating's position on the level scale (1 = lowest level), or None when not rated."""
    return None if code == UNRATED else code / 2


def rating_label(code: int, level_names) -> str:
    """'Developing', 'Developing/Maturing' or 'Not rated'."""
    if code == UNRATED:
        return NOT_RATED_LABEL
    if not is_valid_code(code, len(level_names)):
        raise ValueError(f"{code} is not a rating on a scale of {len(level_names)} levels.")
    lower = code // 2
    if code % 2 == 0:
        return level_names[lower - 1]
    return f"{level_names[lower - 1]}{BETWEEN_SEPARATOR}{level_names[lower]}"


def rating_choices(level_names) -> list[tuple[int, str]]:
    """Every possible rating in order, lowest first, with 'Not rated' at the start."""
    codes = range(2, 2 * len(level_names) + 1)
    return [(UNRATED, NOT_RATED_LABEL)] + [(code, rating_label(code, level_names)) for code in codes]


def parse_rating(text: str, level_names) -> int:
    """The code for a rating written as text ('Maturing', 'developing / maturing', '', 'Not rated').

    Raises ValueError with a message a person can act on (e.g. for levels that are not adjacent).
    """
    cleaned = " ".join(str(text or "").split())
    if not cleaned or cleaned.lower() in {NOT_RATED_LABEL.lower(), "no rating", "unrated"}:
        return UNRATED
    positions = {name.lower(): index + 1 for index, name in enumerate(level_names)}
    parts = [part.strip().lower() for part in cleaned.split(BETWEEN_SEPARATOR)]
    unknown = [part for part in parts if part not in positions]
    if unknown or len(parts) > 2:
        raise ValueError(
            f"'{cleaned}' is not a rating. Use one of: {', '.join(level_names)}, or two adjacent "
            f"levels such as '{level_names[0]}{BETWEEN_SEPARATOR}{level_names[1]}'."
        )
    if len(parts) == 1:
        return level_code(positions[parts[0]])
    low, high = sorted(positions[part] for part in parts)
    if high - low != 1:
        raise ValueError(f"'{cleaned}': a rating can only sit between two adjacent levels.")
    return between_code(low)


@dataclass(frozen=True)
class Movement:
    """How a strand's rating moved from one round to the next."""

    # "up", "same", "down", "first_rated", "no_longer_rated", "not_yet_rated", "not_rated", "not_comparable"
    direction: str
    half_steps: int = 0  # size of the move, in half levels (always >= 0)

    ARROWS = {"up": "↑", "same": "→", "down": "↓"}

    @property
    def arrow(self) -> str:
        return self.ARROWS.get(self.direction, "")

    @property
    def text(self) -> str:
        if self.direction in ("up", "down"):
            return f"{self.direction.capitalize()} {_levels_text(self.half_steps)}"
        return {
            "same": "Same",
            "first_rated": "First rated",
            "no_longer_rated": "No longer rated",
            "not_yet_rated": "Not yet rated",
            "not_rated": "Not rated",
            "not_comparable": "Not comparable",
        }[self.direction]


def _levels_text(half_steps: int) -> str:
    whole, half = divmod(half_steps, 2)
    if whole == 0:
        return "half a level"
    amount = f"{whole}½" if half else str(whole)
    return f"{amount} level" if half_steps == 2 else f"{amount} levels"


def movement(before: int, after: int, *, in_progress: bool = False) -> Movement:
    """Compare two rating codes of the same strand (earlier round first).

    in_progress: the later round is still a draft, so a missing rating is "not yet rated" rather than
    "no longer rated".
    """
    if after == UNRATED and in_progress:
        return Movement("not_yet_rated")
    if before == UNRATED and after == UNRATED:
        return Movement("not_rated")
    if before == UNRATED:
        return Movement("first_rated")
    if after == UNRATED:
        return Movement("no_longer_rated")
    if after > before:
        return Movement("up", after - before)
    if after < before:
        return Movement("down", before - after)
    return Movement("same")


def distribution(codes) -> dict[int, int]:
    """How many contributors gave each rating, lowest rating first; 'not rated' views are left out."""
    counts = {}
    for code in sorted(c for c in codes if c != UNRATED):
        counts[code] = counts.get(code, 0) + 1
    return counts


class Status(TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted to the board"
    SIGNED_OFF = "signed_off", "Signed off"


STATUS_COLOURS = {Status.DRAFT: "grey", Status.SUBMITTED: "blue", Status.SIGNED_OFF: "green"}

# A round is prepared (draft), goes to the board (submitted), and the board either signs it off or
# returns it for changes. Nothing leaves "signed off": the board's decision is the record.
TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.SIGNED_OFF, Status.DRAFT},
    Status.SIGNED_OFF: set(),
}


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def submission_problems(codes) -> list[str]:
    """Why a round cannot go to the board yet (empty when it can). A strand may stay unrated, as the
    families' experience strand did in Leicester's first round, but a round with no ratings is not ready."""
    if not any(code != UNRATED for code in codes):
        return ["Rate at least one strand before submitting the round to the board."]
    return []


class ActionStatus(TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_ACTION_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
ACTION_STATUS_COLOURS = {
    ActionStatus.NOT_STARTED: "grey",
    ActionStatus.IN_PROGRESS: "blue",
    ActionStatus.COMPLETED: "green",
    ActionStatus.WITHDRAWN: "grey",
}


def is_open_action(status: str) -> bool:
    """Open items carry into the next round; completed and withdrawn ones stay with their round."""
    return status in OPEN_ACTION_STATUSES


def is_overdue(due: date | None, status: str, today: date) -> bool:
    return due is not None and is_open_action(status) and due < today


def period_label(start: date, end: date | None) -> str:
    """'September 2017', or 'December 2018 to January 2019' for a round that ran over several months."""
    end = end or start
    if (start.year, start.month) == (end.year, end.month):
        return f"{end:%B %Y}"
    return f"{start:%B %Y} to {end:%B %Y}"


def contributor_total(stated_minimum: int | None, group_counts) -> tuple[int, bool]:
    """(total, is_a_minimum): the contributors counted by group, or the stated minimum if that is larger.

    A group that took part without a count (None) makes the total a minimum, as in the seed's
    "at least 160 individuals contributed".
    """
    counts = list(group_counts)
    counted = sum(c for c in counts if c)
    uncounted = any(c is None for c in counts)
    if stated_minimum and stated_minimum > counted:
        return stated_minimum, True
    return counted, uncounted
