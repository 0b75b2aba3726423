"""Dashboard sections for the strategy action plan: an action lead's own actions (overdue first; an
overdue one needs their action) and, for the LA, the plan's overdue count."""

from django.urls import reverse
from django.utils import timezone

from portal.dashboard import DashboardItem, DashboardSection, section
from portal.permissions import strategy as can

from . import selectors

SHOWN = 6


@section(order=70)
def your_actions(user):
    if can.can_manage_plans(user):
        return None  # the LA's card below lists every overdue action, theirs among them
    today = timezone.localdate()
    mine = selectors.actions_led_by(user, today)
    if not mine:
        return None
    return DashboardSection(
        title="Your strategy actions",
        items=[
            DashboardItem(
                text=action.description[:120],
                url=reverse("strategy:action", args=[action.pk]),
                detail=f"{action.plan.year} plan, due {action.due_date:%-d %B %Y}",
                tag="Overdue" if action.overdue else action.get_rag_display(),
                tag_colour="red" if action.overdue else "grey",
                needs_action=action.overdue,
            )
            for action in mine
        ],
        limit=SHOWN,
        url=reverse("strategy:index"),
        actions=[("Your actions and the plan", reverse("strategy:index"))],
    )


@section(order=71)
def overdue_actions(user):
    if not can.can_manage_plans(user):
        return None
    today = timezone.localdate()
    plan = selectors.current_plan(today)
    if plan is None:
        return DashboardSection(
            title="Strategy action plan",
            empty_text="No plan has been started yet.",
            actions=[("Start a year's plan", reverse("strategy:plan_create"))],
        )
    figures = selectors.plan_figures(plan, today)
    return DashboardSection(
        title=f"Strategy action plan {plan.year}: overdue actions",
        items=[
            DashboardItem(
                text=action.description[:120],
                url=reverse("strategy:action", args=[action.pk]),
                detail=f"Due {action.due_date:%-d %B %Y}; {action.lead_user.get_full_name()}, "
                f"{action.lead_organisation.name}",
                tag="Overdue",
                tag_colour="red",
            )
            for action in figures.overdue
        ],
        empty_text="No action is overdue.",
        count=len(figures.overdue),
        limit=SHOWN,
        url=reverse("strategy:plan", args=[plan.year]) + "#overdue",
        actions=[("The plan", reverse("strategy:plan", args=[plan.year]))],
    )
