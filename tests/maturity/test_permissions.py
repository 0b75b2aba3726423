"""portal.permissions.maturity, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from maturity.models import Round
from portal.permissions import maturity as can
from testdata.people import ROLES

LA = {"admin", "la_officer"}
PARTNERS = {"school_lead", "school_editor", "other_school_lead", "agency_lead", "agency_editor"}
SIGNED_IN_WITH_A_ROLE = LA | {"board_member"} | PARTNERS

EXPECTED = {
    "can_use_maturity": SIGNED_IN_WITH_A_ROLE,
    "can_manage_rounds": LA,
    "can_sign_off": {"board_member"},
    "can_return_round": LA | {"board_member"},
    "may_contribute": SIGNED_IN_WITH_A_ROLE,
    "can_view_frameworks": LA | {"board_member"},
    "can_load_frameworks": {"admin"},
}

VISIBLE = {
    "draft": LA,
    "submitted": LA | {"board_member"},
    "signed_off": SIGNED_IN_WITH_A_ROLE,
}

COMMENTS = {"draft": LA, "submitted": LA | {"board_member"}, "signed_off": LA | {"board_member"}}


def _user(everyone, role):
    return everyone[role] or AnonymousUser()


@pytest.mark.parametrize("predicate", sorted(EXPECTED))
def test_role_predicates(everyone, predicate):
    for role in ROLES:
        assert getattr(can, predicate)(_user(everyone, role)) is (role in EXPECTED[predicate]), role


@pytest.mark.parametrize("role", ROLES)
def test_which_rounds_each_role_reads(everyone, rounds, role):
    user = _user(everyone, role)
    visible = set(can.visible_rounds(user, Round.objects.all()))
    for status, round_ in rounds.items():
        expected = role in VISIBLE[status]
        assert (round_ in visible) is expected, status
        assert can.can_view_round(user, round_) is expected, status


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_contributors_comments(everyone, rounds, role):
    user = _user(everyone, role)
    for status, round_ in rounds.items():
        assert can.can_read_contributor_comments(user, round_) is (role in COMMENTS[status]), status


@pytest.mark.parametrize("role", ROLES)
def test_contributing_needs_a_draft_open_to_contributors(everyone, rounds, role):
    user = _user(everyone, role)
    open_draft = rounds["draft"]
    allowed = role in SIGNED_IN_WITH_A_ROLE
    assert can.can_contribute(user, open_draft) is allowed
    assert (open_draft in can.contributable_rounds(user, Round.objects.all())) is allowed
    open_draft.open_to_contributors = False
    assert can.can_contribute(user, open_draft) is False
    for status in ("submitted", "signed_off"):
        round_ = rounds[status]
        round_.open_to_contributors = True  # even if the flag were left on, only a draft takes views
        assert can.can_contribute(user, round_) is False
    assert set(can.contributable_rounds(user, Round.objects.all())) <= {open_draft}


def test_a_closed_organisation_no_longer_makes_someone_a_partner(everyone, school):
    school.status = "closed"
    school.save()
    lead = type(everyone["school_lead"]).objects.get(pk=everyone["school_lead"].pk)
    assert not can.can_use_maturity(lead)
