"""The framework kit: what every framework (pledges, schools commitments, EHA principles, maturity model,
offer checklist, and any framework added later) is made of, how it freezes and how it loads.

A framework is data. Each version is a row of a model built on `VersionedFramework` (slug, version, title,
source, description, is_current, created); its parts (commitments, outcomes, principles, strands, levels,
sections, pledges...) are models built on `FrameworkPart`, each naming the way to its framework.

**The freeze lives here, and only here.** A version that a response uses (an audit, a round, a signature...:
the relations each framework names in `used_by`) is frozen: saving any change to it or to any of its parts,
or deleting either, raises `FrameworkInUse`; the one thing that may still change is `is_current`, which
says which version new responses use. Queryset `update()` and `delete()` are guarded the same way. A
revision is loaded as a new version, so every past response keeps the version it answered.

**Loading** (`load`): a file holds one framework, in one vocabulary: `slug` (names the framework across its
versions), `version` (optional), `title`, `source`, `description`, then the framework's own parts. Every
problem is collected, each naming its place in the file ("commitments[2].outcomes[1].text: required"), and
nothing is stored unless there are none. The policy is the same for every framework:

- a slug never loaded before is *created* (as `version`, or 1);
- content identical to the latest version (or to the version the file names) is *unchanged*;
- any other content is a *new version* (the latest + 1, or the version the file names, which must be new
  and above the latest). A stored version is never edited in place.

A loaded version becomes current when asked to (`make_current`, the load commands' `--make-current`) or
when no version of that framework kind is current yet; otherwise what is current stays current.

Each feature app describes its framework in its `framework_kind.py` (a `FrameworkKind` registered with
`@register`): how to read its parts from a file, how to store them, how to read them back.
"""

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps as django_apps
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.db.models import Q
from django.utils.module_loading import autodiscover_modules

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FILE_BYTES = 512 * 1024


class FrameworkInUse(Exception):
    """A framework version that responses use cannot change; load a new version instead."""


def _in_use_message(framework):
    return f"{framework} is in use; load a new version to change it."


# --------------------------------------------------------------------------------------------------
# The models


class FrameworkQuerySet(models.QuerySet):
    def current(self):
        """The version new responses use (None before any is current)."""
        return self.filter(is_current=True).first()

    def latest(self, slug):
        """The highest version of one framework (None if the slug was never loaded)."""
        return self.filter(slug=slug).order_by("-version").first()

    def in_use(self):
        """The versions some response uses (all of them, for a framework whose responses copy its words)."""
        used_by = self.model.used_by
        if not used_by:
            return self.all()
        condition = Q()
        for relation in used_by:
            condition |= Q(**{f"{relation}__isnull": False})
        return self.filter(condition).distinct()

    def update(self, **kwargs):
        if set(kwargs) - self.model.MUTABLE_WHEN_USED:
            used = self.model.objects.filter(pk__in=self.values("pk")).in_use().first()
            if used is not None:
                raise FrameworkInUse(_in_use_message(used))
        return super().update(**kwargs)

    def delete(self):
        used = self.model.objects.filter(pk__in=self.values("pk")).in_use().first()
        if used is not None:
            raise FrameworkInUse(_in_use_message(used))
        return super().delete()


class VersionedFramework(models.Model):
    """One version of a framework. Subclasses name the responses that freeze it in `used_by`."""

    slug = models.SlugField(max_length=100, help_text="Names the framework across its versions.")
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=200)
    source = models.CharField(max_length=300, blank=True, help_text="Where the wording comes from.")
    description = models.TextField(blank=True)
    is_current = models.BooleanField(default=False, help_text="New responses use the current version.")
    created = models.DateTimeField(auto_now_add=True)

    objects = FrameworkQuerySet.as_manager()

    # Reverse relations whose rows use a version (e.g. ("audits",)). Empty: the responses copy the
    # framework's words rather than point at it, so every stored version counts as used.
    used_by: tuple = ()
    # What may change on a version in use: which version new responses use.
    MUTABLE_WHEN_USED = frozenset({"is_current"})

    class Meta:
        abstract = True
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="%(app_label)s_%(class)s_unique_version"),
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="%(app_label)s_%(class)s_one_current"
            ),
        ]

    def __str__(self):
        return f"{self.title} (version {self.version})"

    def is_in_use(self) -> bool:
        if not self.pk:
            return False
        if not self.used_by:
            return True
        return any(self._responses(relation).exists() for relation in self.used_by)

    def _responses(self, relation):
        """The rows of one `used_by` relation that use this version. A relation may be a path through a part:
        an indicator set's returns hang off its indicators ("indicators__returns")."""
        if "__" not in relation:
            return getattr(self, relation).all()
        model, back = type(self), []
        for name in relation.split("__"):
            reverse = model._meta.get_field(name)
            back.insert(0, reverse.remote_field.name)
            model = reverse.related_model
        return model._default_manager.filter(**{"__".join(back): self})

    def count_responses(self) -> int | None:
        """How many responses use this version (None: responses copy its words, so all count as used)."""
        if not self.used_by:
            return None
        return sum(self._responses(relation).count() for relation in self.used_by)

    def save(self, *args, **kwargs):
        if self.pk and self.is_in_use():
            stored = type(self)._base_manager.filter(pk=self.pk).first()
            if stored is not None:
                changed = {
                    f.name for f in self._meta.concrete_fields if getattr(stored, f.attname) != getattr(self, f.attname)
                }
                if changed - self.MUTABLE_WHEN_USED:
                    raise FrameworkInUse(_in_use_message(stored))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_in_use():
            raise FrameworkInUse(_in_use_message(self))
        return super().delete(*args, **kwargs)

    @transaction.atomic
    def make_current(self):
        """New responses use this version from now on (allowed whether or not it is in use)."""
        model = type(self)
        model.objects.filter(is_current=True).exclude(pk=self.pk).update(is_current=False)
        model.objects.filter(pk=self.pk).update(is_current=True)
        self.is_current = True


