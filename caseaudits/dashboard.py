"""Dashboard sections for EHA case-file audits: what each role can act on, in a few aggregate queries."""

from django.db.models import Count, Q
from django.urls import reverse

from caseaudits import selectors
from caseaudits.models import AuditAction, CaseAudit
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.judgements import GOOD_OR_BETTER
from portal.permissions import caseaudits as can
from portal.templatetags.portal_tags import percent


@section(order=40)
def case_audits(user):
    if can.can_record_audits(user):
        return _for_la_officer(user)
    if can.can_read_reports(user):  # the board: aggregates only
        return _for_board()
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


def _for_board():
    latest = selectors.latest_quarter_with_audits()
    items = []
    if latest:
        figures = CaseAudit.objects.filter(financial_year=latest.start_year, quarter=latest.quarter)
        figures = selectors.with_final_judgement(figures).aggregate(
            audits=Count("pk"), good=Count("pk", filter=Q(final__in=GOOD_OR_BETTER))
        )
        items.append(
            DashboardItem(
                f"{latest.label}: {figures['audits']} cases audited",
                reverse("caseaudits:report") + f"?year={latest.year_label}",
                detail=f"Judged good or better: {percent(figures['good'], figures['audits'])}",
            )
        )
    return DashboardSection(
        title="Quarterly EHA principle reports",
        items=items,
        empty_text="No case-file audits have been recorded yet.",
        actions=[("Quarterly report", reverse("caseaudits:report"))],
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
            ),
        ],
    )
