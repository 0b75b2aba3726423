"""Dashboard sections for EHA case-file audits: what each role can act on, in a few aggregate queries."""

from django.urls import reverse

from caseaudits import selectors
from caseaudits.models import AuditAction, CaseAudit
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.permissions import caseaudits as can


@section(order=40)
def case_audits(user):
    if can.can_record_audits(user):
        return _for_la_officer(user)
    if can.can_read_reports(user):  # the board reads the quarter's figures on the partnership overview
        return None
    if can.can_list_audits(user):
        return _for_lead_agency(user)
    return None


def _for_la_officer(user):
    quarter = selectors.current_quarter()
    awaiting = selectors.awaiting_moderation(user).count()
    counts = selectors.action_counts(AuditAction.objects.all())
    this_quarter = CaseAudit.objects.filter(financial_year=quarter.start_year, quarter=quarter.quarter).count()
    items = [
        DashboardItem(
            f"{this_quarter} audit{'s' if this_quarter != 1 else ''} recorded in {quarter.label}",
            reverse("caseaudits:list") + f"?year={quarter.year_label}&quarter={quarter.quarter}",
        ),
        DashboardItem(
            "Audits in the moderation sample awaiting a second officer",
            reverse("caseaudits:moderation"),
            detail="You cannot moderate your own audits.",
            tag=str(awaiting),
            tag_colour="amber" if awaiting else "grey",
            needs_action=bool(awaiting),
        ),
        DashboardItem(
            "Lead practitioners' actions overdue",
            reverse("caseaudits:actions") + "?state=overdue",
            tag=str(counts["overdue"]),
            tag_colour="red" if counts["overdue"] else "grey",
        ),
    ]
    return DashboardSection(
        title="Case-file audits",
        items=items,
        actions=[
            ("Record an audit", reverse("caseaudits:create")),
            ("Import audits", reverse("caseaudits:import")),
            ("Quarterly report", reverse("caseaudits:report")),
        ],
    )


def _for_lead_agency(user):
    audits = can.visible_audits(user, CaseAudit.objects.all()).count()
    if not audits:
        return None
    counts = selectors.action_counts(can.visible_actions(user, AuditAction.objects.all()))
    return DashboardSection(
        title="Case-file audits of cases you lead",
        items=[
            DashboardItem(f"{audits} audit{'s' if audits != 1 else ''} of your cases", reverse("caseaudits:list")),
            DashboardItem(
                "Actions for your lead practitioners",
                reverse("caseaudits:actions"),
                detail=f"{counts['open']} not done yet",
                tag=f"{counts['overdue']} overdue",
                tag_colour="red" if counts["overdue"] else "grey",
                needs_action=bool(counts["overdue"]),
            ),
        ],
    )
