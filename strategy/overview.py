"""The strategy action plan's section of the partnership overview: the current plan's actions by RAG and
its overdue actions, beside the same figures at the end of the last quarter (worked out from the progress
updates' history). The figures are selectors.plan_figures's, the ones the plan page and its export show.

Filtered to a locality, the figures are those of the actions led by that locality's organisations, as the
plan page shows them with the same locality chosen."""

from django.urls import reverse

from portal.overview import Figure, OverviewSection, section

from . import selectors

KEY = "strategy"


@section(order=70)
def action_plan(scope):
    plan = selectors.current_plan(scope.today)
    if plan is None:
        return OverviewSection(
            key=KEY, title="Strategy action plan", url=reverse("strategy:index"), note="No plan has been started yet."
        )
    figures = selectors.plan_figures(plan, scope.today, scope.locality)
    url = reverse("strategy:plan", args=[plan.year])
    if scope.locality is not None:
        url += f"?locality={scope.locality.slug}"
    return OverviewSection(
        key=KEY,
        title=f"Strategy action plan {plan.year}",
        url=url,
        period=figures.period,
        previous_period=figures.previous_period,
        figures=[
            Figure(
                label=row.label,
                value=row.value,
                previous=row.previous,
                url=url + ("#overdue" if row.label == "Actions overdue" else "#progress"),
                rag=row.rag,
            )
            for row in figures.rows()
        ],
        chart={
            "title": "Actions by RAG rating, by objective",
            "of": "Objective",
            "series": [
                {"label": f"{objective.reference}. {objective.title}", "counts": counts}
                for objective, _response, _actions, counts in figures.by_objective
            ],
        },
        exceptions=[
            (
                f"Overdue since {action.due_date:%-d %B %Y}: {action.description[:100]} "
                f"({action.lead_organisation.name})",
                reverse("strategy:action", args=[action.pk]),
            )
            for action in figures.overdue
        ],
        note=f"Actions led by organisations in {scope.locality.name}." if scope.locality else "",
    )
