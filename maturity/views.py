"""Pages for maturity self-assessment rounds. Views only orchestrate: who may do what is asked of
`portal.permissions.maturity`, writes go through `maturity.services`, reads through `maturity.selectors`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from portal.concurrency import STALE_EDIT_MESSAGE, StaleEditError, save_unless_stale
from portal.input_guard import id_parameter
from portal.permissions import maturity as can
from portal.permissions import require
from portal.xlsx import xlsx_response

from . import exports, rules, selectors, services
from .forms import (
    ActionItemForm,
    ContributionForm,
    DecisionForm,
    ReturnForm,
    RoundCreateForm,
    RoundDetailsForm,
    SignOffForm,
    StrandRatingForm,
)
from .models import ActionItem, ContributorRating, Framework, Round, Strand, StrandRating
from .rules import Status

STALE_DECISION_MESSAGE = (
    "This round changed after you opened the page, so nothing was done. Review the latest version below, "
    "then try again."
)


def _posted(request):
    return request.POST if request.method == "POST" else None


def _visible_round(request, pk):
    """A round the person may read; any other round is a 404, so its existence is not confirmed."""
    return get_object_or_404(can.visible_rounds(request.user, Round.objects.with_framework()), pk=pk)


def _managed_round(request, pk):
    require(can.can_manage_rounds(request.user))
    return get_object_or_404(Round.objects.with_framework(), pk=pk)


def _to_round(round_):
    return redirect("maturity:round_detail", pk=round_.pk)


@login_required
def index(request):
    require(can.can_use_maturity(request.user))
    rounds = list(selectors.rounds_for(request.user).order_by("-period_end", "-pk"))
    return render(
        request,
        "maturity/index.html",
        {
            "rounds": rounds,
            "open_rounds": selectors.open_rounds_for(request.user),
            "can_manage": can.can_manage_rounds(request.user),
            "can_view_frameworks": can.can_view_frameworks(request.user),
        },
    )


@login_required
def round_create(request):
    require(can.can_manage_rounds(request.user))
    source = None
    if (source_pk := id_parameter(request, "from")) is not None:
        source = get_object_or_404(Round.objects.with_framework(), pk=source_pk)
    latest = selectors.latest_frameworks()
    # Suggest the newest version of the framework in use (or of the round this one starts from).
    slug = source.framework.slug if source else selectors.current_framework_slug(Round.objects.all())
    suggested = [f for f in latest if f.slug == slug] or latest[:1]
    initial = {"framework": suggested[0]} if suggested else {}
    form = RoundCreateForm(
        _posted(request), initial=initial, frameworks=Framework.objects.filter(pk__in=[f.pk for f in latest])
    )
    if form.is_valid():
        round_ = services.create_round(user=request.user, started_from=source, **form.cleaned_data)
        carried = round_.action_items.count()
        note = f" {carried} open action{'s' if carried != 1 else ''} carried over from {source}." if source else ""
        messages.success(request, f"Round created.{note} Rate each strand, then open it to contributors.")
        return _to_round(round_)
    open_items = source.action_items.filter(status__in=rules.OPEN_ACTION_STATUSES).count() if source else 0
    return render(request, "maturity/round_create.html", {"form": form, "source": source, "open_items": open_items})


@login_required
def round_detail(request, pk):
    round_ = _visible_round(request, pk)
    previous = selectors.previous_round(round_, request.user)
    user = request.user
    items = round_.action_items.select_related("strand", "carried_from__round")
    return render(
        request,
        "maturity/round_detail.html",
        {
            "round": round_,
            "previous": previous,
            "strands": selectors.strand_views(round_, user, previous),
            "action_items": items,
            "today": timezone.localdate(),
            "portal_contributors": round_.contributions.values("contributor").distinct().count(),
            "can_manage": can.can_manage_rounds(user),
            "can_edit": can.can_manage_rounds(user) and round_.is_draft,
            "can_sign_off": can.can_sign_off(user) and round_.status == Status.SUBMITTED,
            "can_return": can.can_return_round(user) and round_.status == Status.SUBMITTED,
            "can_contribute": can.can_contribute(user, round_),
            "can_read_comments": can.can_read_contributor_comments(user, round_),
            "decision_form": DecisionForm(initial={"version": round_.version}),
        },
    )


def _edit(request, round_, form, *, template, save, success, context=None):
    """Show and save a form that changes a draft round; a locked round is refused with a message."""
    try:
        services.ensure_editable(round_)
    except services.RoundLocked as locked:
        messages.error(request, str(locked))
        return _to_round(round_)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_unless_stale(form, lambda: save(form))
        except services.NumberTaken as taken:
            form.add_error("number", str(taken))
        except services.RoundLocked as locked:
            messages.error(request, str(locked))
            return _to_round(round_)
        else:
            if saved:
                messages.success(request, success)
                return _to_round(round_)
    return render(request, template, {"round": round_, "form": form, **(context or {})})


@login_required
def round_edit(request, pk):
    round_ = _managed_round(request, pk)
    return _edit(
        request,
        round_,
        RoundDetailsForm(_posted(request), instance=round_),
        template="maturity/round_edit.html",
        save=lambda form: services.save_round_details(form, form.contributor_counts()),
        success="Round details saved.",
    )


@login_required
def strand_edit(request, pk, key):
    round_ = _managed_round(request, pk)
    rating = get_object_or_404(StrandRating.objects.select_related("strand"), round=round_, strand__key=key)
    rating.round = round_
    previous = selectors.previous_round(round_, request.user)
    view = next(v for v in selectors.strand_views(round_, request.user, previous) if v.rating.pk == rating.pk)
    return _edit(
        request,
        round_,
        StrandRatingForm(_posted(request), instance=rating),
        template="maturity/strand_edit.html",
        save=lambda form: services.save_strand_rating(form, request.user),
        success=f"Rating for {rating.strand.name} saved.",
        context={"strand": rating.strand, "view": view, "previous": previous},
    )


@login_required
def action_edit(request, pk, item_pk=None):
    round_ = _managed_round(request, pk)
    item = get_object_or_404(ActionItem, round=round_, pk=item_pk) if item_pk else ActionItem(round=round_)
    return _edit(
        request,
        round_,
        ActionItemForm(_posted(request), instance=item, round_=round_),
        template="maturity/action_form.html",
        save=lambda form: services.save_action_item(form, round_),
        success="Action plan saved.",
        context={"item": item},
    )


@login_required
@require_POST
def action_delete(request, pk, item_pk):
    round_ = _managed_round(request, pk)
    item = get_object_or_404(ActionItem, round=round_, pk=item_pk)
    item.round = round_
    try:
        services.delete_action_item(item)
    except services.RoundLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, f"Recommendation {item.number} removed from the action plan.")
    return _to_round(round_)


def _decide(request, round_, form, decide, success):
    """Run a status move from a posted form; refusals and stale pages come back as messages."""
    try:
        decide(form)
    except StaleEditError:
        messages.error(request, STALE_DECISION_MESSAGE)
    except (services.TransitionRefused, services.RoundLocked) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, success)
    return _to_round(round_)


@login_required
@require_POST
def round_contributors(request, pk):
    """Open a draft round to contributors, or close it."""
    round_ = _managed_round(request, pk)
    form = DecisionForm(request.POST)
    is_open = request.POST.get("open") == "yes"
    if not form.is_valid():
        return _to_round(round_)
    return _decide(
        request,
        round_,
        form,
        lambda f: services.set_open_to_contributors(round_, is_open, f.cleaned_data["version"]),
        "The round is open to contributors: partners can now give their ratings."
        if is_open
        else "The round is closed to contributors.",
    )


@login_required
def round_submit(request, pk):
    round_ = _managed_round(request, pk)
    form = DecisionForm(_posted(request), initial={"version": round_.version})
    if form.is_valid():
        return _decide(
            request,
            round_,
            form,
            lambda f: services.submit_round(round_, request.user, f.cleaned_data["version"]),
            "Round submitted to the board for sign-off.",
        )
    if not round_.is_draft:
        messages.error(request, services.locked_message(round_))
        return _to_round(round_)
    previous = selectors.previous_round(round_, request.user)
    return render(
        request,
        "maturity/round_submit.html",
        {
            "round": round_,
            "form": form,
            "previous": previous,
            "strands": selectors.strand_views(round_, request.user, previous),
            "problems": rules.submission_problems(round_.ratings.values_list("rating", flat=True)),
        },
    )


@login_required
def round_review(request, pk):
    """The board's review: the round against the previous one, then sign off or return it."""
    require(can.can_sign_off(request.user) or can.can_return_round(request.user))
    round_ = _visible_round(request, pk)
    sign_off_form = SignOffForm(initial={"version": round_.version}, prefix="sign")
    return_form = ReturnForm(initial={"version": round_.version}, prefix="return")
    if request.method == "POST" and "sign-version" in request.POST:
        require(can.can_sign_off(request.user))
        sign_off_form = SignOffForm(request.POST, prefix="sign")
        if sign_off_form.is_valid():
            data = sign_off_form.cleaned_data
            return _decide(
                request,
                round_,
                sign_off_form,
                lambda f: services.sign_off_round(round_, request.user, data["note"], data["version"]),
                "Round signed off. It is now read-only.",
            )
    elif request.method == "POST":
        return_form = ReturnForm(request.POST, prefix="return")
        if return_form.is_valid():
            data = return_form.cleaned_data
            return _decide(
                request,
                round_,
                return_form,
                lambda f: services.return_to_draft(round_, request.user, data["reason"], data["version"]),
                "Round returned to draft with your comments.",
            )
    if round_.status != Status.SUBMITTED:
        messages.error(request, services.locked_message(round_) or "This round has not been submitted to the board.")
        return _to_round(round_)
    previous = selectors.previous_round(round_, request.user)
    return render(
        request,
        "maturity/round_review.html",
        {
            "round": round_,
            "previous": previous,
            "strands": selectors.strand_views(round_, request.user, previous),
            "sign_off_form": sign_off_form,
            "return_form": return_form,
            "can_sign_off": can.can_sign_off(request.user),
            "has_errors": bool(sign_off_form.errors or return_form.errors),
        },
    )


