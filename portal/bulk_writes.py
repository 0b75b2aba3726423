"""Writing many new rows at once, with what a row-by-row save would have done around them.

`Model.objects.bulk_create` sends no signals, so the two things the signals do for a new record are done
here, in bulk: the audit trail gets one "created" entry per record (the same entry django-auditlog writes
on a save, with the actor of the request), written in one statement, and the search index gets the records
in one statement too (portal.bulk_index). The number of queries depends on the number of batches of the
records' own insert, not on the number of rows.
"""

import contextlib
import operator

from auditlog.cid import get_cid
from auditlog.context import auditlog_disabled
from auditlog.diff import get_field_value, get_mask_function, is_primitive, track_field
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router
from django.db.models.signals import pre_save
from django.utils.encoding import smart_str
from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed

from portal.bulk_index import add_new_records

BATCH = 500


def create_all(model, instances, *, batch_size=BATCH):
    """bulk_create `instances` (their primary keys set afterwards), log them and index them."""
    instances = model.objects.bulk_create(instances, batch_size=batch_size)
    log_created(model, instances)
    index_created(model, instances)
    return instances


class CreationDiff:
    """What auditlog's diff from nothing gives for a new record of `model` ({field: [before, value]}), as
    `diff(instance)`, with the field list, masking and value types worked out once for the model.

    The fields are those auditlog records: stored ones (a new record's reverse relations are empty),
    tracked, within the model's include/exclude lists, each with its value "before" a creation as auditlog
    sees it. Text and whole numbers kept as JSON go into an entry as they are (str, int or None), read from
    a record in one call; the other fields (dates and times, relations, masked ones) take auditlog's own
    steps, with the choice among them made once per field (_reader)."""

    def __init__(self, model):
        self.options = options = auditlog.get_model_fields(model)
        self.use_json = use_json = settings.AUDITLOG_STORE_JSON_CHANGES
        fields = [field for field in model._meta.concrete_fields if track_field(field)]
        if options["include_fields"]:
            fields = [field for field in fields if field.name in options["include_fields"]]
        fields = [field for field in fields if field.name not in options["exclude_fields"]]
        plain, self.others = [], []
        for field in fields:
            before = get_field_value(None, field, use_json)
            as_is = (
                use_json
                and isinstance(field, (models.CharField, models.TextField, models.IntegerField))
                and not field.is_relation
                and field.name not in options["mask_fields"]
                and is_primitive(before)
            )
            if as_is:
                plain.append((field.name, before))
            else:
                self.others.append((field, before, _reader(field, use_json)))
        self.plain = plain
        self.read_plain = operator.attrgetter(*(name for name, _ in plain)) if plain else lambda instance: ()
        if len(plain) == 1:  # attrgetter of one name gives the value, not a tuple
            single = self.read_plain
            self.read_plain = lambda instance: (single(instance),)

    def diff(self, instance):
        changes = {
            name: [before, value]
            for (name, before), value in zip(self.plain, self.read_plain(instance))
            if value != before  # auditlog leaves out what did not change
        }
        masked = self.options["mask_fields"]
        for field, before, read in self.others:
            value = read(instance)
            if value == before:
                continue
            if field.name in masked:
                mask = get_mask_function(self.options.get("mask_callable"))
                changes[field.name] = [mask(smart_str(before)), mask(smart_str(value))]
            elif self.use_json:
                changes[field.name] = [
                    before if is_primitive(before) else smart_str(before),
                    value if is_primitive(value) else smart_str(value),
                ]
            else:
                changes[field.name] = [smart_str(before), smart_str(value)]
        return changes or None


def _reader(field, use_json):
    """auditlog's get_field_value for one field, with the choice among its branches (which depends only on
    the field and the settings) made once: a stored plain value or a foreign key's id is read directly, as
    that function reads them when changes are kept as JSON; any other field goes through the function."""
    plain = not isinstance(field, (models.DateTimeField, models.JSONField))
    if use_json and plain and not (field.one_to_one or field.many_to_one):
        return lambda instance: getattr(instance, field.name)
    is_key = (field.one_to_one or field.many_to_one) and hasattr(field, "rel_class")
    if use_json and plain and is_key and not settings.AUDITLOG_USE_FK_STRING_REPRESENTATION:
        return lambda instance: smart_str(getattr(instance, field.get_attname()), strings_only=True)
    return lambda instance: get_field_value(instance, field, use_json)


