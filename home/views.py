"""Signed-in pages of the offers feature outside the CMS: starting an offer, and the LA's register.

Editing, submitting and moderating an offer happen in the Wagtail editor; see portal.permissions.offers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from home import rules, selectors, services
from home.exports import register_workbook
from home.forms import RegisterFilterForm
from home.models import OfferPage
from portal import permissions
from portal.models import Organisation
from portal.permissions import offers as offer_permissions
from portal.xlsx import xlsx_response


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


def _register_rows(request):
    permissions.require(offer_permissions.can_view_offer_register(request.user))
    form = RegisterFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    organisations = Organisation.objects.active().order_by("name")
    if "kind" in filters:
        organisations = organisations.filter(kind=filters["kind"])
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


@login_required
def offer_register_xlsx(request):
    _form, rows = _register_rows(request)
    on = rules.today()
    report = register_workbook(rows, site_url=request.build_absolute_uri("/").rstrip("/"), on=on)
    return xlsx_response(report, f"early-help-offers-{on:%Y-%m-%d}.xlsx")
