"""The home page: what the partnership is and where to find help.

Its "Urgent help" box shows the numbers of the site setting home.UrgentHelpSettings, which the LA edits once
for every page that shows them."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.blocks import HelpRouteBlock


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
