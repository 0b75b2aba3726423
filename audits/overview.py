"""The schools commitments' headline figures on the partnership overview, read from the city view
(`audits.selectors.city_view`), the same read as the city page and its export. The previous period is
the previous academic year: audits are yearly."""

from urllib.parse import urlencode

from django.urls import reverse

from audits.selectors import city_view
from portal.overview import Figure, OverviewSection, section, share_text
from portal.periods import academic_year_label, academic_year_start
from portal.permissions import commitments as can
from portal.rag import RAG_MEANINGS, Rag


@section(order=30)
def commitments(scope):
    start = academic_year_start(scope.today)
    year, last_year = academic_year_label(start), academic_year_label(start - 1)
    url = ""
    if can.can_view_city(scope.user):
        query = {"year": year} | ({"locality": scope.locality.slug} if scope.locality is not None else {})
        url = f"{reverse('audits:city')}?{urlencode(query)}"
    now = city_view(scope.user, year, scope.today, locality=scope.locality)
    then = city_view(scope.user, last_year, scope.today, locality=scope.locality)
    spread = now.rag_spread()
    return OverviewSection(
        key="commitments",
        title="Schools commitments",
        url=url,
        period=f"Academic year {year}",
        previous_period=f"Academic year {last_year}",
        figures=[
            Figure(
                "Schools that have started their audit",
                now.engaged,
                share_text(now.engaged, now.population),
                previous=then.engaged,
                previous_text=share_text(then.engaged, then.population),
                url=url,
            ),
            Figure(
                "Schools that have submitted their audit",
                now.submitted,
                share_text(now.submitted, now.population),
                previous=then.submitted,
                previous_text=share_text(then.submitted, then.population),
                url=url,
            ),
        ],
        chart={
            "title": f"RAG rating of each commitment across schools' audits, {year}",
            "of": "Commitment",
            "ratings": [(rag.value, rag.label, RAG_MEANINGS[rag]) for rag in Rag],
            "series": [
                {"label": f"{c.number}. {c.short_title}", "counts": {rag.value: n for rag, n in counts.items()}}
                for c, counts in spread
            ],
        },
        note="" if now.engaged else f"No school has started its audit for {year} yet.",
    )
