"""The strategy action plan's pages. Views only orchestrate: who may do what is asked of
portal.permissions.strategy, writes go through strategy.services, reads through strategy.selectors (and the
maturity round's recommendations through maturity.selectors)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from maturity import selectors as maturity_selectors
from portal.concurrency import STALE_EDIT_MESSAGE, StaleEditError, save_unless_stale
from portal.exports import export_response
from portal.permissions import require
from portal.permissions import strategy as can

from . import rules, selectors, services
from .exports import build_plan_export
from .forms import (
    ActionForm,
    EvidenceForm,
    FromRecommendationForm,
    LocalityFilterForm,
    PlanForm,
    ResponseForm,
    UpdateForm,
)
from .models import ObjectiveResponse


def _posted(request):
    return request.POST if request.method == "POST" else None


def _require_reader(request):
    require(can.can_read_plans(request.user, leads_any=selectors.leads_any_action(request.user)))


def _plan(year):
    plan = selectors.plan_for_year(year)
    if plan is None:
        raise Http404("No plan for that year.")
    return plan


def _action(pk):
    action = selectors.action(pk)
    if action is None:
        raise Http404("No such action.")
    return action


def _form_page(request, form, *, title, caption, button, cancel_url, trail, intro=""):
    """The one form page of the plan: a heading, the form (error summary, fields), a button and Cancel."""
    return render(
        request,
        "strategy/form.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "button": button,
            "cancel_url": cancel_url,
            "trail": trail,
            "intro": intro,
        },
    )


@login_required
def index(request):
    _require_reader(request)
    today = timezone.localdate()
    current = selectors.current_plan(today)
    return render(
        request,
        "strategy/index.html",
        {
            "plans": selectors.plans(),
            "current": current,
            "manage": can.can_manage_plans(request.user),
            "mine": selectors.actions_led_by(request.user, today),
        },
    )


@login_required
def plan_create(request):
    require(can.can_manage_plans(request.user))
    form = PlanForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            plan, carried = services.create_plan(
                year=form.cleaned_data["year"],
                objective_set=form.cleaned_data["objective_set"],
                start_from=form.cleaned_data.get("previous") if form.cleaned_data["start_from_previous"] else None,
                by=request.user,
            )
        except services.PlanError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"The {plan.year} plan is started." + (f" {carried}" if carried else ""))
            return redirect("strategy:plan", year=plan.year)
    return _form_page(
        request,
        form,
        title="Start a year's plan",
        caption="Strategy action plan",
        button="Start the plan",
        cancel_url=reverse("strategy:index"),
        trail=[],
    )


@login_required
def plan_page(request, year):
    _require_reader(request)
    plan = _plan(year)
    today = timezone.localdate()
    filters = LocalityFilterForm(request.GET or None)
    locality = filters.cleaned_data["locality"] if filters.is_valid() else None
    return render(
        request,
        "strategy/plan.html",
        {
            "plan": plan,
            "form": filters,
            "locality": locality,
            "figures": selectors.plan_figures(plan, today, locality),
            "manage": can.can_manage_plans(request.user),
            "can_export": can.can_export_plans(request.user),
            "today": today,
        },
    )


@login_required
@require_POST
def carry_forward(request, year):
    require(can.can_manage_plans(request.user))
    plan = _plan(year)
    try:
        result = services.carry_forward(plan, by=request.user)
    except services.PlanError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, str(result))
    return redirect("strategy:plan", year=plan.year)


@login_required
def response_edit(request, year, objective_pk):
    require(can.can_manage_plans(request.user))
    plan = _plan(year)
    objective = plan.objective_set.objectives.filter(pk=objective_pk).first()
    if objective is None:
        raise Http404("No such objective in this plan.")
    response = ObjectiveResponse.objects.filter(plan=plan, objective=objective).first() or ObjectiveResponse()
    form = ResponseForm(_posted(request), instance=response)
    if request.method == "POST" and form.is_valid():
        if save_unless_stale(
            form, lambda: services.save_response(form, plan=plan, objective=objective, by=request.user)
        ):
            messages.success(request, "The partnership response is saved.")
            return redirect("strategy:plan", year=plan.year)
    return _form_page(
        request,
        form,
        title=f"Partnership response: {objective.reference}",
        caption=objective.title,
        button="Save the response",
        cancel_url=plan_url(plan),
        trail=[str(plan), plan_url(plan)],
    )


def plan_url(plan):
    return reverse("strategy:plan", args=[plan.year])


def action_url(action):
    return reverse("strategy:action", args=[action.pk])


@login_required
def action_create(request, year):
    require(can.can_manage_plans(request.user))
    plan = _plan(year)
    initial = {}
    if (objective := request.GET.get("objective", "")).isdigit():
        initial["objective"] = int(objective)
    form = ActionForm(
        _posted(request),
        plan=plan,
        recommendations=maturity_selectors.recommendations_for(request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        action = services.save_action(form, plan=plan, by=request.user)
        messages.success(request, "The action is added.")
        return redirect("strategy:action", pk=action.pk)
    return _form_page(
        request,
        form,
        title="Add an action",
        caption=str(plan),
        button="Add the action",
        cancel_url=plan_url(plan),
        trail=[str(plan), plan_url(plan)],
    )


@login_required
def action_from_recommendation(request, year):
    require(can.can_manage_plans(request.user))
    plan = _plan(year)
    recommendations = maturity_selectors.recommendations_for(request.user)
    form = FromRecommendationForm(_posted(request), plan=plan, recommendations=recommendations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = services.action_from_recommendation(
            plan,
            recommendation=data["recommendation"],
            objective=data["objective"],
            lead_user=data["lead_user"],
            lead_organisation=data["lead_organisation"],
            due_date=data["due_date"],
            by=request.user,
        )
        messages.success(request, f"The action is added from recommendation {data['recommendation'].number}.")
        return redirect("strategy:action", pk=action.pk)
    intro = (
        "The action takes the recommendation's agreed action as its description and links back to it."
        if recommendations.exists()
        else "No maturity round you can read has recommendations yet."
    )
    return _form_page(
        request,
        form,
        title="Add an action from a maturity recommendation",
        caption=str(plan),
        button="Add the action",
        cancel_url=plan_url(plan),
        trail=[str(plan), plan_url(plan)],
        intro=intro,
    )


@login_required
def action_page(request, pk):
    _require_reader(request)
    action = _action(pk)
    today = timezone.localdate()
    updates, carried_from = selectors.history(action)
    may_update = can.can_update_action(request.user, action.lead_user_id)
    return render(
        request,
        "strategy/action.html",
        {
            "action": action,
            "plan": action.plan,
            "overdue": rules.is_overdue(action.due_date, action.rag, today),
            "updates": updates,
            "carried_from": carried_from,
            "carried_to": action.carried_to.select_related("plan").first(),
            "evidence": list(action.evidence.all()),
            "manage": can.can_manage_plans(request.user),
            "may_update": may_update,
        },
    )


@login_required
def action_edit(request, pk):
    require(can.can_manage_plans(request.user))
    action = _action(pk)
    form = ActionForm(
        _posted(request),
        instance=action,
        plan=action.plan,
        recommendations=maturity_selectors.recommendations_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        if save_unless_stale(form, lambda: services.save_action(form, plan=action.plan, by=request.user)):
            messages.success(request, "The action is saved.")
            return redirect("strategy:action", pk=action.pk)
    return _form_page(
        request,
        form,
        title="Edit the action",
        caption=str(action.plan),
        button="Save the action",
        cancel_url=action_url(action),
        trail=[str(action.plan), plan_url(action.plan), "Action", action_url(action)],
        intro="The RAG rating changes with a progress update, so its history says who changed it, when and why.",
    )


def _action_form_page(request, form, action, *, title, button):
    """A form about one action (an update, an evidence link): captioned by the action, back to its page."""
    return _form_page(
        request,
        form,
        title=title,
        caption=action.description[:120],
        button=button,
        cancel_url=action_url(action),
        trail=[str(action.plan), plan_url(action.plan), "Action", action_url(action)],
    )


@login_required
def action_update(request, pk):
    action = _action(pk)
    require(can.can_update_action(request.user, action.lead_user_id))
    form = UpdateForm(_posted(request), action=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_update(
                action,
                by=request.user,
                narrative=form.cleaned_data["narrative"],
                rag=form.cleaned_data["rag"],
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError:
            form.add_error(None, STALE_EDIT_MESSAGE)
        else:
            messages.success(request, "The progress update is added.")
            return redirect("strategy:action", pk=action.pk)
    return _action_form_page(request, form, action, title="Add a progress update", button="Add the update")


@login_required
def action_evidence(request, pk):
    action = _action(pk)
    require(can.can_update_action(request.user, action.lead_user_id))
    form = EvidenceForm(_posted(request), prefix="evidence")
    if request.method == "POST" and form.is_valid():
        services.add_evidence(action, url=form.cleaned_data["url"], label=form.cleaned_data["label"], by=request.user)
        messages.success(request, "The evidence link is added.")
        return redirect("strategy:action", pk=action.pk)
    return _action_form_page(request, form, action, title="Add an evidence link", button="Add the link")


@login_required
def plan_export(request, year):
    require(can.can_export_plans(request.user))
    plan = _plan(year)
    filters = LocalityFilterForm(request.GET or None)
    locality = filters.cleaned_data["locality"] if filters.is_valid() else None
    return export_response(
        request,
        rows=plan.actions.count(),
        build=build_plan_export,
        label="Strategy action plan export",
        kwargs={"year": plan.year, "locality": locality.slug if locality else ""},
    )
