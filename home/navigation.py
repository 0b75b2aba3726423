"""Header sections for Early Help offers: the public directory for everyone, the register for the LA."""

from django.urls import reverse

from portal.navigation import NavSection, section
from portal.permissions import offers as can


@section(order=5)
def directory(user):
    return NavSection("Find Early Help", "/offers/", prefixes=("/offers/",))


@section(order=10)
def offer_register(user):
    if not can.can_view_offer_register(user):
        return None
    return NavSection("Offers", reverse("home:offer_register"), prefixes=("/offer-register/", "/offer-start/"))
