"""Dashboard sections for EHA case-file audits (filled in by the case-file audit feature)."""

from portal import permissions
from portal.dashboard import DashboardSection, section


@section(order=40)
def case_audits(user):
    if permissions.is_la_officer(user):
        return DashboardSection(title="Case-file audits", empty_text="No audits awaiting moderation.")
    if permissions.is_board_member(user):
        return DashboardSection(title="Quarterly EHA principle reports", empty_text="No reports yet.")
    return None
