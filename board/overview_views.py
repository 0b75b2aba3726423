"""The partnership overview: every feature's headline figures (portal.overview's registry), for the whole
partnership or one locality. Each section comes from the feature's own `overview.py`, which reads the same
selector as the feature's page and export."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from board.overview_forms import OverviewFilterForm
from portal import permissions
from portal.charts import rag_bar
from portal.overview import OverviewScope, sections_for
from portal.permissions import board as can
from portal.rag import RAG_MEANINGS, Rag


def overview_sections(user, today, locality=None):
    """The sections as the page shows them: one read, shared by the page, its tests and the benchmark."""
    return sections_for(OverviewScope(today=today, locality=locality, user=user))


def chart_rows(chart):
    """A section's RAG chart as a table: {"of", "ratings": [(value, label, meaning)], "rows": [(label,
    [(rating, label, n)], total, the bar as SVG)]}. The ratings are the portal's RAG unless the section
    names its own (chart["ratings"])."""
    ratings = chart.get("ratings") or [(rag.value, rag.label, RAG_MEANINGS[rag]) for rag in Rag]
    labels = {value: label for value, label, _ in ratings}
    rows = []
    for series in chart["series"]:
        counts = {value: series["counts"].get(value, 0) for value in labels}
        rows.append(
            (
                series["label"],
                [(value, labels[value], n) for value, n in counts.items()],
                sum(counts.values()),
                rag_bar(counts, labels, title=series["label"]),
            )
        )
    return {"of": chart.get("of", ""), "ratings": ratings, "rows": rows}


@login_required
def overview(request):
    permissions.require(can.can_view_overview(request.user), "The partnership overview is for the LA and the board.")
    form = OverviewFilterForm(request.GET or None)
    locality = form.cleaned_data["locality"] if form.is_bound and form.is_valid() else None
    today = timezone.localdate()
    sections = overview_sections(request.user, today, locality)
    return render(
        request,
        "board/overview.html",
        {
            "form": form,
            "locality": locality,
            "today": today,
            "sections": [(s, chart_rows(s.chart) if s.chart else None) for s in sections],
        },
    )
