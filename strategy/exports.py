"""The plan as an xlsx workbook: a summary (the plan's figures from selectors.plan_figures, the same ones the
plan page, the overview and the board pack show), then every action with its lead, due date, RAG and latest
update, then the overdue actions."""

from django.utils import timezone

from portal.models import Locality
from portal.rag import RAG_MEANINGS, Rag
from portal.xlsx import ReportWorkbook

from . import rules, selectors


def plan_workbook(plan, figures, target=None):
    report = ReportWorkbook(target)
    report.write_summary(
        f"{plan}: {plan.objective_set.title}",
        [(row.label, row.value) for row in figures.rows()],
        notes=[
            figures.period,
            *([f"Actions led by organisations in {figures.locality.name}."] if figures.locality else []),
            "Overdue: the due date has passed and the action is not Green (completed).",
            *(f"{Rag(rag).label}: {RAG_MEANINGS[rag]}" for rag in rules.RAG_ORDER),
        ],
    )
    sheet = report.add_sheet("Actions")
    report.write_title(sheet, 0, f"{plan}: actions")
    headings = [
        "Ref",
        "Objective",
        "Action",
        "Lead",
        "Lead organisation",
        "Due",
        "RAG",
        "Overdue",
        "Latest update",
        "Carried from",
        "Maturity recommendation",
    ]
    report.write_header(sheet, 2, headings, widths=[8, 40, 50, 22, 28, 12, 14, 10, 50, 12, 30])
    row = 3
    for objective, _response, actions, _counts in figures.by_objective:
        for action in actions:
            values = [
                objective.reference,
                objective.title,
                action.description,
                action.lead_user.get_full_name() or action.lead_user.email,
                action.lead_organisation.name,
                action.due_date,
            ]
            report.write_row(sheet, row, values)
            report.write_rag(sheet, row, 6, action.rag)
            report.write(sheet, row, 7, "Overdue" if action.overdue else "")
            report.write(sheet, row, 8, action.latest_narrative or "")
            report.write(sheet, row, 9, action.carried_from.plan.year if action.carried_from_id else "")
            recommendation = action.recommendation
            report.write(
                sheet,
                row,
                10,
                f"{recommendation.round.title}: recommendation {recommendation.number}" if recommendation else "",
            )
            row += 1
    sheet = report.add_sheet("Overdue")
    report.write_title(sheet, 0, f"{plan}: overdue actions")
    report.write_header(sheet, 2, ["Ref", "Action", "Lead", "Due", "RAG"], widths=[8, 60, 30, 12, 14])
    for row, action in enumerate(figures.overdue, start=3):
        report.write_row(
            sheet,
            row,
            [action.objective.reference, action.description, action.lead_user.get_full_name(), action.due_date],
        )
        report.write_rag(sheet, row, 4, action.rag)
    report.close()
    return report


def build_plan_export(request, *, year, locality=""):
    plan = selectors.plan_for_year(year)
    place = Locality.objects.filter(slug=locality).first() if locality else None
    figures = selectors.plan_figures(plan, timezone.localdate(), place)
    suffix = f"-{place.slug}" if place else ""
    return plan_workbook(plan, figures), f"strategy-action-plan-{plan.year}{suffix}.xlsx"