@login_required
def round_contribute(request, pk):
    round_ = get_object_or_404(can.contributable_rounds(request.user, Round.objects.select_related("framework")), pk=pk)
    strands = list(Strand.objects.filter(framework=round_.framework))
    mine = {v.strand_id: v for v in ContributorRating.objects.filter(round=round_, contributor=request.user)}
    level_names = round_.framework.level_names
    forms = [
        ContributionForm(
            _posted(request),
            instance=mine.get(strand.pk) or ContributorRating(round=round_, strand=strand, contributor=request.user),
            strand=strand,
            level_names=level_names,
        )
        for strand in strands
    ]
    problems = []
    if request.method == "POST":
        if all(form.is_valid() for form in forms):
            try:
                services.save_contributions(round_, request.user, forms)
            except StaleEditError:
                problems.append(STALE_EDIT_MESSAGE)
            except services.RoundLocked as locked:
                messages.error(request, str(locked))
                return redirect("maturity:index")
            else:
                messages.success(
                    request, "Thank you: your views have been saved. You can change them while the round is open."
                )
                return redirect("maturity:index")
    has_errors = bool(problems) or any(form.errors for form in forms)
    return render(
        request,
        "maturity/round_contribute.html",
        {
            "round": round_,
            "forms": forms,
            "problems": problems,
            "has_errors": has_errors,
            "error_items": _error_items(forms),
        },
    )


