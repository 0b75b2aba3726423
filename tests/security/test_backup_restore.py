"""Back up everything, restore into an empty database, and find every record again."""

import hashlib

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from portal.backup import backed_up_models


def fingerprint():
    """{model label: (row count, digest of every row)} over everything a backup covers.

    Rows are compared in serialised form with natural keys, so that content types and permissions,
    which `migrate` recreates with new ids, compare by what they are rather than by id.
    """
    result = {}
    for model in backed_up_models():
        rows = serializers.serialize("python", model.objects.order_by("pk"), use_natural_foreign_keys=True)
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        result[model._meta.label_lower] = (len(rows), digest)
    return result


# Emptying the database makes `migrate`'s content types come back under new ids, which the process
# caches; the test therefore runs after every other test of its session (see tests/conftest.py).
@pytest.mark.rebuilds_database
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_every_record_into_an_empty_database(tmp_path, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    default_storage.save("documents/offer-leaflet.txt", ContentFile(b"Early Help leaflet"))
    before = fingerprint()
    assert before["portal.organisation"][0] >= 60 and before["portal.user"][0] >= 8

    backup = tmp_path / "portal.zip"
    call_command("backup_portal", out=str(backup))

    call_command("flush", interactive=False)  # an empty database: every table emptied
    default_storage.delete("documents/offer-leaflet.txt")
    assert fingerprint()["portal.organisation"][0] == 0

    call_command("restore_portal", str(backup))
    after = fingerprint()
    missing = {label: (before[label], after.get(label)) for label in before if before[label] != after.get(label)}
    assert not missing, missing
    with default_storage.open("documents/offer-leaflet.txt") as restored:
        assert restored.read() == b"Early Help leaflet"


@pytest.mark.django_db
def test_restore_refuses_a_database_that_holds_data(tmp_path, agency):
    backup = tmp_path / "portal.zip"
    call_command("backup_portal", out=str(backup))
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore_portal", str(backup))


def test_backup_covers_every_app_that_holds_partnership_data():
    labels = {model._meta.app_label for model in backed_up_models()}
    for app in ("portal", "home", "wagtailcore"):
        assert app in labels
    assert not any(model._meta.label_lower == "sessions.session" for model in backed_up_models())
    assert apps.get_model("axes", "AccessAttempt") not in set(backed_up_models())
