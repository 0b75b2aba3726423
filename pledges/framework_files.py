"""Pledge sets as JSON files, so a partnership's own pledges load without code changes.

The format (see frameworks/leicester-2016.json, the default seeded by migration 0002):

    {"name": "...", "source": "...", "introduction": "...", "commentary": "...",
     "pledges": [{"number": 1, "title": "...", "commentary": "...", "evidence": "designated_lead"}, ...]}

`evidence` is one of Pledge.Evidence (designated_lead, training, access, offer, impact, notes); it may be
left out, meaning notes only. The shipped file is the record of Leicester's 2016 wording: never edit it;
a revision is a new file loaded with `manage.py load_pledges`.
"""

import json
from pathlib import Path

FRAMEWORKS_DIR = Path(__file__).resolve().parent / "frameworks"
LEICESTER_2016 = FRAMEWORKS_DIR / "leicester-2016.json"

EVIDENCE_KINDS = ("designated_lead", "training", "access", "offer", "impact", "notes")


class PledgeFileError(ValueError):
    """The file is not a usable pledge set; the message says what to fix."""


def read_pledge_set(path) -> dict:
    """Read and check a pledge-set file; returns the data with defaults filled in."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise PledgeFileError(f"Cannot read {path}: {error.strerror}.") from None
    except json.JSONDecodeError as error:
        raise PledgeFileError(f"{path} is not valid JSON (line {error.lineno}: {error.msg}).") from None
    return check_pledge_set(data)


def check_pledge_set(data) -> dict:
    if not isinstance(data, dict):
        raise PledgeFileError("The file must hold one JSON object with 'name', 'introduction' and 'pledges'.")
    for key in ("name", "introduction"):
        if not str(data.get(key) or "").strip():
            raise PledgeFileError(f"'{key}' is missing or empty.")
    pledges = data.get("pledges")
    if not isinstance(pledges, list) or not pledges:
        raise PledgeFileError("'pledges' must be a list with at least one pledge.")
    numbers = set()
    checked = []
    for position, pledge in enumerate(pledges, start=1):
        where = f"Pledge {position} in the list"
        if not isinstance(pledge, dict):
            raise PledgeFileError(f"{where} must be an object with 'number' and 'title'.")
        number = pledge.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise PledgeFileError(f"{where}: 'number' must be a whole number from 1.")
        if number in numbers:
            raise PledgeFileError(f"{where}: number {number} is used twice.")
        numbers.add(number)
        title = str(pledge.get("title") or "").strip()
        if not title:
            raise PledgeFileError(f"{where}: 'title' is missing or empty.")
        evidence = pledge.get("evidence") or "notes"
        if evidence not in EVIDENCE_KINDS:
            raise PledgeFileError(f"{where}: 'evidence' must be one of {', '.join(EVIDENCE_KINDS)}, not {evidence!r}.")
        checked.append(
            {"number": number, "title": title, "commentary": str(pledge.get("commentary") or "").strip(), "evidence": evidence}
        )
    return {
        "name": data["name"].strip(),
        "source": str(data.get("source") or "").strip(),
        "introduction": data["introduction"].strip(),
        "commentary": str(data.get("commentary") or "").strip(),
        "pledges": sorted(checked, key=lambda p: p["number"]),
    }


def create_pledge_set(pledge_set_model, pledge_model, data, *, version, is_current):
    """Create the rows for checked data. Takes the model classes so a migration can pass its historical ones."""
    pledge_set = pledge_set_model.objects.create(
        name=data["name"],
        version=version,
        source=data["source"],
        introduction=data["introduction"],
        commentary=data["commentary"],
        is_current=is_current,
    )
    pledge_model.objects.bulk_create(pledge_model(pledge_set=pledge_set, **pledge) for pledge in data["pledges"])
    return pledge_set


def same_wording(pledge_set, data) -> bool:
    """Whether a stored set already says exactly what `data` says (loading it again changes nothing)."""
    stored = {
        "name": pledge_set.name,
        "source": pledge_set.source,
        "introduction": pledge_set.introduction,
        "commentary": pledge_set.commentary,
        "pledges": [
            {"number": p.number, "title": p.title, "commentary": p.commentary, "evidence": p.evidence}
            for p in pledge_set.pledges.order_by("number")
        ],
    }
    return stored == data
