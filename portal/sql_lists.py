"""A long list of texts for an `__in` filter, sent to the database as one JSON text.

An import asks which of its 2,000 names, URNs or slugs are stored already. As `field__in=[...]` that is
2,000 parameters, each prepared by Django and quoted by the driver one by one: on PostgreSQL ten times the
query itself. As one JSON array that the database unpacks (`json_array_elements_text` on PostgreSQL,
`json_each` on SQLite) it is one parameter. Other databases get the plain list.
"""

import json

from django.db import connections
from django.db.models import CharField
from django.db.models.expressions import RawSQL

_UNPACK = {
    "postgresql": "SELECT json_array_elements_text(%s::json)",
    "sqlite": "SELECT value FROM json_each(%s)",
}


def texts_in(values, using="default"):
    """`values` (strings) as the right-hand side of an `__in` lookup on a text column or expression."""
    values = sorted(set(values))
    unpack = _UNPACK.get(connections[using].vendor)
    if unpack is None:
        return values
    return RawSQL(unpack, [json.dumps(values)], output_field=CharField())