def log_created(model, instances):
    """One audit-trail "create" entry per record, as django-auditlog would write on save, in one statement.

    What the entries share (content type, action, correlation id, time, and the actor, address and extra
    data of the request, which auditlog's own pre_save receiver fills in while its context is open:
    AuditlogMiddleware, set_actor) is worked out once, on one entry that is never saved; each record adds
    its own id, name, changes and serialised data."""
    if not instances or not auditlog.contains(model) or auditlog_disabled.get():
        return
    shared = LogEntry(
        content_type=ContentType.objects.get_for_model(model), action=LogEntry.Action.CREATE, cid=get_cid()
    )
    pre_save.send(sender=LogEntry, instance=shared, raw=False, using="default", update_fields=None)
    diff = CreationDiff(model).diff
    serialized = LogEntry.objects._get_serialized_data_or_none
    rows = [
        {
            "object_pk": str(instance.pk),
            "object_id": instance.pk if isinstance(instance.pk, int) else None,
            "object_repr": smart_str(instance),
            "changes": diff(instance),
            "serialized_data": serialized(instance),
        }
        for instance in instances
    ]
    insert_rows(LogEntry, shared, rows)


def insert_rows(model, shared, rows):
    """Insert new rows of `model` whose primary keys are not needed back, in one statement (a COPY on
    PostgreSQL, an executemany elsewhere): each of
    `rows` ({field name: value}, the same names in each) over the values of `shared`, an unsaved instance
    holding what every row has in common. Values are prepared by their field only where a field changes
    them on the way to the database (JSON, dates and times, addresses...); text and whole numbers go as they
    are. Cheaper than bulk_create, which compiles every value of every row into one statement."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    own = list(rows[0])
    columns = [column for column in model._meta.concrete_fields if not column.primary_key or column.name in own]
    values = [column.get_db_prep_save(getattr(shared, column.attname), connection) for column in columns]
    positions = [(columns.index(model._meta.get_field(name)), name) for name in own]
    plain = [type(column) in _AS_THEY_ARE or column.is_relation for column in columns]
    params = []
    for row in rows:
        line = list(values)
        for position, name in positions:
            value = row[name]
            line[position] = value if plain[position] else columns[position].get_db_prep_save(value, connection)
        params.append(line)
    quote = connection.ops.quote_name
    into = f"{quote(model._meta.db_table)} ({', '.join(quote(column.column) for column in columns)})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, f"COPY {into} FROM STDIN", params)
        else:
            cursor.executemany(f"INSERT INTO {into} VALUES ({', '.join(['%s'] * len(columns))})", params)


def _copy(cursor, sql, rows):
    """PostgreSQL's COPY of `rows`, through Django's execute wrappers and query log like any statement.

    COPY is several times quicker here than one INSERT over arrays (whose text form escapes every quote
    of every JSON value in Python) or an executemany; Django's cursor has no call for it, so it is run as
    the executor of a statement, which keeps it counted where queries are counted."""

    def run(sql, params, many, context):  # as Django's executor: not in a broken transaction, Django's errors
        context["connection"].validate_no_broken_transaction()
        with context["connection"].wrap_database_errors, context["cursor"].cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else contextlib.nullcontext()
    with logged:
        cursor._execute_with_wrappers(sql, None, False, executor=run)


# Field types whose values the database takes as Python gives them (str, int, None).
_AS_THEY_ARE = {
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
}


def index_created(model, instances):
    """Add new records to every auto-updating search backend in bulk, not one by one."""
    if not instances or not class_is_indexed(model) or not getattr(model, "search_auto_update", True):
        return
    for backend in get_search_backends(with_auto_update=True):
        if add_new_records(backend, model, instances):  # a database backend: one statement
            continue
        for offset in range(0, len(instances), BATCH):
            backend.add_bulk(model, instances[offset : offset + BATCH])
