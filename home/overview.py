"""The offers' headline figures on the partnership overview.

Every number is read from `home.selectors.offer_figures`, the selector behind the offer register's figures
and the performance book's `offers_reviewed_on_time`. Offers are a live picture (no history is kept), so
the previous term shows only what can be read from today's records: the reviews that had fallen overdue by
the last day of last term, and the share reviewed on time then.
"""

from django.urls import reverse

from home.selectors import offer_figures
from portal.overview import Figure, OverviewSection, section, share_figure
from portal.periods import academic_term
from portal.permissions import offers as can


@section(order=10)
def offers(scope):
    term = academic_term(scope.today)
    before = term.previous()
    now = offer_figures(scope.today, locality=scope.locality)
    then = offer_figures(before.last_day, locality=scope.locality)
    register = reverse("home:offer_register") if can.can_view_offer_register(scope.user) else ""
    return OverviewSection(
        key="offers",
        title="Early Help offers",
        url=register,
        period=f"{term.label} (today)",
        previous_period=f"End of {before.label}",
        figures=[
            Figure("Offers published", now.published, url=register),
            Figure("Organisations (active)", now.organisations, url=register),
            Figure("Schools' offers published", now.schools_published, f"{now.schools_published} of {now.schools}"),
            Figure(
                "Published offers past their review date",
                now.overdue,
                previous=then.overdue,
                url=register,
            ),
            share_figure(
                "Published offers reviewed on time",
                now.reviewed_on_time,
                now.published,
                previous=(then.reviewed_on_time, then.published),
                url=register,
            ),
        ],
    )
