"""Who may do what with maturity self-assessments (rounds are partnership-wide, not per organisation).

  LA QA officers and administrators  create rounds, edit drafts, open them to contributors, submit them
                                     to the board, start the next round; read every round and every
                                     contributor's comment; export
  board members                      read submitted and signed-off rounds (never drafts), compare them,
                                     sign off or return a submitted round; read contributors' comments
                                     on submitted and signed-off rounds
  organisation editors and leads     while a draft is open to contributors: rate its strands with a
                                     comment (their own views only); read *signed-off* rounds, because
                                     the signed-off self-assessment and its action plan are the
                                     partnership's agreed position. They never see drafts, rounds still
                                     with the board, or other people's comments.
  signed-in people with no role      nothing
Sign-off is the board's act: administrators do not sign off unless they also hold the board role.
Whether a round's *status* allows a change (a signed-off round is read-only) is decided in
`maturity.services`, which refuses with a message rather than a 403.
"""

from django.db.models import Q

from portal.permissions import (
    frameworks,
    is_board_member,
    is_la_officer,
    is_partnership_wide,
    member_organisation_ids,
)

# The stages of a round (the stored values of maturity.rules.Status). The core imports no feature app, so
# the rules name the stages by value; tests/architecture pins them to the feature's own vocabulary.
DRAFT, SUBMITTED, SIGNED_OFF = "draft", "submitted", "signed_off"


def is_partner(user) -> bool:
    """Belongs to at least one active partner organisation."""
    return bool(member_organisation_ids(user))


def can_use_maturity(user) -> bool:
    """May open the maturity pages at all."""
    return is_partnership_wide(user) or is_partner(user)


def can_manage_rounds(user) -> bool:
    return is_la_officer(user)


def can_sign_off(user) -> bool:
    return is_board_member(user)


def can_return_round(user) -> bool:
    """Send a submitted round back to draft: the board asking for changes, or the LA withdrawing it."""
    return is_board_member(user) or is_la_officer(user)


def _visible_condition(user):
    if is_la_officer(user):
        return Q()
    if is_board_member(user):
        return Q(status__in=[SUBMITTED, SIGNED_OFF])
    if is_partner(user):
        return Q(status=SIGNED_OFF)
    return None


def visible_rounds(user, queryset):
    """Rounds whose page, ratings, action plan and exports the person may read."""
    condition = _visible_condition(user)
    return queryset.none() if condition is None else queryset.filter(condition)


def can_view_round(user, round_) -> bool:
    if is_la_officer(user):
        return True
    if is_board_member(user):
        return round_.status in (SUBMITTED, SIGNED_OFF)
    return is_partner(user) and round_.status == SIGNED_OFF


def may_contribute(user) -> bool:
    """The people who may give their views on a round open to contributors."""
    return is_partnership_wide(user) or is_partner(user)


def contributable_rounds(user, queryset):
    """Rounds the person may rate now: drafts open to contributors."""
    if not may_contribute(user):
        return queryset.none()
    return queryset.filter(status=DRAFT, open_to_contributors=True)


def can_contribute(user, round_) -> bool:
    return may_contribute(user) and round_.accepting_contributions


def can_read_contributor_comments(user, round_) -> bool:
    """Individual views with names: the LA synthesises them; the board reads them once submitted.
    Everyone who can see a round sees the distribution of ratings (counts only)."""
    return is_la_officer(user) or (is_board_member(user) and round_.status != DRAFT)


# The framework screens are shared by every framework (portal/permissions/frameworks.py).
can_view_frameworks = frameworks.can_read_frameworks
can_load_frameworks = frameworks.can_load_frameworks
