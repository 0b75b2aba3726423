"""portal.sql_lists: a long list for an `__in` filter as one JSON parameter, with the same answer as the list."""

import pytest
from django.db import connection
from django.db.models.functions import Lower

from portal.models import Organisation
from portal.sql_lists import texts_in


@pytest.mark.django_db
def test_a_json_list_finds_what_the_plain_list_finds_in_one_parameter():
    Organisation.objects.bulk_create(
        Organisation(name=name, slug=f"org-{n}", kind="agency")
        for n, name in enumerate(["Ash", "O'Neill's \"Hub\"", "élan café", "Oak"])
    )
    wanted = ["ash", "o'neill's \"hub\"", "élan café", "missing", *(f"other {n}" for n in range(500))]
    lowered = Organisation.objects.annotate(lowered=Lower("name"))
    sent = []

    def record(execute, sql, params, many, context):
        sent.append(params)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        found = set(lowered.filter(lowered__in=texts_in(wanted)).values_list("lowered", flat=True))
    assert found == set(lowered.filter(lowered__in=wanted).values_list("lowered", flat=True))
    assert found == {"ash", "o'neill's \"hub\"", "élan café"}
    assert len(sent) == 1 and len(sent[0]) == 1  # one query, the 504 texts in one parameter


@pytest.mark.django_db
def test_an_empty_json_list_finds_nothing():
    Organisation.objects.create(name="Ash", slug="ash", kind="agency")
    assert not Organisation.objects.filter(slug__in=texts_in([])).exists()
