"""Who may do what with the performance book (indicator sets, owners, targets, returns, the scorecard).

  LA QA officers and administrators  everything: assign and reassign owners, set targets, read and write
                                     every return (drafts too), correct submitted ones, list and chase
                                     late returns, bulk returns for any indicator
  an indicator's owner               write their own indicators' returns (save drafts, submit, correct);
                                     read their drafts; bulk returns for their own indicators
  board members                      read submitted returns (never drafts) and the scorecard
  other partners (any organisation   the scorecard of closed periods only: submitted returns for periods
  member)                            whose returns were due before today (performance.scorecard.is_visible)
  the public (nobody signed in)      nothing, unless the LA marks the set public: then its scorecard of
                                     closed periods
A draft is private to its owner and the LA. Ownership is passed in as the owner's user id, since the core
imports no feature app; a return's stage is named by its stored value (pinned by tests/performance).
"""

from django.db.models import Q

from portal.permissions import is_board_member, is_la_officer, member_organisation_ids

# The stored values of performance.models.Return.Status.
DRAFT, SUBMITTED = "draft", "submitted"


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _owns(user, owner_user_id) -> bool:
    return _signed_in(user) and owner_user_id is not None and owner_user_id == user.pk


def can_manage_performance(user) -> bool:
    """Assign owners, set targets, see every return and the late list, chase."""
    return is_la_officer(user)


def can_write_return(user, owner_user_id) -> bool:
    """Save, submit or correct a return of an indicator: its owner, and LA officers."""
    return is_la_officer(user) or _owns(user, owner_user_id)


def can_read_return(user, status, owner_user_id) -> bool:
    """One return's page: a draft for its owner and the LA; a submitted one for the board too."""
    if can_write_return(user, owner_user_id):
        return True
    return status == SUBMITTED and is_board_member(user)


def visible_returns(user, queryset):
    """The returns a person may read one by one (owner's and LA's drafts; the board's submitted returns)."""
    if is_la_officer(user):
        return queryset
    if not _signed_in(user):
        return queryset.none()
    condition = Q(indicator__owner__user=user)
    if is_board_member(user):
        condition |= Q(status=SUBMITTED)
    return queryset.filter(condition)


def can_use_performance(user) -> bool:
    """May open the performance pages of the portal at all (signed in, with a role or an organisation)."""
    return is_la_officer(user) or is_board_member(user) or bool(member_organisation_ids(user))


def can_view_scorecard(user, *, set_is_public=False) -> bool:
    """The board's scorecard of a set: the LA, the board and partners (closed periods), the public if public."""
    return can_use_performance(user) or set_is_public


def scorecard_closed_periods_only(user) -> bool:
    """Partners and the public read the scorecard of closed periods only; the LA and the board all of it."""
    return not (is_la_officer(user) or is_board_member(user))


def can_use_bulk_returns(user, *, owns_any=False) -> bool:
    """Download a returns template and upload it: owners (for their own indicators) and LA officers."""
    return is_la_officer(user) or (_signed_in(user) and owns_any)
