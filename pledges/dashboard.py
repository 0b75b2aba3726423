"""Dashboard sections for partnership pledges (filled in by the pledges feature)."""

from portal import permissions
from portal.dashboard import DashboardSection, section


@section(order=20)
def pledges(user):
    if permissions.is_partnership_wide(user):
        return DashboardSection(title="Pledge compliance", empty_text="No pledge reviews are due.")
    if permissions.member_organisation_ids(user):
        return DashboardSection(title="Partnership pledges", empty_text="No pledge actions are due.")
    return None
