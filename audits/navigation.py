"""Header section for the schools commitments audit: the city-wide view for the LA and the board, the
school's own audit for its people."""

from django.urls import reverse

from portal.navigation import NavLink, NavSection, section
from portal.permissions import commitments as can


@section(order=30)
def commitments(user):
    if can.can_view_city(user):
        city = reverse("audits:city")
        pages = [NavLink("City-wide view", city)]
        if can.can_list_visits(user):
            pages.append(NavLink("Offer quality visits", reverse("audits:visits")))
        return NavSection("Commitments", city, prefixes=("/audits/",), pages=pages)
    if can.can_use_school_audits(user):
        index = reverse("audits:index")
        pages = [NavLink("Your school's audit", index), NavLink("Offer quality visits", reverse("audits:visits"))]
        return NavSection("Commitments audit", index, prefixes=("/audits/",), pages=pages)
    return None
