"""Load a maturity framework from a JSON file: another partnership's (or a later national) framework
arrives as data, with no code change. Example files ship in `maturity/frameworks/`.

The file format:
    {"slug": "stmm", "version": 1, "name": "...", "description": "...", "source": "...",
     "levels": [{"name": "Early", "description": "..."}, ...],              lowest first, at least 2
     "strands": [{"key": "leadership", "name": "Leadership", "short_name": "Leadership",
                  "summary": "...", "scope": ["descriptor", "descriptor"]}, ...]}

Versioning: a version that a round has been rated against is never changed. Loading different content
under a used version is refused; leave "version" out to add the content as the next version (or to
find it already loaded).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from .models import Framework, Level, Strand

EXAMPLES_DIR = Path(__file__).resolve().parent / "frameworks"
MAX_FILE_BYTES = 512 * 1024


class FrameworkFileError(ValueError):
    """The file is not a usable framework; `problems` lists every reason, each a sentence."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


@dataclass(frozen=True)
class StrandSpec:
    key: str
    name: str
    short_name: str
    summary: str
    scope: tuple


@dataclass(frozen=True)
class FrameworkSpec:
    slug: str
    version: int | None
    name: str
    description: str
    source: str
    levels: tuple  # ((name, description), ...) lowest first
    strands: tuple  # (StrandSpec, ...)

    def content(self):
        """Everything except the version number: what must not change once a version is used."""
        return (self.name, self.description, self.source, self.levels, self.strands)


def _text(value, limit=None):
    text = " ".join(str(value).split()) if value is not None else ""
    return text[:limit] if limit else text


def parse_framework(data) -> FrameworkSpec:
    """Check a decoded JSON document and turn it into a FrameworkSpec (no database access)."""
    if not isinstance(data, dict):
        raise FrameworkFileError(["The file must hold one JSON object with name, levels and strands."])
    problems = []
    name = _text(data.get("name"))
    if not name:
        problems.append("Give the framework a name.")
    elif len(name) > 200:
        problems.append("The framework name must be 200 characters or fewer.")
    slug = slugify(data.get("slug") or name)[:80]
    version = data.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool) or version < 1):
        problems.append("The version must be a whole number, 1 or more (or leave it out).")

    levels = []
    raw_levels = data.get("levels")
    if not isinstance(raw_levels, list) or len(raw_levels) < 2:
        problems.append("List at least two levels, lowest first.")
        raw_levels = []
    for index, level in enumerate(raw_levels, start=1):
        level = level if isinstance(level, dict) else {"name": level}
        level_name = _text(level.get("name"))
        if not level_name or len(level_name) > 60 or "/" in level_name:
            problems.append(f"Level {index} needs a name of up to 60 characters, without '/'.")
        levels.append((level_name, _text(level.get("description"))))
    level_names = [n.lower() for n, _ in levels]
    if len(set(level_names)) != len(level_names):
        problems.append("Two levels have the same name.")

    strands = []
    raw_strands = data.get("strands")
    if not isinstance(raw_strands, list) or not raw_strands:
        problems.append("List at least one strand.")
        raw_strands = []
    for index, strand in enumerate(raw_strands, start=1):
        if not isinstance(strand, dict) or not _text(strand.get("name")):
            problems.append(f"Strand {index} needs a name.")
            continue
        strand_name = _text(strand["name"])
        scope = strand.get("scope") or []
        if isinstance(scope, str):
            scope = [scope]
        if len(strand_name) > 200:
            problems.append(f"Strand {index}: the name must be 200 characters or fewer.")
        strands.append(
            StrandSpec(
                key=slugify(strand.get("key") or strand_name)[:80],
                name=strand_name,
                short_name=_text(strand.get("short_name") or strand_name, 40),
                summary=_text(strand.get("summary")),
                scope=tuple(_text(item) for item in scope if _text(item)),
            )
        )
    keys = [s.key for s in strands]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        problems.append(f"Strand keys must be unique; repeated: {', '.join(duplicates)}.")
    if problems:
        raise FrameworkFileError(problems)
    return FrameworkSpec(
        slug=slug,
        version=version,
        name=name,
        description=_text(data.get("description")),
        source=_text(data.get("source")),
        levels=tuple(levels),
        strands=tuple(strands),
    )


def read_framework_file(file) -> FrameworkSpec:
    """Parse a path or an uploaded file."""
    if isinstance(file, (str, Path)):
        raw = Path(file).read_bytes()
    else:
        if getattr(file, "size", 0) > MAX_FILE_BYTES:
            raise FrameworkFileError([f"The file is too big; the largest accepted is {MAX_FILE_BYTES // 1024} KB."])
        raw = file.read()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise FrameworkFileError([f"The file is not valid JSON ({problem})."]) from problem
    return parse_framework(data)


def spec_of(framework) -> FrameworkSpec:
    """The spec a stored framework version was loaded from, to compare with a file."""
    return FrameworkSpec(
        slug=framework.slug,
        version=framework.version,
        name=framework.name,
        description=framework.description,
        source=framework.source,
        levels=tuple((level.name, level.description) for level in framework.levels.all()),
        strands=tuple(
            StrandSpec(s.key, s.name, s.short_name, s.summary, tuple(s.scope_items)) for s in framework.strands.all()
        ),
    )


@dataclass(frozen=True)
class LoadResult:
    framework: Framework
    outcome: str  # "created", "updated" or "unchanged"

    def __str__(self):
        verb = {"created": "Loaded", "updated": "Updated (not yet used)", "unchanged": "Already loaded"}[self.outcome]
        return (
            f"{verb}: {self.framework.name}, version {self.framework.version} "
            f"({self.framework.strands.count()} strands, {self.framework.levels.count()} levels)."
        )


@transaction.atomic
def load_framework(spec: FrameworkSpec) -> LoadResult:
    versions = Framework.objects.filter(slug=spec.slug)
    if spec.version is None:
        latest = versions.order_by("-version").first()
        if latest is not None and spec_of(latest).content() == spec.content():
            return LoadResult(latest, "unchanged")
        return LoadResult(_create(spec, (latest.version + 1) if latest else 1), "created")
    existing = versions.filter(version=spec.version).first()
    if existing is None:
        return LoadResult(_create(spec, spec.version), "created")
    if spec_of(existing).content() == spec.content():
        return LoadResult(existing, "unchanged")
    used = existing.rounds.count()
    if used:
        raise FrameworkFileError(
            [
                f"Version {existing.version} of '{existing.slug}' has been used by {used} "
                f"round{'s' if used != 1 else ''}, so it cannot be changed. Load the revision as a new "
                f"version (give a higher version number, or leave the version out)."
            ]
        )
    existing.levels.all().delete()
    existing.strands.all().delete()
    existing.name, existing.description, existing.source = spec.name, spec.description, spec.source
    existing.save()
    _add_parts(existing, spec)
    return LoadResult(existing, "updated")


def _create(spec, version):
    framework = Framework.objects.create(
        slug=spec.slug, version=version, name=spec.name, description=spec.description, source=spec.source
    )
    _add_parts(framework, spec)
    return framework


def _add_parts(framework, spec):
    Level.objects.bulk_create(
        Level(framework=framework, position=i, name=name, description=description)
        for i, (name, description) in enumerate(spec.levels, start=1)
    )
    Strand.objects.bulk_create(
        Strand(
            framework=framework,
            key=s.key,
            position=i,
            name=s.name,
            short_name=s.short_name,
            summary=s.summary,
            scope="\n".join(s.scope),
        )
        for i, s in enumerate(spec.strands, start=1)
    )
