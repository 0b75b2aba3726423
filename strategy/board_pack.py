"""The board pack's "Strategy action plan" section: the current plan's figures (selectors.plan_figures, as on
the plan page and the overview), its actions by objective with their RAG, and the overdue actions."""

from portal.board_pack import heading, kind, paragraph, rag_cell, table
from portal.rag import Rag

from . import selectors


def _lead(action):
    return f"{action.lead_user.get_full_name() or action.lead_user.email}, {action.lead_organisation.name}"


@kind("action_plan", "Strategy action plan", order=70)
def action_plan(context):
    plan = selectors.current_plan(context.today)
    if plan is None:
        return [paragraph("No strategy action plan has been started yet.")]
    figures = selectors.plan_figures(plan, context.today, context.locality)
    where = f" Actions led by organisations in {context.locality.name}." if context.locality else ""
    blocks = [
        paragraph(f"{plan}: {plan.objective_set.title}.{where}"),
        {
            "type": "figures",
            "rows": [
                {
                    "label": row.label,
                    "text": str(row.value),
                    "previous_text": "Not known" if row.previous is None else str(row.previous),
                }
                for row in figures.rows()
            ],
            "period": figures.period,
            "previous_period": figures.previous_period,
        },
    ]
    columns = ["Action", "Lead", "Due", "RAG", "Latest update"]
    for objective, response, actions, _counts in figures.by_objective:
        blocks.append(heading(f"{objective.reference}. {objective.title}"))
        if response:
            blocks.append(paragraph(f"Our partnership response: {response}"))
        rows = [
            [
                action.description + (" (overdue)" if action.overdue else ""),
                _lead(action),
                f"{action.due_date:%-d %B %Y}",
                rag_cell(action.rag, Rag(action.rag).label),
                action.latest_narrative or "No update yet",
            ]
            for action in actions
        ]
        if rows:
            blocks.append(table(f"Actions: {objective.reference}", columns, rows))
        else:
            blocks.append(paragraph("No action yet."))
    blocks.append(heading("Overdue actions"))
    if figures.overdue:
        blocks.append(
            table(
                "Overdue actions, earliest due first",
                ["Objective", "Action", "Lead", "Due", "RAG"],
                [
                    [
                        a.objective.reference,
                        a.description,
                        _lead(a),
                        f"{a.due_date:%-d %B %Y}",
                        rag_cell(a.rag, Rag(a.rag).label),
                    ]
                    for a in figures.overdue
                ],
            )
        )
    else:
        blocks.append(paragraph("No action is overdue."))
    return blocks
