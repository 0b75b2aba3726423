"""Header section for the performance book: the board's scorecard, the book (your indicators, the sets) and,
for the LA, the late returns."""

from django.urls import reverse

from portal.navigation import NavLink, NavSection, section
from portal.permissions import performance as can


@section(order=60)
def performance(user):
    if not can.can_use_performance(user):
        return None
    scorecard = reverse("performance:scorecard")
    pages = [NavLink("Scorecard", scorecard), NavLink("Performance book", reverse("performance:index"))]
    if can.can_manage_performance(user):
        pages.append(NavLink("Late returns", reverse("performance:late")))
    return NavSection("Performance", scorecard, prefixes=("/performance/",), pages=pages)
