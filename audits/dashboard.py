"""Dashboard sections for the schools commitments audit (filled in by the audit feature)."""

from portal import permissions
from portal.dashboard import DashboardSection, section
from portal.models import Organisation


@section(order=30)
def commitments_audit(user):
    if permissions.is_partnership_wide(user):
        return DashboardSection(title="Schools commitments (city-wide)", empty_text="No audits submitted yet.")
    if Organisation.objects.schools().filter(pk__in=permissions.member_organisation_ids(user)).exists():
        return DashboardSection(title="Early Help commitments audit", empty_text="No audit started this year.")
    return None
