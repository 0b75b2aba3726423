"""portal.bulk_index writes the same search index entries as the database backend's own add_items, on SQLite
and on PostgreSQL alike (whichever the tests run on), for records of every shape: organisations (a name and
its autocomplete), and offer pages (a boosted title, several body texts, a related organisation's name)."""

import pytest
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.models import OfferPage
from portal.bulk_index import add_new_records
from portal.models import Organisation
from testdata.offers import make_offer

COMPARED = [field.name for field in IndexEntry._meta.concrete_fields if field.name != "id"]


def entries(model, objs):
    ids = [str(obj.pk) for obj in objs]
    rows = IndexEntry.objects.filter(object_id__in=ids).order_by("content_type_id", "object_id").values(*COMPARED)
    return [{name: str(value) for name, value in row.items()} for row in rows]


def both_ways(model, objs):
    """(the backend's entries, ours) for objs, each written on an empty index."""
    backend = get_search_backend()
    IndexEntry.objects.all().delete()
    backend.add_bulk(model, objs)
    own = entries(model, objs)
    IndexEntry.objects.all().delete()
    assert add_new_records(backend, model, objs)
    return own, entries(model, objs)


@pytest.mark.django_db
def test_organisations_are_indexed_as_the_backend_indexes_them(north):
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(name="Elm Primary School", slug="elm", kind="school", locality=north),
            Organisation(name="  Young Carers' Project  ", slug="carers", kind="agency"),
            Organisation(name="Ünïcode & Sons – help", slug="sons", kind="agency"),
        ]
    )
    own, ours = both_ways(Organisation, organisations)
    assert len(ours) == 3 and ours == own
    assert [o.name for o in get_search_backend().search("carers", Organisation)] == ["  Young Carers' Project  "]


@pytest.mark.django_db
def test_offer_pages_with_titles_boosts_and_related_fields_are_indexed_as_the_backend_indexes_them(school, agency):
    offers = [
        make_offer(school),
        make_offer(agency, summary="Help with money and housing worries."),
    ]
    pages = list(OfferPage.objects.filter(pk__in=[offer.pk for offer in offers]))
    own, ours = both_ways(OfferPage, pages)
    assert len(ours) == 2 and ours == own


@pytest.mark.django_db
def test_an_existing_entry_is_replaced_not_duplicated(north):
    organisation = Organisation.objects.create(name="Old Name", slug="old", kind="agency")
    organisation.name = "New Name"
    assert add_new_records(get_search_backend(), Organisation, [organisation])
    assert IndexEntry.objects.filter(object_id=str(organisation.pk)).count() == 1
    assert [o.pk for o in get_search_backend().search("New", Organisation)] == [organisation.pk]
    assert not list(get_search_backend().search("Old", Organisation))
