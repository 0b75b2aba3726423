"""Writes to the action plan: each in one transaction, checked, and recorded in the audit trail (the models
are in settings.AUDITLOG_INCLUDE_TRACKING_MODELS). Who may call them is the view's question
(portal.permissions.strategy); what the records' state allows is answered here, with a message."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from portal.concurrency import StaleEditError
from portal.rag import Rag

from . import rules
from .models import Action, EvidenceLink, ObjectiveResponse, Plan, ProgressUpdate


class PlanError(Exception):
    """A write the plan's state does not allow; the message says why, for the person."""


@dataclass
class CarryResult:
    carried: list = field(default_factory=list)  # the new actions
    already: int = 0  # open actions carried before (running it again adds nothing)
    not_carried: list = field(default_factory=list)  # open actions whose objective the new plan lacks

    def __str__(self):
        parts = [f"{len(self.carried)} open action{'s' if len(self.carried) != 1 else ''} carried forward"]
        if self.already:
            parts.append(f"{self.already} carried before")
        if self.not_carried:
            parts.append(f"{len(self.not_carried)} not carried: their objective is not in this plan's objectives")
        return "; ".join(parts) + "."


@transaction.atomic
def create_plan(*, year, objective_set, by, start_from=None) -> tuple[Plan, CarryResult | None]:
    if not rules.is_year(year):
        raise PlanError(f"{year!r} is not a financial year like 2026-27.")
    if Plan.objects.filter(year=year).exists():
        raise PlanError(f"There is already a plan for {year}.")
    plan = Plan.objects.create(year=year, objective_set=objective_set, started_from=start_from, created_by=by)
    result = carry_forward(plan, by=by) if start_from is not None else None
    return plan, result


@transaction.atomic
def carry_forward(plan, *, by, now=None) -> CarryResult:
    """Copy the open actions of the plan this one started from, once each (safe to run again), and the
    partnership responses where this plan has none yet. A carried action keeps its lead, due date, RAG and
    recommendation, and points at the action it came from, whose updates stay its history."""
    source = plan.started_from
    if source is None:
        raise PlanError("This plan was not started from another year's plan.")
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    result = CarryResult()
    objectives = {o.reference: o for o in plan.objective_set.objectives.all()}
    done = set(Action.objects.filter(plan=plan, carried_from__isnull=False).values_list("carried_from_id", flat=True))
    for old in source.actions.select_related("objective").order_by("pk"):
        if not rules.is_open(old.rag):
            continue
        if old.pk in done:
            result.already += 1
            continue
        objective = objectives.get(old.objective.reference)
        if objective is None:
            result.not_carried.append(old)
            continue
        result.carried.append(
            Action.objects.create(
                plan=plan,
                objective=objective,
                description=old.description,
                lead_user_id=old.lead_user_id,
                lead_organisation_id=old.lead_organisation_id,
                due_date=old.due_date,
                rag=old.rag,
                initial_rag=old.rag,
                carried_from=old,
                recommendation_id=old.recommendation_id,
                created_by=by,
            )
        )
    have = set(ObjectiveResponse.objects.filter(plan=plan).values_list("objective_id", flat=True))
    for response in source.responses.select_related("objective"):
        objective = objectives.get(response.objective.reference)
        if objective is not None and objective.pk not in have and response.text:
            ObjectiveResponse.objects.create(plan=plan, objective=objective, text=response.text, updated_by=by)
    return result


@transaction.atomic
def save_response(form, *, plan, objective, by):
    """The partnership response from its form; a response someone else created meanwhile is a stale edit."""
    response = form.instance
    if response.pk is None and ObjectiveResponse.objects.filter(plan=plan, objective=objective).exists():
        raise StaleEditError("the response was created meanwhile")
    response.plan, response.objective, response.updated_by = plan, objective, by
    return form.save()


@transaction.atomic
def save_action(form, *, plan, by):
    """A new action (starting Not started) or an edit of one; the RAG changes only through an update."""
    action = form.instance
    if action.pk is None:
        action.plan, action.created_by = plan, by
        action.rag = action.initial_rag = Rag.NOT_STARTED
    return form.save()


@transaction.atomic
def add_update(action, *, by, narrative, rag, expected_version, now=None) -> ProgressUpdate:
    """A progress update, and the RAG it sets on the action. Refused (StaleEditError) when the action
    changed since the person opened it, so two leads never overwrite each other's RAG unseen."""
    if rag not in Rag.values:
        raise PlanError("Choose a RAG rating.")
    before = action.rag
    action.rag = rag
    if expected_version is not None:
        action._expected_version = expected_version
    action.save()
    return ProgressUpdate.objects.create(
        action=action, written_by=by, written_at=now or timezone.now(), narrative=narrative, rag=rag, rag_before=before
    )


@transaction.atomic
def add_evidence(action, *, url, label, by) -> EvidenceLink:
    return EvidenceLink.objects.create(action=action, url=url, label=label, added_by=by)


@transaction.atomic
def action_from_recommendation(plan, *, recommendation, objective, lead_user, lead_organisation, due_date, by):
    """A plan action made from a maturity recommendation: its agreed action (else the recommendation) is
    the description, and the action links back to it."""
    description = recommendation.action or recommendation.recommendation
    return Action.objects.create(
        plan=plan,
        objective=objective,
        description=description,
        lead_user=lead_user,
        lead_organisation=lead_organisation,
        due_date=due_date or recommendation.due_date,
        recommendation=recommendation,
        created_by=by,
    )
