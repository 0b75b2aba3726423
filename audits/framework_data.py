"""Frameworks as data: read a commitments framework from a JSON file and store it as a new version.

The file format (see audits/frameworks/*.json, which ship with the portal):

    {"slug": "...", "title": "...", "description": "...", "source": "...",
     "commitments": [
       {"number": 1, "title": "...", "short_title": "...", "guidance": "...",
        "outcomes": [
          {"text": "...", "kind": "standard" | "trained_staff" | "offer_published",
           "details_label": "...", "details_hint": "...", "details_required": false,
           "date_label": "...", "review_date": true,
           "suggested_actions": ["...", "..."]}]}]}

Loading never changes a stored framework: it adds version N+1 of the slug (a framework that audits used is
frozen; see audits.models). `create_framework` takes the app registry so the data migration that seeds
Leicester's framework can run it against the historical models.
"""

import json
from pathlib import Path

from django.apps import apps as django_apps

FRAMEWORKS_DIR = Path(__file__).resolve().parent / "frameworks"
LEICESTER_FILE = FRAMEWORKS_DIR / "leicester-schools-commitments.json"
OUTCOME_KINDS = {"standard", "trained_staff", "offer_published"}


class FrameworkFileError(ValueError):
    """The file is not a valid framework; the message says where."""


def _text(item, key, where, *, required=True, max_length=None):
    value = item.get(key, "")
    if not isinstance(value, str):
        raise FrameworkFileError(f"{where}: '{key}' must be text.")
    value = value.strip()
    if required and not value:
        raise FrameworkFileError(f"{where}: '{key}' is missing.")
    if max_length and len(value) > max_length:
        raise FrameworkFileError(f"{where}: '{key}' is longer than {max_length} characters.")
    return value


def _list(item, key, where):
    value = item.get(key)
    if not isinstance(value, list) or not value:
        raise FrameworkFileError(f"{where}: '{key}' must be a list with at least one entry.")
    return value


def parse_framework(data) -> dict:
    """Check a framework's structure and return it cleaned, or raise FrameworkFileError naming the problem."""
    if not isinstance(data, dict):
        raise FrameworkFileError("The file must hold one framework (a JSON object).")
    cleaned = {
        "slug": _text(data, "slug", "Framework", max_length=100),
        "title": _text(data, "title", "Framework", max_length=200),
        "description": _text(data, "description", "Framework", required=False),
        "source": _text(data, "source", "Framework", required=False, max_length=300),
        "commitments": [],
    }
    numbers = set()
    for c_index, commitment in enumerate(_list(data, "commitments", "Framework"), start=1):
        where = f"Commitment {c_index}"
        if not isinstance(commitment, dict):
            raise FrameworkFileError(f"{where} must be an object.")
        number = commitment.get("number", c_index)
        if not isinstance(number, int) or number < 1 or number in numbers:
            raise FrameworkFileError(f"{where}: 'number' must be a whole number, unique in the framework.")
        numbers.add(number)
        outcomes = []
        for o_index, outcome in enumerate(_list(commitment, "outcomes", where), start=1):
            o_where = f"{where}, outcome {o_index}"
            if not isinstance(outcome, dict):
                raise FrameworkFileError(f"{o_where} must be an object.")
            kind = outcome.get("kind", "standard")
            if kind not in OUTCOME_KINDS:
                raise FrameworkFileError(f"{o_where}: 'kind' must be one of {', '.join(sorted(OUTCOME_KINDS))}.")
            actions = outcome.get("suggested_actions", [])
            if not isinstance(actions, list) or not all(isinstance(a, str) and a.strip() for a in actions):
                raise FrameworkFileError(f"{o_where}: 'suggested_actions' must be a list of texts.")
            outcomes.append(
                {
                    "text": _text(outcome, "text", o_where, max_length=400),
                    "kind": kind,
                    "details_label": _text(outcome, "details_label", o_where, required=False, max_length=150),
                    "details_hint": _text(outcome, "details_hint", o_where, required=False, max_length=300),
                    "details_required": bool(outcome.get("details_required", False)),
                    "date_label": _text(outcome, "date_label", o_where, required=False, max_length=150),
                    "asks_review_date": bool(outcome.get("review_date", True)),
                    "suggested_actions": [a.strip()[:400] for a in actions],
                }
            )
        cleaned["commitments"].append(
            {
                "number": number,
                "title": _text(commitment, "title", where, max_length=300),
                "short_title": _text(commitment, "short_title", where, max_length=80),
                "guidance": _text(commitment, "guidance", where, required=False),
                "outcomes": outcomes,
            }
        )
    return cleaned


def read_framework_file(path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as problem:
        raise FrameworkFileError(f"Cannot read {path}: {problem.strerror}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise FrameworkFileError(f"{path} is not valid JSON: {problem}.") from None
    return parse_framework(data)


def create_framework(data: dict, *, apps=django_apps, make_current=True):
    """Store parsed framework data as the next version of its slug; optionally make it the current one."""
    Framework = apps.get_model("audits", "Framework")
    Commitment = apps.get_model("audits", "Commitment")
    Outcome = apps.get_model("audits", "Outcome")
    SuggestedAction = apps.get_model("audits", "SuggestedAction")

    latest = Framework.objects.filter(slug=data["slug"]).order_by("-version").first()
    if make_current:
        Framework.objects.filter(is_current=True).update(is_current=False)
    framework = Framework.objects.create(
        slug=data["slug"],
        version=(latest.version + 1) if latest else 1,
        title=data["title"],
        description=data["description"],
        source=data["source"],
        is_current=make_current,
    )
    for c in data["commitments"]:
        commitment = Commitment.objects.create(
            framework=framework, number=c["number"], title=c["title"], short_title=c["short_title"],
            guidance=c["guidance"],
        )
        for position, o in enumerate(c["outcomes"], start=1):
            fields = {k: v for k, v in o.items() if k != "suggested_actions"}
            outcome = Outcome.objects.create(commitment=commitment, position=position, **fields)
            SuggestedAction.objects.bulk_create(
                SuggestedAction(outcome=outcome, position=n, text=text)
                for n, text in enumerate(o["suggested_actions"], start=1)
            )
    return framework
