"""Pages of the locality partnerships. Views only orchestrate: who may do what is asked of
`portal.permissions.localities`, writes go through forms (versioned) or `localities.services`, reads through
`localities.selectors`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from portal.concurrency import save_unless_stale
from portal.periods import financial_year_label, parse_financial_year
from portal.permissions import localities as can
from portal.permissions import require

from . import rules, selectors, services
from .forms import BudgetForm, CorrectionForm, InitiativeForm, PartnershipForm, PriorityForm, ReportForm
from .models import Initiative, LocalityPartnership, Priority


def _posted(request):
    return request.POST if request.method == "POST" else None


def _partnership(request, slug):
    """The partnership, or 404 for anyone who may not read it (its existence is not confirmed)."""
    partnership = get_object_or_404(
        LocalityPartnership.objects.select_related("locality", "chair"), locality__slug=slug
    )
    if not can.can_read_partnership(request.user, partnership):
        raise Http404("No such locality partnership")
    return partnership


def _year(request, today):
    """The financial year asked for (?year=2018-19), else the current one; a bad value is ignored."""
    try:
        return parse_financial_year(request.GET.get("year", ""))
    except ValueError:
        return rules.current_quarter(today).start_year


@login_required
def index(request):
    require(can.can_use_localities(request.user, sits_on_one=bool(selectors.partnership_ids_for(request.user))))
    today = timezone.localdate()
    rows, quarter = selectors.partnership_rows(request.user, today)
    return render(
        request,
        "localities/index.html",
        {
            "rows": rows,
            "quarter": quarter,
            "manage": can.can_manage_partnerships(request.user),
        },
    )


@login_required
def partnership_form(request, slug=None):
    """Create a partnership, or change its chair, purpose and members: LA officers only."""
    require(can.can_manage_partnerships(request.user))
    partnership = _partnership(request, slug) if slug else None
    form = PartnershipForm(_posted(request), instance=partnership)
    if form.is_valid() and save_unless_stale(form):
        messages.success(request, f"{form.instance.name} is saved.")
        return redirect("localities:detail", slug=form.instance.locality.slug)
    return render(request, "localities/partnership_form.html", {"form": form, "partnership": partnership})


@login_required
def detail(request, slug):
    partnership = _partnership(request, slug)
    today = timezone.localdate()
    year = _year(request, today)
    budget = selectors.budget_of(partnership, year)
    quarter = rules.current_quarter(today)
    reports = selectors.reports_readable(request.user, partnership)
    return render(
        request,
        "localities/detail.html",
        {
            "partnership": partnership,
            "year": year,
            "year_label": financial_year_label(year),
            "previous_year_label": financial_year_label(year - 1),
            "next_year_label": financial_year_label(year + 1),
            "priorities": selectors.priorities_of(partnership, year),
            "budget": budget,
            "totals": selectors.budget_totals(budget),
            "reports": reports,
            "this_quarter": quarter,
            "this_quarter_slug": rules.quarter_slug(quarter),
            "chair_name": (partnership.chair.get_full_name() or partnership.chair.email) if partnership.chair else None,
            "members": partnership.member_people.order_by("last_name", "first_name"),
            "member_organisations": partnership.member_organisations.order_by("name"),
            "edit": can.can_edit_partnership_work(request.user, partnership),
            "manage": can.can_manage_partnerships(request.user),
        },
    )


def _editable(request, slug):
    partnership = _partnership(request, slug)
    require(can.can_edit_partnership_work(request.user, partnership))
    return partnership


@login_required
def priority_form(request, slug, pk=None):
    partnership = _editable(request, slug)
    priority = get_object_or_404(Priority, pk=pk, partnership=partnership) if pk else None
    year = priority.year if priority else _year(request, timezone.localdate())
    form = PriorityForm(_posted(request), instance=priority or Priority(partnership=partnership, year=year))
    if form.is_valid() and save_unless_stale(form):
        messages.success(request, f"The priority “{form.instance.title}” is saved.")
        return _back_to_year(partnership, year)
    return render(
        request,
        "localities/item_form.html",
        {"form": form, "partnership": partnership, "heading": "Priority", "year_label": financial_year_label(year)},
    )


def _back_to_year(partnership, year):
    response = redirect("localities:detail", slug=partnership.locality.slug)
    response["Location"] += f"?year={financial_year_label(year)}"
    return response


@login_required
def budget_form(request, slug):
    """The year's allocation: set by the LA."""
    partnership = _partnership(request, slug)
    require(can.can_manage_partnerships(request.user))
    year = _year(request, timezone.localdate())
    form = BudgetForm(_posted(request), instance=services.budget_for(partnership, year))
    if form.is_valid() and save_unless_stale(form):
        messages.success(request, f"The {financial_year_label(year)} budget is saved.")
        return _back_to_year(partnership, year)
    return render(
        request,
        "localities/item_form.html",
        {"form": form, "partnership": partnership, "heading": "Budget", "year_label": financial_year_label(year)},
    )


