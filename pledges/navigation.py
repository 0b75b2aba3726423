"""Header section for partnership pledges: the compliance matrix for the board and LA, an organisation's
own pledges for its people."""

from django.urls import reverse

from portal.navigation import NavLink, NavSection, section
from portal.permissions import pledges as can


@section(order=20)
def pledges(user):
    if can.can_view_matrix(user):
        matrix = reverse("pledges:matrix")
        return NavSection(
            "Pledges",
            matrix,
            prefixes=("/pledges/",),
            pages=[
                NavLink("Compliance matrix", matrix),
                NavLink("Designated leads", reverse("pledges:designated_leads")),
                NavLink("Signatories", reverse("pledges:signatories")),
            ],
        )
    if can.has_own_pledges(user):
        index = reverse("pledges:index")
        return NavSection(
            "Pledges",
            index,
            prefixes=("/pledges/",),
            pages=[
                NavLink("Your pledges", index),
                NavLink("Designated leads", reverse("pledges:designated_leads")),
                NavLink("Signatories", reverse("pledges:signatories")),
            ],
        )
    return None
