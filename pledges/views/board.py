"""Partnership-wide pages: the compliance matrix (board, LA officers, administrators) and its export, and
the directory of designated leads (any signed-in partner)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from pledges import selectors
from pledges.exports import write_matrix
from pledges.forms import MatrixFilterForm
from pledges.models import PledgeSet
from pledges.selectors import MatrixFilters
from portal.exports import export_response
from portal.input_guard import id_parameter
from portal.permissions import require
from portal.permissions.pledges import can_view_lead_contacts, can_view_matrix, pledge_organisations
from portal.xlsx import ReportWorkbook


def _pledge_set(request):
    """The pledge set the request asks for (default the current one), once the person may see the matrix."""
    require(can_view_matrix(request.user))
    set_id = id_parameter(request, "set")
    if set_id is not None:
        pledge_set = get_object_or_404(PledgeSet, pk=set_id)
    else:
        pledge_set = selectors.current_pledge_set()
    if pledge_set is None:
        raise Http404("No pledges have been loaded yet.")
    return pledge_set


def _matrix_for(request, *, for_export=False):
    """The matrix the request asks for: a pledge set (default the current one) and the filters in the query."""
    pledge_set = _pledge_set(request)
    pledges = list(pledge_set.pledges.all())
    form = MatrixFilterForm(request.GET or None, pledges=pledges)
    filters = MatrixFilters(**form.cleaned_data) if form.is_valid() else MatrixFilters()
    today = timezone.localdate()
    matrix = selectors.compliance_matrix(
        pledge_organisations(request.user), pledge_set, today, filters, for_export=for_export
    )
    return matrix, form, today


@login_required
def matrix(request):
    matrix, form, today = _matrix_for(request)
    query = request.GET.urlencode()
    return render(
        request,
        "pledges/matrix.html",
        {
            "matrix": matrix,
            "pledge_counts": list(zip(matrix.pledges, matrix.pledge_counts)),
            "form": form,
            "today": today,
            "pledge_sets": PledgeSet.objects.all() if PledgeSet.objects.count() > 1 else [],
            "export_query": f"?{query}" if query else "",
            "filtered": form.is_bound
            and form.is_valid()
            and any(v not in ("", None) for v in form.cleaned_data.values()),
        },
    )


def build_matrix_export(request):
    """The matrix as a workbook (in the request, or on a worker for a large one: portal.exports)."""
    matrix, _form, today = _matrix_for(request, for_export=True)
    report = ReportWorkbook(constant_memory=True)  # written row by row, as the export command does
    write_matrix(report, matrix, today)
    report.close()
    return report, f"pledge-compliance-{today:%Y-%m-%d}.xlsx"


@login_required
def matrix_export(request):
    _pledge_set(request)  # a bad or unknown ?set= is refused here, in the request
    rows = pledge_organisations(request.user).count()
    return export_response(request, rows=rows, build=build_matrix_export, label="Pledge compliance export")


@login_required
def designated_leads(request):
    require(can_view_lead_contacts(request.user), "Only signed-in partners can see designated leads' contact details.")
    return render(request, "pledges/designated_leads.html", {"leads": selectors.designated_leads()})