class FrameworkPartQuerySet(models.QuerySet):
    def _refuse_if_in_use(self):
        path = self.model.framework_path.replace(".", "__")
        framework_model = self.model.framework_model()
        used = framework_model.objects.filter(pk__in=self.values(f"{path}__pk")).in_use().first()
        if used is not None:
            raise FrameworkInUse(_in_use_message(used))

    def update(self, **kwargs):
        self._refuse_if_in_use()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_if_in_use()
        return super().delete()


class FrameworkPart(models.Model):
    """A part of a framework version (an item, outcome, strand, level...): frozen with its framework.

    `framework_path` is the way from the part to its framework, e.g. "commitment.framework".
    """

    framework_path = "framework"

    objects = FrameworkPartQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def framework_model(cls):
        model = cls
        for name in cls.framework_path.split("."):
            model = model._meta.get_field(name).related_model
        return model

    def get_framework(self):
        node = self
        for name in self.framework_path.split("."):
            if getattr(node, f"{name}_id", None) is None:
                return None
            node = getattr(node, name)
        return node

    def _refuse_if_in_use(self):
        framework = self.get_framework()
        if framework is not None and framework.is_in_use():
            raise FrameworkInUse(_in_use_message(framework))

    def save(self, *args, **kwargs):
        self._refuse_if_in_use()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_in_use()
        return super().delete(*args, **kwargs)


# --------------------------------------------------------------------------------------------------
# Reading a file: one problems collector


