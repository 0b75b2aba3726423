"""Loading a partnership's principle set from a JSON file, as data, without code changes.

The file names the set (`key`, stable across revisions), says whose it is and lists the principles in
order, each with a stable `code` (so trends can follow a principle across revisions), a short `title`
(table headings and import columns) and an optional `description`. See caseaudits/frameworks/*.json.

Loading never changes a revision that audits have used: a changed set becomes the next revision (and
the current one, if the set it revises was current); an unused revision is simply brought up to date.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from caseaudits.models import Framework, Principle

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FrameworkFileError(ValueError):
    """The file is not a usable principle set; the message lists every problem found."""


@dataclass(frozen=True)
class FrameworkSpec:
    key: str
    title: str
    partnership: str
    source: str
    description: str
    principles: tuple  # ((code, title, description), ...) in order

    def matches(self, framework) -> bool:
        """Whether a stored revision already says exactly this."""
        stored = tuple((p.code, p.title, p.description) for p in framework.principles.order_by("number"))
        return (framework.title, framework.partnership, framework.source, framework.description, stored) == (
            self.title,
            self.partnership,
            self.source,
            self.description,
            self.principles,
        )


def _text(data, name, problems, *, required=True, max_length=None, where=""):
    value = data.get(name, "") if isinstance(data, dict) else ""
    if not isinstance(value, str):
        problems.append(f"{where}'{name}' must be text.")
        return ""
    value = value.strip()
    if required and not value:
        problems.append(f"{where}'{name}' is missing.")
    elif max_length and len(value) > max_length:
        problems.append(f"{where}'{name}' is longer than {max_length} characters.")
    return value


def parse_framework(data) -> FrameworkSpec:
    """Check a decoded JSON document and return the set it describes; FrameworkFileError lists the problems."""
    if not isinstance(data, dict):
        raise FrameworkFileError("The file must hold one JSON object with 'key', 'title' and 'principles'.")
    problems = []
    key = _text(data, "key", problems, max_length=80)
    if key and not SLUG.match(key):
        problems.append("'key' must be lower-case letters, digits and hyphens, e.g. doncaster-principles.")
    title = _text(data, "title", problems, max_length=200)
    partnership = _text(data, "partnership", problems, max_length=100)
    source = _text(data, "source", problems, required=False, max_length=300)
    description = _text(data, "description", problems, required=False)
    items = data.get("principles")
    principles, codes = [], set()
    if not isinstance(items, list) or not items:
        problems.append("'principles' must be a list with at least one principle.")
        items = []
    for number, item in enumerate(items, start=1):
        where = f"Principle {number}: "
        if not isinstance(item, dict):
            problems.append(f"{where}must be an object with 'code' and 'title'.")
            continue
        code = _text(item, "code", problems, max_length=60, where=where)
        if code and not SLUG.match(code):
            problems.append(f"{where}'code' must be lower-case letters, digits and hyphens.")
        if code in codes:
            problems.append(f"{where}the code '{code}' is used twice.")
        codes.add(code)
        principle_title = _text(item, "title", problems, max_length=120, where=where)
        principles.append((code, principle_title, _text(item, "description", problems, required=False, where=where)))
    if problems:
        raise FrameworkFileError("\n".join(problems))
    return FrameworkSpec(key, title, partnership, source, description, tuple(principles))


def read_framework_file(path) -> FrameworkSpec:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameworkFileError(f"There is no file at {path}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise FrameworkFileError(f"{path} is not valid JSON: {problem}") from None
    return parse_framework(data)


@transaction.atomic
def load_framework(spec: FrameworkSpec, *, make_current=False):
    """Store the set; returns (framework revision, what happened: created/unchanged/updated/revised)."""
    latest = Framework.objects.filter(key=spec.key).order_by("-revision").first()
    fields = {
        "title": spec.title,
        "partnership": spec.partnership,
        "source": spec.source,
        "description": spec.description,
    }
    if latest is None:
        framework, outcome = Framework.objects.create(key=spec.key, revision=1, **fields), "created"
    elif spec.matches(latest):
        framework, outcome = latest, "unchanged"
    elif not latest.is_used:
        Framework.objects.filter(pk=latest.pk).update(**fields)
        latest.principles.all().delete()
        framework, outcome = latest, "updated"
    else:
        framework = Framework.objects.create(key=spec.key, revision=latest.revision + 1, **fields)
        outcome = "revised"
        make_current = make_current or latest.is_current
    if outcome != "unchanged":
        Principle.objects.bulk_create(
            Principle(framework=framework, number=number, code=code, title=title, description=description)
            for number, (code, title, description) in enumerate(spec.principles, start=1)
        )
    if make_current or not Framework.objects.filter(is_current=True).exists():
        make_framework_current(framework)
    framework.refresh_from_db()
    return framework, outcome


def make_framework_current(framework):
    """New audits will be judged against this revision."""
    Framework.objects.filter(is_current=True).exclude(pk=framework.pk).update(is_current=False)
    Framework.objects.filter(pk=framework.pk).update(is_current=True)
