"""Writing many new rows at once, with what a row-by-row save would have done around them.

`Model.objects.bulk_create` sends no signals, so the two things the signals do for a new record are done
here, in batches: the audit trail gets one "created" entry per record (the same entry django-auditlog
writes on a save, with the actor of the request), and the search index gets the records in one bulk add.
The number of queries depends on the number of batches, not of rows.
"""

from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled
from auditlog.diff import get_field_value, get_mask_function, is_primitive, track_field
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


def _logged_fields(model):
    """The fields auditlog records for `model`: stored ones (a new record's reverse relations are empty),
    tracked, within the model's include/exclude lists."""
    options = auditlog.get_model_fields(model)
    fields = [field for field in model._meta.concrete_fields if track_field(field)]
    if options["include_fields"]:
        fields = [field for field in fields if field.name in options["include_fields"]]
    use_json = settings.AUDITLOG_STORE_JSON_CHANGES
    # (field, its value "before" a creation, as auditlog's diff from nothing sees it)
    fields = [(field, get_field_value(None, field, use_json)) for field in fields]
    return [(field, before) for field, before in fields if field.name not in options["exclude_fields"]], options


def creation_changes(instance, fields, options):
    """What auditlog's diff from nothing gives for a new record ({field: [before, value]}), from its own
    get_field_value and masking, without re-deriving the field list for every record."""
    use_json = settings.AUDITLOG_STORE_JSON_CHANGES
    changes = {}
    for field, before in fields:
        value = get_field_value(instance, field, use_json)
        if value == before:
            continue  # auditlog leaves out what did not change
        if field.name in options["mask_fields"]:
            mask = get_mask_function(options.get("mask_callable"))
            changes[field.name] = [mask(smart_str(before)), mask(smart_str(value))]
        elif use_json:
            changes[field.name] = [
                before if is_primitive(before) else smart_str(before),
                value if is_primitive(value) else smart_str(value),
            ]
        else:
            changes[field.name] = [smart_str(before), smart_str(value)]
    return changes or None


def log_created(model, instances):
    """One audit-trail "create" entry per record, written together, as django-auditlog would on save."""
    if not instances or not auditlog.contains(model) or auditlog_disabled.get():
        return
    content_type = ContentType.objects.get_for_model(model)
    cid = get_cid()
    fields, options = _logged_fields(model)
    entries = []
    for instance in instances:
        entries.append(
            LogEntry(
                content_type=content_type,
                object_pk=str(instance.pk),
                object_id=instance.pk if isinstance(instance.pk, int) else None,
                object_repr=smart_str(instance),
                action=LogEntry.Action.CREATE,
                changes=creation_changes(instance, fields, options),
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
