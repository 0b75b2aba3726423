"""The permissions module's predicates and queryset scoping, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from portal import permissions
from portal.models import Membership, Organisation
from testdata.people import SIGNED_IN_ROLES


@pytest.fixture
def people(everyone):
    return {name: user for name, user in everyone.items() if user is not None}


def test_partnership_wide_predicates(people):
    assert [r for r in SIGNED_IN_ROLES if permissions.is_admin(people[r])] == ["admin"]
    assert [r for r in SIGNED_IN_ROLES if permissions.is_la_officer(people[r])] == ["admin", "la_officer"]
    assert [r for r in SIGNED_IN_ROLES if permissions.is_board_member(people[r])] == ["board_member"]
    assert [r for r in SIGNED_IN_ROLES if permissions.can_administer(people[r])] == ["admin"]


def test_anonymous_has_no_rights(school):
    anonymous = AnonymousUser()
    assert not permissions.is_la_officer(anonymous)
    assert not permissions.can_view_organisation(anonymous, school)
    assert permissions.member_organisation_ids(anonymous) == set()
    assert not permissions.visible_organisations(anonymous).exists()
    assert permissions.dashboard_role(anonymous) == "none"


def test_organisation_rights_by_role(people, school):
    view = [r for r in SIGNED_IN_ROLES if permissions.can_view_organisation(people[r], school)]
    edit = [r for r in SIGNED_IN_ROLES if permissions.can_edit_organisation_work(people[r], school)]
    sign = [r for r in SIGNED_IN_ROLES if permissions.can_sign_off_for(people[r], school)]
    assert view == ["admin", "la_officer", "school_lead", "school_editor"]
    assert edit == ["school_lead", "school_editor"]
    assert sign == ["school_lead"]


def test_an_inactive_account_has_no_rights(school_lead, school):
    school_lead.is_active = False
    assert not permissions.can_edit_organisation_work(school_lead, school)


def test_membership_of_a_closed_organisation_gives_no_rights(school_lead, school):
    school.status = Organisation.Status.CLOSED
    school.save()
    assert not permissions.is_member(school_lead, school)


def test_scope_narrows_to_own_organisations_and_submitted_for_board(people, school, other_school, agency):
    queryset = Organisation.objects.all()
    submitted = Q(pk=other_school.pk)  # pretend only the other school's work is submitted

    def names(role):
        return sorted(
            permissions.scope(people[role], queryset, organisation_field="pk", submitted=submitted).values_list(
                "name", flat=True
            )
        )

    assert names("la_officer") == sorted([school.name, other_school.name, agency.name])
    assert names("admin") == names("la_officer")
    assert names("board_member") == [other_school.name]
    assert names("school_editor") == [school.name]
    assert names("other_school_lead") == [other_school.name]
    assert names("no_role") == []
    # Without a `submitted` rule the board reads nothing organisation-private.
    assert not permissions.scope(people["board_member"], queryset, organisation_field="pk").exists()


def test_person_in_two_organisations_sees_both(school, agency, school_editor):
    Membership.objects.create(user=school_editor, organisation=agency, role="editor")
    school_editor._portal_memberships = None
    assert set(permissions.visible_organisations(school_editor)) == {school, agency}


def test_require_raises_permission_denied():
    permissions.require(True)
    with pytest.raises(PermissionDenied):
        permissions.require(False)


@pytest.mark.parametrize(
    "role, landing",
    [
        ("admin", "admin"),
        ("la_officer", "la_officer"),
        ("board_member", "board_member"),
        ("school_lead", "lead"),
        ("school_editor", "editor"),
        ("no_role", "none"),
    ],
)
def test_dashboard_role(people, role, landing):
    assert permissions.dashboard_role(people[role]) == landing