class FrameworkFileError(ValueError):
    """The file is not a usable framework; `problems` lists every reason, each naming its place."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class Problems:
    """Collects what is wrong with a file, each problem named by its place, e.g. 'pledges[3].title'."""

    def __init__(self):
        self.found = []

    def add(self, where, message):
        self.found.append(f"{where}: {message}" if where else message)

    def raise_if_any(self):
        if self.found:
            raise FrameworkFileError(self.found)

    @staticmethod
    def place(where, key):
        return f"{where}.{key}" if where else key

    def text(self, data, key, where="", *, required=True, max_length=None, default=""):
        """A trimmed text field of `data` (an object), or '' after noting the problem."""
        place = self.place(where, key)
        value = data.get(key, default)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(place, "must be text")
            return ""
        value = value.strip()
        if required and not value:
            self.add(place, "required")
        elif max_length and len(value) > max_length:
            self.add(place, f"must be {max_length} characters or fewer")
        return value

    def slug(self, data, key, where="", *, max_length=100, required=True):
        value = self.text(data, key, where, required=required, max_length=max_length)
        if value and not SLUG.match(value):
            self.add(self.place(where, key), "use lower-case letters, digits and hyphens, e.g. 'doncaster-2020'")
        return value

    def whole_number(self, data, key, where="", *, required=False, default=None):
        value = data.get(key, default)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.add(self.place(where, key), "must be a whole number, 1 or more")
            return None
        return value

    def flag(self, data, key, where="", *, default=False):
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.add(self.place(where, key), "must be true or false")
            return default
        return value

    def choice(self, data, key, choices, where="", *, default):
        value = data.get(key) or default
        if value not in choices:
            self.add(self.place(where, key), f"must be one of {', '.join(choices)}")
            return default
        return value

    def _entries(self, data, key, where, of):
        """[(place, entry)] of a list (none after noting the problem when it is not a list)."""
        place = self.place(where, key)
        items = data.get(key, [])
        if not isinstance(items, list):
            self.add(place, f"must be a list{of}")
            return place, []
        return place, [(f"{place}[{index}]", item) for index, item in enumerate(items)]

    def objects(self, data, key, where="", *, at_least=1):
        """[(place, object)] for a list of objects; problems for a missing list or a non-object entry."""
        place, entries = self._entries(data, key, where, "")
        if isinstance(data.get(key, []), list) and len(entries) < at_least:
            self.add(place, "required" if at_least == 1 else f"list at least {at_least}")
        for entry_place, item in entries:
            if not isinstance(item, dict):
                self.add(entry_place, "must be an object")
        return [(entry_place, item) for entry_place, item in entries if isinstance(item, dict)]

    def texts(self, data, key, where="", *, max_length=400):
        """A list of trimmed texts (may be empty)."""
        found = []
        for entry_place, item in self._entries(data, key, where, " of texts")[1]:
            if not isinstance(item, str) or not item.strip():
                self.add(entry_place, "must be non-empty text")
            elif len(item.strip()) > max_length:
                self.add(entry_place, f"must be {max_length} characters or fewer")
            else:
                found.append(item.strip())
        return found

    def unique(self, list_name, items, key, *, compare=None):
        """Note every repeated value of `key` among the parts read from the file's list `list_name`, each at
        its place ("pledges[3].number"); `compare` makes the values that count as the same equal (e.g. case)."""
        seen = set()
        for i, item in enumerate(items):
            value = item[key] if compare is None else compare(item[key])
            if value and value in seen:
                self.add(self.place(f"{list_name}[{i}]", key), f"'{value}' is used twice")
            seen.add(value)


def decode(raw, name="The file") -> object:
    """JSON from bytes or text, or FrameworkFileError."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise FrameworkFileError([f"The file is too big; the largest accepted is {MAX_FILE_BYTES // 1024} KB."])
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FrameworkFileError([f"{name} is not valid JSON: it is not UTF-8 text."]) from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as problem:
        raise FrameworkFileError(
            [f"{name} is not valid JSON (line {problem.lineno}, column {problem.colno}: {problem.msg})."]
        ) from None


def read_file(file) -> object:
    """The decoded JSON of a path or an uploaded file."""
    if isinstance(file, (str, Path)):
        try:
            raw = Path(file).read_bytes()
        except OSError as problem:
            raise FrameworkFileError([f"Cannot read {file}: {problem.strerror or problem}."]) from None
        return decode(raw, str(file))
    if getattr(file, "size", 0) and file.size > MAX_FILE_BYTES:
        raise FrameworkFileError([f"The file is too big; the largest accepted is {MAX_FILE_BYTES // 1024} KB."])
    return decode(file.read())


# --------------------------------------------------------------------------------------------------
# One kind of framework, and the registry of them


@dataclass(frozen=True)
class FrameworkFile:
    """A checked file: the header (slug, version, title, source, description and the kind's own header
    fields) and the parts, in the shape the kind reads back from a stored version."""

    slug: str
    version: int | None
    header: dict
    parts: dict

    def content(self):
        return (self.header, self.parts)


class FrameworkKind:
    """What one framework is: its model, its own header fields, its parts. Subclass in an app's
    framework_kind.py and decorate with `@register(...)`, which sets the names below."""

    key = ""  # in URLs, e.g. "commitments"
    label = ""  # e.g. "Schools Early Help commitments"
    model_label = ""  # e.g. "audits.Framework"
    command = ""  # the load command, e.g. "load_commitments_framework"
    response_label = "responses"  # what uses a version, e.g. "audits"
    examples = None  # the folder of example files: the app's frameworks/
    # Header fields beyond the common ones: {name: (required, max_length or None)}.
    extra_header = {}

    def model(self):
        return django_apps.get_model(self.model_label)

    def read_parts(self, problems: Problems, data: dict) -> dict:
        """Check the parts in a decoded file; return them in the shape `parts_of` returns."""
        raise NotImplementedError

    def parts_of(self, framework) -> dict:
        raise NotImplementedError

    def create_parts(self, framework, parts: dict):
        """Store the parts of a new version (with bulk_create: the new version has no responses yet)."""
        raise NotImplementedError

    def summary(self, framework) -> str:
        """A short count of the parts, e.g. '4 commitments, 20 outcomes'."""
        return ""

    def header_of(self, framework) -> dict:
        names = ["title", "source", "description", *self.extra_header]
        return {name: getattr(framework, name) for name in names}

    def parse(self, data) -> FrameworkFile:
        if not isinstance(data, dict):
            raise FrameworkFileError(["The file must hold one framework (a JSON object with slug, title ...)."])
        problems = Problems()
        slug = problems.slug(data, "slug")
        version = problems.whole_number(data, "version")
        header = {
            "title": problems.text(data, "title", max_length=200),
            "source": problems.text(data, "source", required=False, max_length=300),
            "description": problems.text(data, "description", required=False),
        }
        for name, (required, max_length) in self.extra_header.items():
            header[name] = problems.text(data, name, required=required, max_length=max_length)
        parts = self.read_parts(problems, data)
        problems.raise_if_any()
        return FrameworkFile(slug=slug, version=version, header=header, parts=parts)

    def read(self, file) -> FrameworkFile:
        return self.parse(read_file(file))

    def content_of(self, framework):
        return (self.header_of(framework), self.parts_of(framework))


_kinds = {}
_discovered = False


def register(key, label, *, model, command, responses):
    """Class decorator: the kind's URL key, its label, its model ("app.Model"), its load command and
    what its responses are called. Example files are expected in the app's frameworks/ folder."""

    def add(kind_class):
        kind_class.key, kind_class.label, kind_class.model_label = key, label, model
        kind_class.command, kind_class.response_label = command, responses
        kind_class.examples = Path(sys.modules[kind_class.__module__].__file__).resolve().parent / "frameworks"
        _kinds[key] = kind_class()
        return kind_class

    return add


def kinds() -> list:
    """Every framework kind, in the order the apps are installed."""
    global _discovered
    if not _discovered:
        autodiscover_modules("framework_kind")
        _discovered = True
    return list(_kinds.values())


def kind(key) -> FrameworkKind | None:
    return {k.key: k for k in kinds()}.get(key)


# --------------------------------------------------------------------------------------------------
# Loading: one policy


OUTCOMES = {
    "created": "loaded as version {version}",
    "unchanged": "version {version} already says this; nothing changed",
    "new_version": "loaded as version {version}; earlier versions are kept as they were",
}


@dataclass(frozen=True)
class LoadResult:
    framework: object
    outcome: str  # created / unchanged / new_version

    def __str__(self):
        return f"{self.framework.title}: " + OUTCOMES[self.outcome].format(version=self.framework.version) + "."


@transaction.atomic
def load(kind: FrameworkKind, file: FrameworkFile, *, make_current=False) -> LoadResult:
    model = kind.model()
    versions = model.objects.filter(slug=file.slug)
    latest = versions.order_by("-version").first()
    compare_with = latest if file.version is None else versions.filter(version=file.version).first()
    if compare_with is not None and kind.content_of(compare_with) == file.content():
        framework, outcome = compare_with, "unchanged"
    else:
        if file.version is not None and (compare_with is not None or (latest and file.version < latest.version)):
            raise FrameworkFileError(
                [
                    f"version: {file.version} of '{file.slug}' is already loaded with other content (the latest "
                    f"is {latest.version}); a stored version never changes. Give a higher version or leave "
                    "'version' out to add the next one."
                ]
            )
        version = file.version or ((latest.version + 1) if latest else 1)
        framework = model.objects.create(slug=file.slug, version=version, **file.header)
        kind.create_parts(framework, file.parts)
        outcome = "created" if latest is None else "new_version"
    if make_current or not model.objects.filter(is_current=True).exists():
        framework.make_current()
    return LoadResult(framework, outcome)


# --------------------------------------------------------------------------------------------------
# The load commands


class LoadFrameworkCommand(BaseCommand):
    """`manage.py load_* FILE [--make-current]`: each app's command only names its kind.

    One flag meaning for every framework: a loaded version becomes current only with --make-current
    (or when nothing of its kind is current yet, as in a new database).
    """

    kind_key = ""

    @property
    def help(self):
        framework_kind = kind(self.kind_key)
        return (
            f"Load a {framework_kind.label} framework from a JSON file (examples in {framework_kind.examples}). "
            "A stored version never changes: changed content becomes a new version."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The framework's JSON file.")
        parser.add_argument("--make-current", action="store_true", help="New responses use this version from now on.")

    def handle(self, *args, file, make_current=False, **options):
        framework_kind = kind(self.kind_key)
        try:
            result = load(framework_kind, framework_kind.read(file), make_current=make_current)
        except FrameworkFileError as problem:
            raise CommandError(f"{file} was not loaded:\n- " + "\n- ".join(problem.problems)) from None
        framework = result.framework
        summary = framework_kind.summary(framework)
        self.stdout.write(f"{result}" + (f" ({summary})" if summary else ""))
        self.stdout.write("It is the current version." if framework.is_current else "The current version is unchanged.")
