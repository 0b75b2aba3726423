"""The home page: what the partnership is and where to find help."""

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
    urgent_help = models.TextField(
        blank=True,
        default=(
            "If you think a child is in immediate danger, call 999. If you are worried about a child's safety, "
            "contact the council's children's social care duty team."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("urgent_help"),
        FieldPanel("help_routes"),
        FieldPanel("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
