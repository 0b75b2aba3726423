"""Who may do what with the locality partnerships (their members, priorities, budgets and reports).

  LA QA officers and administrators  everything: create partnerships, set the chair and members, the
                                     budget's allocation; edit any partnership's priorities, initiatives
                                     and reports; read every draft
  the partnership's chair            edit their own partnership's priorities, initiatives and quarterly
                                     report (draft, submit, correct); read its drafts
  board members                      read every partnership and its submitted reports (never a draft)
  the partnership's members          read their partnership and its submitted reports; a person is a
                                     member in their own right or through a member organisation
A chair is the `chair` of a partnership, not a partnership role: chairing gives no power anywhere else
(no case-level record, no other locality's draft). The core imports no feature app, so the partnership
arrives as an object with `chair_id`, `member_user_ids` and `member_organisation_ids`, and a report's
stage is named by its stored value (pinned by tests/localities).
"""

from django.db.models import Q

from portal.permissions import is_board_member, is_la_officer, member_organisation_ids

# The stored values of localities.models.QuarterlyReport.Status.
DRAFT, SUBMITTED = "draft", "submitted"


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_use_localities(user, *, sits_on_one=False) -> bool:
    """The locality partnership pages at all: the LA, the board, and whoever chairs or sits on one
    (`sits_on_one` is worked out by the caller, once per request)."""
    return is_la_officer(user) or is_board_member(user) or (_signed_in(user) and sits_on_one)


def is_chair(user, partnership) -> bool:
    return _signed_in(user) and partnership.chair_id is not None and partnership.chair_id == user.pk


def is_partnership_member(user, partnership) -> bool:
    if not _signed_in(user):
        return False
    return user.pk in partnership.member_user_ids or bool(
        member_organisation_ids(user) & partnership.member_organisation_ids
    )


def can_manage_partnerships(user) -> bool:
    """Create partnerships, set their chair, members and budget allocation."""
    return is_la_officer(user)


def can_edit_partnership_work(user, partnership) -> bool:
    """The year's priorities, the initiatives and their spend, the quarterly report."""
    return is_la_officer(user) or is_chair(user, partnership)


def can_read_partnership(user, partnership) -> bool:
    return (
        is_la_officer(user)
        or is_board_member(user)
        or is_chair(user, partnership)
        or is_partnership_member(user, partnership)
    )


def can_read_report(user, partnership, status) -> bool:
    """A draft for its chair and the LA; a submitted report for everyone who reads the partnership."""
    if can_edit_partnership_work(user, partnership):
        return True
    return status == SUBMITTED and can_read_partnership(user, partnership)


def visible_partnerships(user, queryset):
    """The partnerships a person may open: all of them for the LA and the board, else their own."""
    if is_la_officer(user) or is_board_member(user):
        return queryset
    if not _signed_in(user):
        return queryset.none()
    condition = Q(chair=user) | Q(member_people=user) | Q(member_organisations__in=member_organisation_ids(user))
    return queryset.filter(pk__in=queryset.filter(condition).values("pk"))


def visible_reports(user, queryset, *, partnership_field="partnership"):
    """Reports a person may read across partnerships: drafts only of the ones they chair (all, for the LA)."""
    if is_la_officer(user):
        return queryset
    if not _signed_in(user):
        return queryset.none()
    submitted = Q(status=SUBMITTED)
    if is_board_member(user):
        return queryset.filter(submitted | Q(**{f"{partnership_field}__chair": user}))
    mine = (
        Q(**{f"{partnership_field}__chair": user})
        | Q(**{f"{partnership_field}__member_people": user})
        | Q(**{f"{partnership_field}__member_organisations__in": member_organisation_ids(user)})
    )
    readable = Q(**{f"{partnership_field}__chair": user}) | (submitted & mine)
    return queryset.filter(pk__in=queryset.filter(readable).values("pk"))
