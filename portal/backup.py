"""Back up and restore everything the portal holds: every database table and every uploaded file.

The backup is one zip: `data.pjson` (every model in Django's JSON form, times kept to the microsecond,
with natural keys for content types and permissions, so it restores into any freshly migrated
database, SQLite or PostgreSQL) and `media/...` (uploaded documents and images). For a large PostgreSQL deployment,
`pg_dump` is faster (see the README); this format is the portable one and the one the tests restore.
"""

import io
import json
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

# Rebuilt by `migrate` on the target database, or kept per server: never part of a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "wagtailsearch.indexentry"]
FORMAT_VERSION = 1


class RestoreRefused(Exception):
    pass


def backed_up_models():
    skip_apps = {e for e in EXCLUDED if "." not in e}
    skip_models = {e for e in EXCLUDED if "." in e}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in skip_apps or label in skip_models or model._meta.proxy:
            continue
        if not model._meta.managed:
            continue
        yield model


def create_backup(target) -> dict:
    """Write the backup zip to `target` (a path or file object); returns {model label: rows}."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        *[f"--exclude={e}" for e in EXCLUDED],
        natural_foreign=True,
        format="pjson",
        indent=None,
        stdout=out,
    )
    data = out.getvalue()
    counts = {}
    for item in json.loads(data):
        counts[item["model"]] = counts.get(item["model"], 0) + 1
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"format": FORMAT_VERSION, "counts": counts}, indent=1))
        archive.writestr("data.pjson", data)
        for name in _media_files():
            with default_storage.open(name) as handle:
                archive.writestr(f"media/{name}", handle.read())
    return counts


def _media_files(folder=""):
    try:
        folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _media_files(f"{folder}/{sub}" if folder else sub)


def database_is_empty() -> bool:
    """A database counts as empty when it holds no people and no organisations (a freshly migrated one)."""
    from portal.models import Organisation, User

    return not (User.objects.exists() or Organisation.objects.exists())


def restore_backup(source, *, force=False) -> dict:
    """Load a backup into this database. Refuses a database that already holds partnership data."""
    if not force and not database_is_empty():
        raise RestoreRefused(
            "This database already holds data. Restore into an empty, freshly migrated database "
            "(or pass --force to replace what is there)."
        )
    with zipfile.ZipFile(source) as archive, tempfile.TemporaryDirectory() as work:
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise RestoreRefused(f"Unknown backup format {manifest.get('format')!r}.")
        fixture = Path(work) / "data.pjson"
        fixture.write_bytes(archive.read("data.pjson"))
        media = [name for name in archive.namelist() if name.startswith("media/") and not name.endswith("/")]
        with transaction.atomic():
            _clear_scaffolding()
            call_command("loaddata", str(fixture), verbosity=0)
            for name in media:
                relative = name[len("media/") :]
                if default_storage.exists(relative):
                    default_storage.delete(relative)
                default_storage.save(relative, io.BytesIO(archive.read(name)))
    return manifest["counts"]


def _clear_scaffolding():
    """Remove what `migrate` created (Wagtail's root page, default site...) so the backup's own rows
    take their place without clashing on unique paths and host names."""
    for label in ("wagtailcore.Site", "wagtailcore.Page", "wagtailcore.Collection", "wagtailcore.Locale"):
        model = apps.get_model(label)
        model.objects.all().delete()