@login_required
def round_export(request, pk):
    round_ = _visible_round(request, pk)
    previous = selectors.previous_round(round_, request.user)
    items = round_.action_items.select_related("strand", "carried_from__round")
    report = exports.round_workbook(round_, selectors.strand_views(round_, request.user, previous), items)
    return xlsx_response(report, f"maturity-round-{round_.pk}.xlsx")


def _error_items(forms):
    """[(anchor, message)] for the shared error summary: each strand's problems, named by its strand."""
    items = []
    for form in forms:
        for field in form.visible_fields():
            suffix = "_0" if field.widget_type == "radioselect" else ""
            items += [(field.auto_id + suffix, f"{form.strand.name}: {error}") for error in field.errors]
    return items


def _comparison(request):
    require(can.can_use_maturity(request.user))
    slug = request.GET.get("framework") or None
    chosen = [int(value) for value in request.GET.getlist("round") if value.isdigit()]
    available = selectors.comparison_rounds(request.user, slug)
    rounds = [r for r in available if r.pk in chosen] if chosen else available
    return available, selectors.compare(rounds)


@login_required
def compare(request):
    available, comparison = _comparison(request)
    return render(
        request,
        "maturity/compare.html",
        {
            "available": available,
            "comparison": comparison,
            "charts": selectors.rating_charts(comparison),
            "frameworks": selectors.frameworks_in_use(request.user),
            "framework_slug": available[0].framework.slug if available else "",
            "can_sign_off": can.can_sign_off(request.user),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def compare_print(request):
    _, comparison = _comparison(request)
    return render(
        request,
        "maturity/compare_print.html",
        {"comparison": comparison, "charts": selectors.rating_charts(comparison), "printed_on": timezone.localdate()},
    )


@login_required
def compare_export(request):
    _, comparison = _comparison(request)
    return xlsx_response(exports.comparison_workbook(comparison), "maturity-comparison.xlsx")
