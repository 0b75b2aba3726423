"""Dashboard sections for Early Help offers (filled in by the offers feature)."""

from portal import permissions
from portal.dashboard import DashboardSection, section


@section(order=10)
def offers(user):
    if permissions.is_la_officer(user):
        return DashboardSection(title="Offers awaiting moderation", empty_text="No offers are waiting for you.")
    if permissions.member_organisation_ids(user):
        return DashboardSection(title="Your Early Help offer", empty_text="Your offer page has not been started.")
    return None
