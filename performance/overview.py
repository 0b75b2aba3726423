"""The performance book on the partnership overview: the scorecard's RAG counts and its exceptions, read
from `performance.scorecard.scorecard` (the scorecard page, its print view and its xlsx use the same read).

The period is the financial year the scorecard opens on; the previous period is the year before it.
"""

from urllib.parse import urlencode

from django.urls import reverse

from performance import scorecard as board
from performance.rules import Rating
from portal.overview import Figure, OverviewSection, section
from portal.periods import financial_year_label, parse_financial_year
from portal.permissions import performance as can

RAG_OF = {Rating.RED: "red", Rating.AMBER: "amber", Rating.GREEN: "green", Rating.NOT_RATED: ""}


@section(order=60)
def performance(scope):
    indicator_set = board.current_set()
    if indicator_set is None or not can.can_view_scorecard(scope.user, set_is_public=indicator_set.is_public):
        return None
    closed_only = can.scorecard_closed_periods_only(scope.user)
    year = board.default_year(indicator_set, scope.today, closed_only=closed_only)
    last_year = financial_year_label(parse_financial_year(year) - 1)
    card = board.scorecard(indicator_set, year, scope.today, closed_only=closed_only, locality=scope.locality)
    before = board.scorecard(indicator_set, last_year, scope.today, closed_only=closed_only, locality=scope.locality)
    query = {"set": indicator_set.slug, "year": year}
    if scope.locality is not None:
        query["locality"] = scope.locality.slug
    url = f"{reverse('performance:scorecard')}?{urlencode(query)}"
    earlier = dict(before.rating_counts)
    figures = [
        Figure(
            f"Indicators rated {rating.label.lower()}" if rating != Rating.NOT_RATED else "Indicators not rated",
            count,
            previous=earlier[rating],
            url=f"{url}&{urlencode({'rag': rating.value})}",
            rag=RAG_OF[rating],
        )
        for rating, count in card.rating_counts
    ]
    figures.append(
        Figure("Exceptions", len(card.exceptions), previous=len(before.exceptions), url=f"{url}&exceptions=on")
    )
    return OverviewSection(
        key="performance",
        title=f"Performance book ({indicator_set})",
        url=url,
        period=f"Financial year {year}",
        previous_period=f"Financial year {last_year}",
        figures=figures,
        exceptions=[
            (
                f"{row.reference} {row.indicator.name}: {board.latest_text(row)} ({row.rating.label})",
                reverse("performance:indicator", args=[row.indicator.pk]),
            )
            for row in card.exceptions
        ],
    )
