"""The pledges' headline figures on the partnership overview, read from the board's compliance matrix
(`pledges.selectors.compliance_matrix`), the same read as the matrix page and its export.

The previous term: signatures are dated, so last term's count of signatories is known; pledge statuses
keep no history, so the other figures have no previous value.
"""

from django.urls import reverse

from pledges.selectors import MatrixFilters, compliance_matrix, current_pledge_set
from portal.models import Organisation
from portal.overview import Figure, OverviewSection, section, share_text
from portal.periods import academic_term
from portal.permissions import pledges as can


@section(order=20)
def pledges(scope):
    pledge_set = current_pledge_set()
    url = reverse("pledges:matrix") if can.can_view_matrix(scope.user) else ""
    if pledge_set is None:
        return OverviewSection(key="pledges", title="Pledges", url=url, note="No pledges have been loaded yet.")
    term = academic_term(scope.today)
    before = term.previous()
    # Every active organisation, as the board's matrix counts them: the overview's readers are partnership-wide,
    # and a locality's report (read with no user) counts its own organisations, never none.
    matrix = compliance_matrix(
        Organisation.objects.active(), pledge_set, scope.today, MatrixFilters(locality=scope.locality)
    )
    if scope.locality is not None and url:
        url = f"{url}?locality={scope.locality.slug}"
    signed_before = matrix.signed_by(before.last_day)
    signed = Figure(
        "Organisations that have signed the pledges",
        matrix.signed_count,
        share_text(matrix.signed_count, matrix.count),
        previous=signed_before,
        previous_text=share_text(signed_before, matrix.count),
        url=url,
    )
    return OverviewSection(
        key="pledges",
        title=f"Pledges ({pledge_set})",
        url=url,
        period=f"{term.label} (today)",
        previous_period=f"End of {before.label}",
        figures=[
            signed,
            Figure(
                "Organisations meeting every pledge that applies",
                matrix.all_met_count,
                share_text(matrix.all_met_count, matrix.count),
                url=url,
            ),
            Figure("Pledge reviews overdue", matrix.totals.overdue, url=url),
        ],
    )
