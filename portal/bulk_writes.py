"""Writing many new rows at once, with what a row-by-row save would have done around them.

`Model.objects.bulk_create` sends no signals, so the two things the signals do for a new record are done
here, in batches: the audit trail gets one "created" entry per record (the same entry django-auditlog
writes on a save, with the actor of the request), and the search index gets the records in one bulk add.
The number of queries depends on the number of batches, not of rows.
"""

from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed

BATCH = 500


def create_all(model, instances, *, batch_size=BATCH):
    """bulk_create `instances` (their primary keys set afterwards), log them and index them."""
    instances = model.objects.bulk_create(instances, batch_size=batch_size)
    log_created(model, instances)
    index_created(model, instances)
    return instances


def log_created(model, instances):
    """One audit-trail "create" entry per record, written together, as django-auditlog would on save."""
    if not instances or not auditlog.contains(model) or auditlog_disabled.get():
        return
    content_type = ContentType.objects.get_for_model(model)
    cid = get_cid()
    # A new record's reverse one-to-ones are empty, so they add nothing to its diff; leaving them out
    # saves the diff a query per record and relation.
    stored = [field.name for field in model._meta.concrete_fields]
    entries = []
    for instance in instances:
        changes = model_instance_diff(
            None, instance, fields_to_check=stored, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES
        )
        entries.append(
            LogEntry(
                content_type=content_type,
                object_pk=str(instance.pk),
                object_id=instance.pk if isinstance(instance.pk, int) else None,
                object_repr=smart_str(instance),
                action=LogEntry.Action.CREATE,
                changes=changes,
                cid=cid,
                serialized_data=LogEntry.objects._get_serialized_data_or_none(instance),
            )
        )
        # The actor, address and extra data of the request come from auditlog's own pre_save receiver,
        # connected only while its context (AuditlogMiddleware, set_actor) is open; nothing is saved here.
        pre_save.send(sender=LogEntry, instance=entries[-1], raw=False, using="default", update_fields=None)
    LogEntry.objects.bulk_create(entries, batch_size=BATCH)


def index_created(model, instances):
    """Add new records to every auto-updating search backend in bulk, not one by one."""
    if not instances or not class_is_indexed(model) or not getattr(model, "search_auto_update", True):
        return
    for backend in get_search_backends(with_auto_update=True):
        for offset in range(0, len(instances), BATCH):
            backend.add_bulk(model, instances[offset : offset + BATCH])