@login_required
def initiative_form(request, slug, pk=None):
    partnership = _editable(request, slug)
    if pk:
        initiative = get_object_or_404(
            Initiative.objects.select_related("budget"), pk=pk, budget__partnership=partnership
        )
        budget = initiative.budget
    else:
        budget = selectors.budget_of(partnership, _year(request, timezone.localdate()))
        if budget is None:
            messages.error(request, "This year has no budget yet: the LA sets its allocation first.")
            return redirect("localities:detail", slug=slug)
        initiative = Initiative(budget=budget)
    form = InitiativeForm(_posted(request), instance=initiative)
    if form.is_valid() and save_unless_stale(form):
        messages.success(request, f"The initiative “{form.instance.name}” is saved.")
        return _back_to_year(partnership, budget.year)
    return render(
        request,
        "localities/item_form.html",
        {"form": form, "partnership": partnership, "heading": "Initiative", "year_label": budget.year_label},
    )


@login_required
def report(request, slug, quarter):
    """One quarter's report: the chair's narrative and the locality's figures, live while a draft and frozen
    once submitted; its chair and the LA edit the draft, submit it, and correct it afterwards."""
    partnership = _partnership(request, slug)
    try:
        period = rules.parse_quarter(quarter)
    except ValueError:
        raise Http404("No such quarter") from None
    today = timezone.localdate()
    edit = can.can_edit_partnership_work(request.user, partnership)
    record = partnership.reports.filter(year=period.start_year, quarter=period.quarter).first()
    status = record.status if record else can.DRAFT
    if not can.can_read_report(request.user, partnership, status):
        raise Http404("No such report")
    if record is None:
        # A draft is started for this quarter or the last (the ones a chair is asked for), never for a quarter
        # not begun nor one long past, so a typed address cannot litter the partnership with empty reports.
        this = rules.current_quarter(today)
        if not edit or period not in (this, rules.previous_quarter(this)):
            raise Http404("No report for that quarter")
        record = services.report_for(partnership, period)

    form = None
    if edit:
        form_class = CorrectionForm if record.is_submitted else ReportForm
        form = form_class(_posted(request), instance=record)
        if request.method == "POST" and form.is_valid():
            saved = _save_report(request, form, record, today)
            if saved:
                return redirect("localities:report", slug=slug, quarter=quarter)
    return render(
        request,
        "localities/report.html",
        {
            "partnership": partnership,
            "report": record,
            "sections": selectors.report_sections(record, today),
            "form": form,
            "state_text": rules.STATE_TEXT[rules.report_state(period, record.is_submitted, today)],
            "state_colour": rules.STATE_COLOUR[rules.report_state(period, record.is_submitted, today)],
            "revisions": record.revisions.select_related("made_by"),
            "as_at": rules.figures_as_at(period, today),
        },
    )


def _save_report(request, form, record, today):
    version = form.cleaned_data.get("version")
    data = form.cleaned_data
    if record.is_submitted:

        def save():
            services.correct_report(
                record, narrative=data["narrative"], reason=data["reason"], by=request.user, expected_version=version
            )

        done = "The correction is saved as a new revision."
    elif "submit" in request.POST:

        def save():
            services.submit_report(
                record, narrative=data["narrative"], by=request.user, today=today, expected_version=version
            )

        done = "The report is submitted to the board; its figures are kept as they stand today."
    else:
        save = form.save
        done = "The draft is saved."
    try:
        saved = save_unless_stale(form, save)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        saved = False
    if saved:
        messages.success(request, done)
    else:
        # The write was refused and rolled back: show the report as stored, the form as typed.
        record.refresh_from_db(fields=["status", "figures", "submitted_at", "submitted_by", "narrative"])
    return saved
