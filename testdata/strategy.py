"""Strategy action plans: a plan under Leicester's objectives, actions with a lead, progress updates."""

from datetime import date, datetime

from django.utils import timezone

from strategy import services
from strategy.models import Action, ObjectiveSet, Plan

LEICESTER = "leicester-early-help-objectives"


def leicester_objectives():
    return ObjectiveSet.objects.get(slug=LEICESTER, version=1)


def moment(day: date):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12, 0))


def make_plan(year="2026-27", *, objective_set=None, started_from=None, created=None, by=None):
    plan = Plan.objects.create(
        year=year, objective_set=objective_set or leicester_objectives(), started_from=started_from, created_by=by
    )
    start = created or moment(date(int(year[:4]), 4, 1))
    Plan.objects.filter(pk=plan.pk).update(created_at=start)
    plan.refresh_from_db()
    return plan


def make_action(
    plan,
    *,
    lead_user,
    lead_organisation,
    due_date,
    objective=None,
    rag="not_started",
    description="Agencies to publish their EH offer",
    created=None,
    recommendation=None,
):
    objective = objective or plan.objective_set.objectives.order_by("order").first()
    action = Action.objects.create(
        plan=plan,
        objective=objective,
        description=description,
        lead_user=lead_user,
        lead_organisation=lead_organisation,
        due_date=due_date,
        rag=rag,
        initial_rag=rag,
        recommendation=recommendation,
    )
    Action.objects.filter(pk=action.pk).update(created_at=created or plan.created_at)
    action.refresh_from_db()
    return action


def add_update(action, *, by, rag, narrative="Progress made.", on=None):
    action.refresh_from_db()
    return services.add_update(
        action, by=by, narrative=narrative, rag=rag, expected_version=None, now=moment(on) if on else None
    )


def make_recommendation(*, status="signed_off", number=1, title="Self-assessment 2019"):
    """A maturity round (signed off by default) with one recommendation and its agreed action."""
    from maturity.models import ActionItem, Framework, Round

    round_ = Round.objects.create(
        framework=Framework.objects.get(slug="stmm", version=1),
        title=title,
        period_start=date(2019, 1, 1),
        period_end=date(2019, 1, 31),
        status=status,
    )
    return ActionItem.objects.create(
        round=round_,
        number=number,
        recommendation="Improve the quality of Early Help Assessments through shared audit",
        action="Run quarterly multi-agency case-file audits of EHAs",
        responsible_lead="EHSPB",
    )
