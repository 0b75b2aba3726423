"""Signed-in pages of the offers feature outside the CMS: starting an offer, and the LA's register.

Editing, submitting and moderating an offer happen in the Wagtail editor; see portal.permissions.offers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from home import problem_reports, rules, selectors, services
from home.exports import register_workbook
from home.forms import RegisterFilterForm
from home.models import OfferPage, ProblemReport
from portal import permissions
from portal.exports import export_response
from portal.models import Organisation
from portal.permissions import offers as offer_permissions


@login_required
@require_http_methods(["GET", "POST"])
def start_offer(request, organisation_id):
    """Explain the steps, then (POST) create the organisation's draft offer page and open it in the editor."""
    organisation = get_object_or_404(permissions.visible_organisations(request.user).active(), pk=organisation_id)
    permissions.require(offer_permissions.can_start_offer(request.user, organisation))
    existing = OfferPage.objects.filter(organisation=organisation).values_list("pk", flat=True).first()
    if existing:
        return redirect(selectors.edit_url(existing))
    if request.method == "POST":
        page, _created = services.start_offer(organisation, request.user)
        messages.success(request, f"The offer page for {organisation.name} has been started as a draft.")
        return redirect(selectors.edit_url(page.pk))
    return render(request, "home/start_offer.html", {"organisation": organisation})


def _register_organisations(request):
    permissions.require(offer_permissions.can_view_offer_register(request.user))
    form = RegisterFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    organisations = Organisation.objects.active().order_by("name")
    if "kind" in filters:
        organisations = organisations.filter(kind=filters["kind"])
    return form, filters, organisations


def _register_rows(request):
    form, filters, organisations = _register_organisations(request)
    rows = selectors.offer_overview(organisations)
    if "state" in filters:
        rows = [row for row in rows if row.state.key == filters["state"]]
    return form, rows


@login_required
def offer_register(request):
    form, rows = _register_rows(request)
    return render(
        request,
        "home/offer_register.html",
        {
            "form": form,
            "rows": rows,
            "figures": selectors.offer_figures(),
            "query_string": request.GET.urlencode(),
        },
    )


def build_register_export(request):
    """The register as a workbook (in the request, or on a worker for a large one: portal.exports)."""
    _form, rows = _register_rows(request)
    on = rules.today()
    report = register_workbook(rows, site_url=request.build_absolute_uri("/").rstrip("/"), on=on)
    return report, f"early-help-offers-{on:%Y-%m-%d}.xlsx"


@login_required
def offer_register_xlsx(request):
    _form, _filters, organisations = _register_organisations(request)
    return export_response(
        request, rows=organisations.count(), build=build_register_export, label="Offer register export"
    )


# --- "Report a problem with this page" --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def report_problem(request, page_id):
    """The public form (no sign-in) about one published offer page; a thank-you once sent."""
    offer = get_object_or_404(OfferPage.objects.live().public().select_related("organisation"), pk=page_id)
    if not offer.organisation.is_active:
        raise Http404("This organisation has closed.")
    form = problem_reports.ProblemReportForm(request.POST or None)
    limited = False
    if request.method == "POST":
        limited = problem_reports.over_rate_limit(request)
        if not limited and form.is_valid():
            if not form.is_from_a_bot:  # a bot is thanked like a person, and nothing is kept
                problem_reports.record_report(
                    offer, form.cleaned_data["what_is_wrong"], form.cleaned_data["reply_email"]
                )
            return render(request, "home/problem_report_sent.html", {"offer": offer})
    context = {"offer": offer, "form": form, "rate_limit": [problem_reports.RATE_LIMIT_MESSAGE] if limited else []}
    return render(request, "home/problem_report_form.html", context, status=429 if limited else 200)


@login_required
def problem_report_list(request):
    """The reports the person handles (their organisations'; the LA all), open ones first."""
    permissions.require(offer_permissions.can_view_problem_reports(request.user))
    reports = offer_permissions.problem_reports_for(request.user, ProblemReport.objects.all())
    reports = reports.select_related("organisation", "offer", "resolved_by").order_by(
        F("resolved_at").desc(nulls_first=True), "-created_at"
    )
    return render(request, "home/problem_reports.html", {"reports": reports[:200]})


@login_required
@require_http_methods(["POST"])
def resolve_problem(request, report_id):
    report = get_object_or_404(ProblemReport.objects.select_related("organisation"), pk=report_id)
    permissions.require(offer_permissions.can_handle_problem_reports(request.user, report.organisation))
    problem_reports.resolve_report(report, request.user)
    messages.success(request, f"The report about {report.organisation.name}'s page is marked resolved.")
    return redirect("home:problem_reports")
