"""Who may read the partnership overview and the board's meetings and packs."""

from portal.permissions import is_board_member, is_la_officer
from portal.permissions.localities import is_chair


def can_view_overview(user) -> bool:
    """The overview is partnership-wide figures: LA officers (and administrators) and board members."""
    return is_la_officer(user) or is_board_member(user)


def can_view_meetings(user) -> bool:
    return is_la_officer(user) or is_board_member(user)


def reads_figures_on_the_overview(user) -> bool:
    """A board member's dashboard leads to the overview instead of each tool's own figures (which the LA's
    dashboard keeps, with the work they ask of it): one page, one set of numbers."""
    return is_board_member(user) and not is_la_officer(user)


def can_manage_meetings(user) -> bool:
    """Scheduling meetings, assembling and issuing packs and recording decisions: LA officers."""
    return is_la_officer(user)


def can_view_meeting(user, meeting) -> bool:
    return can_view_meetings(user)


def can_view_pack(user, meeting) -> bool:
    """An issued pack goes to the board; a pack in preparation is the LA officers' draft."""
    if is_la_officer(user):
        return True
    return is_board_member(user) and meeting.is_issued


def can_view_locality_section(user, meeting, partnership) -> bool:
    """A locality's own section of an issued pack: whoever reads the pack, and the partnership's chair
    (who reads no other part of the pack and no other locality's report)."""
    if not meeting.is_issued:
        return is_la_officer(user)
    return can_view_pack(user, meeting) or is_chair(user, partnership)
