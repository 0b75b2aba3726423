"""Pages for indicator owners and the LA: owners, returns, late returns and bulk returns. Views only
orchestrate: who may do what is asked of `portal.permissions.performance`, writes go through
`performance.services`, reads through `performance.selectors`. (The board's scorecard has its own views.)"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.concurrency import save_unless_stale
from portal.models import Locality
from portal.permissions import performance as can
from portal.permissions import require

from . import bulk, periods, selectors, services
from .formatting import format_return, format_value
from .forms import OwnerForm, ReturnForm, TargetForm
from .models import Indicator, IndicatorSet, Return

ACTIONS = {services.DRAFT: "Save as draft", services.SUBMIT: "Submit", services.CORRECT: "Submit the correction"}


def _posted(request):
    return request.POST if request.method == "POST" else None


def _owner_user_id(indicator):
    owner = getattr(indicator, "owner", None)
    return owner.user_id if owner is not None else None


def _indicator(pk):
    return get_object_or_404(
        Indicator.objects.select_related("indicator_set", "parent", "owner__user", "owner__organisation"), pk=pk
    )


@login_required
def index(request):
    require(can.can_use_performance(request.user))
    today = timezone.localdate()
    manage = can.can_manage_performance(request.user)
    sets = IndicatorSet.objects.order_by("-is_current", "title", "-version")
    return render(
        request,
        "performance/index.html",
        {
            "sets": sets,
            "manage": manage,
            "mine": selectors.outstanding_returns(today, owner=request.user),
            "owned": selectors.owned_indicators(request.user),
            "late_count": len(selectors.outstanding_returns(today, late_only=True)) if manage else None,
            "today": today,
        },
    )


@login_required
def set_owners(request, pk):
    """Every indicator of a set, its owner and this year's target; the LA changes them from here."""
    require(can.can_manage_performance(request.user))
    indicator_set = get_object_or_404(IndicatorSet, pk=pk)
    indicators = list(selectors.indicators_of(indicator_set))
    year = periods.year_of(timezone.localdate())
    targets = selectors.targets_for(indicators, year)
    for indicator in indicators:
        indicator.target_this_year = targets.get(indicator.pk)
    return render(
        request,
        "performance/set_owners.html",
        {"indicator_set": indicator_set, "indicators": indicators, "year": year},
    )


@login_required
def assign_owner(request, pk):
    require(can.can_manage_performance(request.user))
    indicator = _indicator(pk)
    current = getattr(indicator, "owner", None)
    initial = {}
    if current is not None:
        initial["membership"] = (
            current.user.memberships.filter(organisation=current.organisation).values_list("pk", flat=True).first()
        )
    form = OwnerForm(_posted(request), initial=initial)
    if form.is_valid():
        membership = form.cleaned_data["membership"]
        services.assign_owner(indicator, user=membership.user, organisation=membership.organisation, by=request.user)
        messages.success(
            request,
            f"{membership.user.get_full_name() or membership.user.email} ({membership.organisation.name}) now owns "
            f"{indicator.reference} {indicator.name}.",
        )
        return redirect("performance:set_owners", pk=indicator.indicator_set_id)
    return render(request, "performance/owner_form.html", {"indicator": indicator, "form": form, "current": current})


@login_required
def set_target(request, pk):
    require(can.can_manage_performance(request.user))
    indicator = _indicator(pk)
    year = request.GET.get("year") or periods.year_of(timezone.localdate())
    existing = indicator.targets.filter(year=year).first()
    initial = {"year": year}
    if existing is not None:
        initial.update(target=existing.target, tolerance=existing.tolerance)
    form = TargetForm(_posted(request), initial=initial, unit=indicator.unit)
    if form.is_valid():
        services.set_target(indicator, by=request.user, **form.cleaned_data)
        messages.success(request, f"The {form.cleaned_data['year']} target for {indicator.reference} is saved.")
        return redirect("performance:set_owners", pk=indicator.indicator_set_id)
    return render(request, "performance/target_form.html", {"indicator": indicator, "form": form})


def _period(indicator, start_text):
    try:
        return periods.period_starting(indicator.frequency, date.fromisoformat(start_text))
    except ValueError:
        raise Http404("No such period") from None


