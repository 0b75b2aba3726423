"""Shared fixtures: a small partnership with one person in every role.

  school        Rushey-like primary school, in locality `north`
  other_school  another school in the same locality (its people must never see `school`'s work)
  agency        a voluntary-sector agency
Users: admin, la_officer, board_member, school_lead, school_editor, other_school_lead, agency_lead,
agency_editor, no_role (signed in, no organisation). `client_for(user)` gives a signed-in test client.
"""

import pytest
from django.test import Client

from portal.models import Locality, Membership, Organisation, User
from testdata.people import make_user


def pytest_collection_modifyitems(config, items):
    """Tests that empty and rebuild the whole database run last, so no other test sees the aftermath."""
    items.sort(key=lambda item: item.get_closest_marker("rebuilds_database") is not None)


@pytest.fixture
def north(db):
    return Locality.objects.create(name="North", slug="north")


@pytest.fixture
def south(db):
    return Locality.objects.create(name="South", slug="south")


@pytest.fixture
def school(north):
    return Organisation.objects.create(
        name="Oak Tree Primary School", kind="school", sector="education", phase="primary", urn="123456", locality=north
    )


@pytest.fixture
def other_school(north):
    return Organisation.objects.create(
        name="Birch Academy", kind="school", sector="education", phase="secondary", urn="654321", locality=north
    )


@pytest.fixture
def agency(south):
    return Organisation.objects.create(name="Family Action Group", kind="agency", sector="voluntary", locality=south)


@pytest.fixture
def admin_user(db):
    return make_user("admin@test.example", superuser=True)


@pytest.fixture
def la_officer(db):
    return make_user("officer@test.example", role=User.PartnershipRole.LA_OFFICER)


@pytest.fixture
def board_member(db):
    return make_user("board@test.example", role=User.PartnershipRole.BOARD_MEMBER)


@pytest.fixture
def school_lead(school):
    return make_user("dsl@oak.example", memberships=[(school, Membership.Role.LEAD)])


@pytest.fixture
def school_editor(school):
    return make_user("office@oak.example", memberships=[(school, Membership.Role.EDITOR)])


@pytest.fixture
def other_school_lead(other_school):
    return make_user("dsl@birch.example", memberships=[(other_school, Membership.Role.LEAD)])


@pytest.fixture
def agency_lead(agency):
    return make_user("lead@fag.example", memberships=[(agency, Membership.Role.LEAD)])


@pytest.fixture
def agency_editor(agency):
    return make_user("editor@fag.example", memberships=[(agency, Membership.Role.EDITOR)])


@pytest.fixture
def no_role_user(db):
    return make_user("nobody@test.example")


@pytest.fixture
def client_for():
    """client_for(user) -> a test client signed in as that user (or anonymous for None)."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def everyone(
    admin_user,
    la_officer,
    board_member,
    school_lead,
    school_editor,
    other_school_lead,
    agency_lead,
    agency_editor,
    no_role_user,
):
    """Every role by name, for role x view matrices."""
    return {
        "anonymous": None,
        "admin": admin_user,
        "la_officer": la_officer,
        "board_member": board_member,
        "school_lead": school_lead,
        "school_editor": school_editor,
        "other_school_lead": other_school_lead,
        "agency_lead": agency_lead,
        "agency_editor": agency_editor,
        "no_role": no_role_user,
    }


@pytest.fixture(autouse=True)
def _empty_shared_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, the cache is not,
    so figures cached for one test's offers (portal.shared_cache) must not reach the next."""
    from django.core.cache import cache

    cache.clear()
    yield
