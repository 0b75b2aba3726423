"""The public site's pages. The home page says what the partnership is and where to find help."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


class HelpRouteBlock(blocks.StructBlock):
    """One way in to help: a heading, a sentence and a link."""

    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=400)
    link_text = blocks.CharBlock(max_length=80, required=False)
    link_url = blocks.CharBlock(
        max_length=300, required=False, help_text="A page on this site such as /offers/, or a full web address."
    )

    class Meta:
        icon = "help"
        template = "home/blocks/help_route.html"


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
