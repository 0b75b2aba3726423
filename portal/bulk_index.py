"""Adding many new records to the database search index in one statement, for imports (portal.bulk_writes).

The database search backends' own `add_items` build a Django expression for every text of every record and
compile it, which costs several times the insert of the records themselves. What goes into the index is
unchanged here: the texts come from the backend's own ObjectIndexer, one pass a record, sorted into title,
body and autocomplete as the backend sorts them. Only the statement is made differently:
- PostgreSQL: the backend's own vector expression is compiled once for each shape of record (which texts,
  with which weights), over the columns of the records sent as one JSON text, so the database builds every
  vector from one short statement;
- SQLite: one `executemany` of the plain texts (the backend's triggers fill the full-text table).
Existing entries for the same records are updated, as the backends do; title norms are refreshed once.
`tests/portal/test_bulk_index.py` compares the entries to those the backend's own add_items writes.
Other backends (Elasticsearch, OpenSearch) return False and are given the records through `add_bulk`.
"""

import json

from modelsearch.index import AutocompleteField, SearchField

SENTINEL = "\x00bulk-index-text-{}\x00"


def add_new_records(backend, model, instances):
    """Index `instances` with `backend` in one statement; False if the backend is not a database one."""
    index = backend.get_index_for_model(model)
    kind = type(index).__module__
    if kind.endswith("database.postgres.postgres"):
        _postgres(index, backend, model, instances)
    elif kind.endswith("database.sqlite.sqlite"):
        _sqlite(index, backend, model, instances)
    else:
        return False
    return True


def _texts(module, backend, obj, search_fields):
    """(title, body, autocomplete) lists of what the backend's ObjectIndexer yields for obj."""
    indexer = module.ObjectIndexer(obj, backend)
    title, body, autocomplete = [], [], []
    for search_field in search_fields:
        for current, *rest in indexer.prepare_field(obj, search_field):
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body).append(rest)
            elif isinstance(current, AutocompleteField):
                autocomplete.append(rest)
    return title, body, autocomplete


def _content_type_pk(model):
    from modelsearch.utils import get_content_type_pk

    return get_content_type_pk(model)


def _sqlite(index, backend, model, instances):
    import modelsearch.backends.database.sqlite.sqlite as module

    search_fields = model.get_search_fields()
    if not search_fields:
        return
    content_type = _content_type_pk(model)
    rows = []
    for obj in instances:
        title, body, autocomplete = _texts(module, backend, obj, search_fields)
        # ObjectIndexer.title / body / autocomplete: the texts joined by spaces
        joined = [" ".join(value for (value,) in texts) for texts in (autocomplete, title, body)]
        rows.append((content_type, str(obj.pk), 1.0, *joined))
    table = module.IndexEntry._meta.db_table
    with index.write_connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (content_type_id, object_id, title_norm, autocomplete, title, body) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
            "title = excluded.title, autocomplete = excluded.autocomplete, body = excluded.body",
            rows,
        )
    index._refresh_title_norms()


def _postgres(index, backend, model, instances):
    import modelsearch.backends.database.postgres.postgres as module
    from django.db.models.sql.subqueries import InsertQuery

    search_fields = model.get_search_fields()
    if not search_fields:
        return
    connection = index.write_connection
    compiler = InsertQuery(module.IndexEntry).get_compiler(connection=connection)
    shapes = {}  # (title weights, autocomplete weights, body weights): [(object id, title text, body text, texts)]
    for obj in instances:
        title, body, autocomplete = _texts(module, backend, obj, search_fields)
        # as ObjectIndexer.as_vector: texts stripped, empty ones left out
        vectors = [[(value.strip(), weight) for weight, value in texts] for texts in (title, autocomplete, body)]
        vectors = [[(text, weight) for text, weight in texts if text] for texts in vectors]
        key = tuple(tuple(weight for _, weight in texts) for texts in vectors)
        plain = [" ".join(value.strip() for _, value in texts if value.strip()) for texts in (title, body)]
        shapes.setdefault(key, []).append((str(obj.pk), *plain, [text for texts in vectors for text, _ in texts]))
    content_type = _content_type_pk(model)
    table = module.IndexEntry._meta.db_table
    for key, rows in shapes.items():
        sql, params = _shape_sql(module, backend, compiler, connection, key)
        columns = ["object_id", "title_text", "body_text", *(f"text_{n}" for n in range(len(rows[0][3])))]
        # The rows go as one JSON text, read back by json_to_recordset: text arrays would be escaped element
        # by element in Python on the way out, which cost more than the database's work on them.
        records = json.dumps([dict(zip(columns, (*row[:3], *row[3]), strict=True)) for row in rows])
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, "
                f"title_text, body_text) SELECT %s, v.object_id, {sql[0]}, {sql[1]}, {sql[2]}, 1.0, v.title_text, "
                f"v.body_text FROM json_to_recordset(%s::json) AS v({', '.join(f'{c} text' for c in columns)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                [content_type, *params[0], *params[1], *params[2], records],
            )
    index._refresh_title_norms()


def _shape_sql(module, backend, compiler, connection, key):
    """The backend's own SQL for the title, autocomplete and body vectors of a record of this shape, each text
    read from the unnest column text_N instead of a parameter: ([sql] * 3, [params] * 3)."""
    indexer = module.ObjectIndexer.__new__(module.ObjectIndexer)
    indexer.config, indexer.autocomplete_config = backend.config, backend.autocomplete_config
    field = module.IndexEntry._meta.get_field("title")
    sqls, all_params, number = [], [], 0
    for position, weights in enumerate(key):
        sentinels = [SENTINEL.format(number + n) for n in range(len(weights))]
        vector = indexer.as_vector(list(zip(sentinels, weights, strict=True)), for_autocomplete=position == 1)
        sql, params = compiler.prepare_value(field, vector).as_sql(compiler, connection)
        pieces, kept = sql.split("%s"), []
        assert len(pieces) == len(params) + 1, sql
        out = pieces[0]
        for param, piece in zip(params, pieces[1:], strict=True):
            if isinstance(param, str) and param in sentinels:
                out += f"v.text_{number + sentinels.index(param)}" + piece
            else:
                out += "%s" + piece
                kept.append(param)
        assert "\x00" not in out and not any(isinstance(p, str) and "\x00" in p for p in kept), sql
        sqls.append(out)
        all_params.append(kept)
        number += len(weights)
    return sqls, all_params
