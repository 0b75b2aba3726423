"""Header section for EHA case-file audits, with the parts each role may use as its sub-navigation."""

from django.urls import reverse

from caseaudits.models import CaseAudit
from portal.navigation import NavLink, NavSection, section
from portal.permissions import caseaudits as can


def _leads_audited_cases(user):
    """A partner's people see the section once a case they lead has been audited (as on the dashboard);
    asked once per request, the answer kept on the user as the memberships are."""
    if can.can_record_audits(user):
        return True
    cached = getattr(user, "_portal_leads_audited_cases", None)
    if cached is None:
        cached = can.visible_audits(user, CaseAudit.objects.all()).exists()
        user._portal_leads_audited_cases = cached
    return cached


@section(order=40)
def case_audits(user):
    pages = []
    if can.can_list_audits(user) and _leads_audited_cases(user):
        pages += [NavLink("Audits", reverse("caseaudits:list")), NavLink("Actions", reverse("caseaudits:actions"))]
    if can.can_record_audits(user):
        pages += [
            NavLink("Moderation", reverse("caseaudits:moderation")),
            NavLink("Import", reverse("caseaudits:import")),
        ]
    if can.can_read_reports(user):
        pages += [
            NavLink("Quarterly report", reverse("caseaudits:report")),
            NavLink("Principles", reverse("framework_kind_list", args=["principles"])),
        ]
    if not pages:
        return None
    return NavSection("Case-file audits", pages[0].url, prefixes=("/case-audits/",), pages=pages)