@login_required
def return_page(request, pk, period_start):
    """One period's return: the form for its owner and the LA (draft, submit, correct), every revision."""
    indicator = _indicator(pk)
    period = _period(indicator, period_start)
    record = (
        Return.objects.filter(indicator=indicator, period_start=period.start)
        .prefetch_related("locality_values__locality")
        .first()
    )
    owner_id = _owner_user_id(indicator)
    status = record.status if record is not None else can.DRAFT
    if not can.can_read_return(request.user, status, owner_id):
        # A draft (or a period not started) is private: say nothing of it to anyone else.
        if can.can_use_performance(request.user):
            raise Http404("No such return")
        require(False)
    today = timezone.localdate()
    may_write = can.can_write_return(request.user, owner_id) and not indicator.is_computed
    may_write = may_write and period.has_ended(today)
    if record is None:
        record = services.new_return(indicator, period)
    correcting = record.is_submitted
    localities = list(Locality.objects.order_by("name")) if indicator.by_locality else []
    form = None
    if may_write:
        form = ReturnForm(_posted(request), instance=record, localities=localities, correcting=correcting)
        if request.method == "POST":
            action = request.POST.get("action")
            if action not in ACTIONS or (action == services.CORRECT) != correcting:
                form.add_error(None, "Choose one of the buttons at the end of the form.")
            elif form.is_valid():

                def save():
                    services.save_return(
                        form,
                        user=request.user,
                        action=action,
                        locality_values=form.locality_values() if localities else None,
                        reason=form.cleaned_data.get("reason", ""),
                    )

                try:
                    saved = save_unless_stale(form, save)
                except services.ReturnRefused as refused:
                    form.add_error(refused.field if refused.field in form.fields else None, str(refused))
                    saved = False
                if saved:
                    done = {
                        services.DRAFT: "Draft saved. It is private to you and the LA until you submit it.",
                        services.SUBMIT: "Return submitted. The board can now read it.",
                        services.CORRECT: "Correction submitted. The earlier figures are kept below.",
                    }[action]
                    messages.success(request, done)
                    return redirect("performance:return", pk=indicator.pk, period_start=period.start.isoformat())
    elif request.method == "POST":
        require(False, "You cannot change this return.")
    revisions = selectors.revisions_of(record) if record.pk else []
    for revision in revisions:
        revision.figure = format_value(indicator.unit, revision.value, revision.numerator, revision.denominator)
    return render(
        request,
        "performance/return.html",
        {
            "indicator": indicator,
            "period": period,
            "record": record,
            "form": form,
            "correcting": correcting,
            "revisions": revisions,
            "figure": format_return(record),
            "locality_values": list(record.locality_values.all()) if record.pk else [],
            "is_late": not record.is_submitted and period.is_late(today),
            "has_ended": period.has_ended(today),
            "actions": ACTIONS,
        },
    )


@login_required
def late_returns(request):
    require(can.can_manage_performance(request.user))
    today = timezone.localdate()
    late = selectors.outstanding_returns(today, late_only=True)
    chased = selectors.last_chased([item.return_record for item in late])
    rows = [
        {
            **vars(item),
            "status_text": item.status_text,
            "last_chase": chased.get(getattr(item.return_record, "pk", None)),
        }
        for item in late
    ]
    return render(request, "performance/late.html", {"late": rows, "today": today, "chased": True})


@login_required
def bulk_returns(request, pk):
    """Download a template of the person's indicators x open periods; upload it back, all or nothing."""
    indicator_set = get_object_or_404(IndicatorSet, pk=pk)
    today = timezone.localdate()
    writable = bulk.writable_indicators(request.user, indicator_set)
    require(can.can_use_bulk_returns(request.user, owns_any=bool(writable)))
    form = bulk.UploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = bulk.upload(
            form.cleaned_data["file"],
            indicator_set=indicator_set,
            user=request.user,
            today=today,
            submit=form.cleaned_data["action"] == services.SUBMIT,
        )
        if result.ok:
            messages.success(request, result.summary)
            return redirect("performance:bulk", pk=indicator_set.pk)
    return render(
        request,
        "performance/bulk.html",
        {
            "indicator_set": indicator_set,
            "form": form,
            "result": result,
            "open_count": len(bulk.template_rows(request.user, indicator_set, today)),
        },
    )


@login_required
def bulk_template(request, pk):
    indicator_set = get_object_or_404(IndicatorSet, pk=pk)
    writable = bulk.writable_indicators(request.user, indicator_set)
    require(can.can_use_bulk_returns(request.user, owns_any=bool(writable)))
    return bulk.template_response(request.user, indicator_set, timezone.localdate())


@login_required
@require_POST
def chase_now(request):
    """The LA runs today's chase from the late list (the same as the daily command; it never repeats)."""
    require(can.can_manage_performance(request.user))
    today = timezone.localdate()
    run = services.chase_late_returns(today, selectors.outstanding_returns(today, late_only=True))
    text = f"Sent {run.emails_sent} chase email(s) covering {run.returns} late return(s)."
    if run.failed:
        text += f" {len(run.failed)} could not be sent and will be tried again."
    messages.success(request, text)
    return redirect("performance:late")
