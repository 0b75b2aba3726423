"""Reads for the action plan's pages, export, dashboard, overview and board pack: a fixed handful of
queries whatever the number of actions or updates (one for the actions, one for their updates).

One number, one source: `plan_figures` is the only place the plan's RAG counts and overdue actions are
worked out; the plan page, the export, the overview and the board pack all show its figures.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from portal.periods import financial_quarter
from portal.rag import RAG_MEANINGS, Rag

from . import rules
from .models import Action, Objective, ObjectiveResponse, Plan, ProgressUpdate


def plans():
    return Plan.objects.select_related("objective_set", "started_from").order_by("-year")


def plan_for_year(year):
    """The plan of a year ("2026-27"), or None (also for text that is not a year)."""
    if not rules.is_year(year or ""):
        return None
    return plans().filter(year=year).first()


def current_plan(today):
    """The plan of the financial year `today` is in, else the latest plan before it (None when there is none)."""
    this_year = financial_quarter(today).year_label
    return plans().filter(year__lte=this_year).first()


def _actions(plan, locality=None):
    # The latest update, the one last year's copy had included: a carried action's news goes with it.
    latest = ProgressUpdate.objects.filter(Q(action=OuterRef("pk")) | Q(action=OuterRef("carried_from"))).order_by(
        "-written_at", "-pk"
    )
    actions = Action.objects.filter(plan=plan)
    if locality is not None:
        actions = actions.filter(lead_organisation__locality=locality)
    return (
        actions.select_related(
            "objective", "lead_user", "lead_organisation", "carried_from__plan", "recommendation__round"
        )
        .annotate(
            latest_update_at=Subquery(latest.values("written_at")[:1]),
            latest_narrative=Subquery(latest.values("narrative")[:1]),
        )
        .order_by("objective__order", "due_date", "pk")
    )


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


@dataclass
class PlanFigures:
    """A plan's figures as at `today`, and the same figures as at the end of the last quarter."""

    plan: Plan
    today: date
    locality: object  # a portal.models.Locality (actions led by its organisations), or None for all
    actions: list  # every action of the plan, in the plan's order, each with .overdue set
    counts: dict  # {rag value: n}, every RAG in rules.RAG_ORDER
    overdue: list  # the overdue actions, earliest due first
    by_objective: list = field(default_factory=list)  # [(objective, response text, [action], counts)]
    period: str = ""
    previous_period: str = ""
    previous_counts: dict | None = None  # None: not known for that date
    previous_overdue: int | None = None

    @property
    def total(self):
        return len(self.actions)

    def rows(self):
        """[FigureRow]: the headline figures, in the words every page, the export, the overview and the board
        pack use for them."""
        previous = self.previous_counts
        found = [
            FigureRow(f"Actions rated {Rag(rag).label}", counts, previous[rag] if previous else None, rag)
            for rag, counts in self.counts.items()
        ]
        found.append(FigureRow("Actions overdue", len(self.overdue), self.previous_overdue))
        found.append(FigureRow("Actions in the plan", self.total, sum(previous.values()) if previous else None))
        return found


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: int
    previous: int | None
    rag: str = ""

    @property
    def meaning(self):
        return RAG_MEANINGS[Rag(self.rag)] if self.rag else ""


def plan_figures(plan, today, locality=None) -> PlanFigures:
    """`locality`: only the actions led by organisations in that locality (a locality partnership's share of
    the plan); None for the whole plan."""
    actions = list(_actions(plan, locality))
    for action in actions:
        action.overdue = rules.is_overdue(action.due_date, action.rag, today)
    objectives = list(Objective.objects.filter(objective_set_id=plan.objective_set_id).order_by("order"))
    responses = dict(ObjectiveResponse.objects.filter(plan=plan).values_list("objective_id", "text"))
    by_objective = []
    for objective in objectives:
        mine = [a for a in actions if a.objective_id == objective.pk]
        by_objective.append((objective, responses.get(objective.pk, ""), mine, rules.rag_counts(a.rag for a in mine)))

    quarter = rules.last_quarter_ended(today)
    moment = _end_of(quarter.last_day)
    figures = PlanFigures(
        plan=plan,
        today=today,
        locality=locality,
        actions=actions,
        counts=rules.rag_counts(a.rag for a in actions),
        overdue=sorted((a for a in actions if a.overdue), key=lambda a: (a.due_date, a.pk)),
        by_objective=by_objective,
        period=f"As at {today:%-d %B %Y}",
    )
    if plan.created_at > moment:
        figures.previous_period = (
            f"End of {quarter.label}: not known, the {plan.year} plan was started after {quarter.last_day:%-d %B %Y}"
        )
        return figures
    history = {}
    for action_id, written_at, rag in ProgressUpdate.objects.filter(action__in=[a.pk for a in actions]).values_list(
        "action_id", "written_at", "rag"
    ):
        history.setdefault(action_id, []).append((written_at, rag))
    then = [(a, rules.rag_at(a.initial_rag, history.get(a.pk, []), moment)) for a in actions if a.created_at <= moment]
    figures.previous_period = f"End of {quarter.label} ({quarter.last_day:%-d %B %Y})"
    figures.previous_counts = rules.rag_counts(rag for _, rag in then)
    figures.previous_overdue = sum(1 for a, rag in then if rules.is_overdue(a.due_date, rag, quarter.last_day))
    return figures


def action(pk):
    return (
        Action.objects.select_related(
            "plan__objective_set", "objective", "lead_user", "lead_organisation", "recommendation__round"
        )
        .filter(pk=pk)
        .first()
    )


def history(action):
    """The action's progress updates, newest first, with those of the actions it was carried from (each
    update names its plan's year): a carried action keeps its history. One query per year carried."""
    chain, node = [action], action
    while node.carried_from_id:
        node = Action.objects.select_related("plan").get(pk=node.carried_from_id)
        chain.append(node)
    updates = ProgressUpdate.objects.filter(action__in=chain).select_related("written_by", "action__plan")
    return list(updates.order_by("-written_at", "-pk")), chain[1:]


def actions_led_by(user, today):
    """The person's actions in every plan, overdue first, then by due date; each with .overdue."""
    if not user.is_authenticated:
        return []
    found = list(
        Action.objects.filter(lead_user=user)
        .select_related("plan", "objective", "lead_organisation")
        .order_by("due_date", "pk")
    )
    for item in found:
        item.overdue = rules.is_overdue(item.due_date, item.rag, today)
    # Only the latest plan's actions are the person's to do: a carried action lives on in next year's.
    newest = max((a.plan.year for a in found), default=None)
    found = [a for a in found if a.plan.year == newest]
    return sorted(found, key=lambda a: (not a.overdue, a.due_date, a.pk))


def leads_any_action(user) -> bool:
    return bool(user.is_authenticated) and Action.objects.filter(lead_user=user).exists()
