"""Header section for the maturity self-assessment: its rounds and the comparison between them."""

from django.urls import reverse

from portal.navigation import NavLink, NavSection, section
from portal.permissions import maturity as can


@section(order=50)
def maturity(user):
    if not can.can_use_maturity(user):
        return None
    index = reverse("maturity:index")
    return NavSection(
        "Maturity",
        index,
        prefixes=("/maturity/",),
        pages=[NavLink("Rounds", index), NavLink("Compare rounds", reverse("maturity:compare"))],
    )
