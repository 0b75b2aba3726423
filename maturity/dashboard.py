"""Dashboard sections for maturity self-assessments (filled in by the maturity feature)."""

from portal import permissions
from portal.dashboard import DashboardSection, section


@section(order=50)
def maturity(user):
    if permissions.is_board_member(user):
        return DashboardSection(title="Maturity rounds awaiting sign-off", empty_text="No rounds to review.")
    if permissions.is_la_officer(user):
        return DashboardSection(title="Maturity self-assessments", empty_text="No round in progress.")
    return None
