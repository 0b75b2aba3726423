"""The home page: what the partnership is and where to find help.

Its "Urgent help" box shows the numbers of the site setting home.UrgentHelpSettings, which the LA edits once
for every page that shows them."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.blocks import HelpRouteBlock
from home.directory_cache import DIRECTORY
from home.models.offers import OfferIndexPage


class HomePage(Page):
    intro = models.TextField(help_text="One or two plain sentences: what the partnership is and who it is for.")
    help_routes = StreamField(
        [("route", HelpRouteBlock())], blank=True, help_text="Where to find help, most used first."
    )
    body = RichTextField(blank=True, help_text="More about the partnership: who is in it and how it works.")
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("help_routes"),
        FieldPanel("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    def route(self, request, path_components):
        """The directory and every offer's URL go through here: the page found, from the shared cache.

        Which published page a path leads to changes only when a page is published, unpublished, moved or
        deleted, or its organisation changes, which retire the DIRECTORY generation (home/signals.py); a
        path that leads nowhere (a 404) is never kept.
        """
        if not path_components:
            return super().route(request, path_components)
        parts = ("route", self.pk, tuple(path_components))
        return DIRECTORY.cached(parts, lambda: self.route_to_child(request, path_components))

    def route_to_child(self, request, path_components):
        """Wagtail's own route reads a child as a generic page, then again as its specific type; the only
        page type that can sit under the home page is the directory (OfferIndexPage.parent_page_types), so
        it is read once, as its own type."""
        try:
            directory = OfferIndexPage.objects.child_of(self).get(slug=path_components[0])
        except OfferIndexPage.DoesNotExist:
            return super().route(request, path_components)
        directory._cached_parent_obj = self
        return directory.route(request, path_components[1:])
