"""Load a suggested-provision checklist from a JSON file (the data migration and `load_offer_checklist`).

The file format (see home/checklists/leicester-2019.json, the shipped example):

    {"name": "...", "slug": "a-new-slug-per-version", "source": "...",
     "areas":     [{"slug", "name", "description", "primary": [...], "secondary": [...], "outcomes": [...]}],
     "audiences": [{"slug", "name", "description", "routes": [...], "key_staff": [...]}]}

A loaded checklist is never changed: a revised list is a new file with a new slug.
"""

import json
import re
from pathlib import Path

from django.db import transaction

LEICESTER_FILE = Path(__file__).resolve().parent / "checklists" / "leicester-2019.json"

# top-level key -> (section kind, the item lists each section has)
SECTION_LISTS = {
    "areas": ("area", ("primary", "secondary", "outcomes")),
    "audiences": ("audience", ("routes", "key_staff")),
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ChecklistFileError(ValueError):
    """The file cannot be loaded; the message says where and why."""


def _text(value, where, problems, max_length, required=True):
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where}: must be {'non-empty ' if required else ''}text.")
    elif len(value) > max_length:
        problems.append(f"{where}: must be {max_length} characters or fewer.")


def checklist_problems(data) -> list:
    """Every problem in the file's content, each naming where it is (e.g. 'areas[2].primary[4]')."""
    if not isinstance(data, dict):
        return ["The file must hold one JSON object."]
    problems = []
    _text(data.get("name"), "name", problems, 200)
    _text(data.get("source", ""), "source", problems, 300, required=False)
    slug = data.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > 100:
        problems.append("slug: use lower-case letters, digits and hyphens, e.g. 'doncaster-2020'.")
    if not data.get("areas") and not data.get("audiences"):
        problems.append("The file must list some 'areas' or 'audiences'.")
    for key, (_kind, lists) in SECTION_LISTS.items():
        sections = data.get(key, [])
        if not isinstance(sections, list):
            problems.append(f"{key}: must be a list.")
            continue
        seen = set()
        for i, section in enumerate(sections):
            where = f"{key}[{i}]"
            if not isinstance(section, dict):
                problems.append(f"{where}: must be an object.")
                continue
            section_slug = section.get("slug")
            if not isinstance(section_slug, str) or not SLUG.match(section_slug) or len(section_slug) > 60:
                problems.append(f"{where}.slug: use lower-case letters, digits and hyphens.")
            elif section_slug in seen:
                problems.append(f"{where}.slug: '{section_slug}' is used twice.")
            seen.add(section_slug)
            _text(section.get("name"), f"{where}.name", problems, 120)
            _text(section.get("description", ""), f"{where}.description", problems, 1000, required=False)
            for list_name in lists:
                items = section.get(list_name, [])
                if not isinstance(items, list):
                    problems.append(f"{where}.{list_name}: must be a list of text.")
                    continue
                for j, item in enumerate(items):
                    _text(item, f"{where}.{list_name}[{j}]", problems, 300)
    return problems


def read_checklist(path) -> dict:
    """The parsed, checked content of a checklist file, or ChecklistFileError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ChecklistFileError(f"Cannot read {path}: {error.strerror or error}.") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ChecklistFileError(f"{path} is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}.")
    problems = checklist_problems(data)
    if problems:
        raise ChecklistFileError("The checklist file has problems:\n" + "\n".join(f"- {p}" for p in problems))
    return data


@transaction.atomic
def load_checklist(data, *, make_current=False, models=None):
    """Create the checklist from checked data. `models` = (Checklist, Section, Item), for data migrations."""
    if models is None:
        from home.models import ChecklistItem, ChecklistSection, ProvisionChecklist

        models = (ProvisionChecklist, ChecklistSection, ChecklistItem)
    Checklist, Section, Item = models
    if Checklist.objects.filter(slug=data["slug"]).exists():
        raise ChecklistFileError(
            f"A checklist with the slug '{data['slug']}' is already loaded. Loaded checklists are never changed: "
            "give the revised list a new slug."
        )
    checklist = Checklist.objects.create(name=data["name"], slug=data["slug"], source=data.get("source", ""))
    items = []
    for key, (kind, lists) in SECTION_LISTS.items():
        for order, spec in enumerate(data.get(key, [])):
            section = Section.objects.create(
                checklist=checklist, kind=kind, slug=spec["slug"], name=spec["name"],
                description=spec.get("description", ""), sort_order=order,
            )
            for list_name in lists:
                items += [
                    Item(section=section, group=list_name, text=text, sort_order=i)
                    for i, text in enumerate(spec.get(list_name, []))
                ]
    Item.objects.bulk_create(items)
    if make_current:
        Checklist.objects.exclude(pk=checklist.pk).filter(is_current=True).update(is_current=False)
        Checklist.objects.filter(pk=checklist.pk).update(is_current=True)
        checklist.is_current = True
    return checklist
