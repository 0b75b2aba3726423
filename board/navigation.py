"""Header section for the board's side of the portal: one "Board" section whose sub-pages are the partnership
overview, the board's meetings with their packs, the strategy action plan and the locality partnerships.

They are read by the same people (the LA and the board), so one header item instead of four keeps the header
on one line at 1280 px; the section owns the three apps' paths, so their pages share its breadcrumbs and
sub-navigation. Chairs, members and action leads without a partnership role reach their own partnership or
actions from their dashboard: asking whether someone leads or sits on one would cost the header a query.
"""

from django.urls import reverse

from portal.navigation import NavLink, NavSection, section
from portal.permissions import board as can
from portal.permissions import localities as localities_can
from portal.permissions import strategy as strategy_can


@section(order=70)
def board(user):
    if not can.can_view_overview(user):
        return None
    overview = reverse("board:overview")
    pages = [NavLink("Partnership overview", overview)]
    if can.can_view_meetings(user):
        pages.append(NavLink("Board meetings", reverse("board:meetings")))
    if strategy_can.can_read_plans(user):
        pages.append(NavLink("Action plan", reverse("strategy:index")))
    if localities_can.can_use_localities(user):
        pages.append(NavLink("Locality partnerships", reverse("localities:index")))
    return NavSection("Board", overview, prefixes=("/board/", "/strategy/", "/localities/"), pages=pages)
