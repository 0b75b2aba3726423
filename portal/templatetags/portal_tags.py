"""Template helpers shared by every app: RAG tags, status tags, charts."""

from django import template
from django.utils.html import format_html

from portal.rag import RAG_MEANINGS, Rag

register = template.Library()


@register.simple_tag
def rag_tag(value, label=None):
    """<strong class="tag tag--rag-red">Red</strong>: the word is always there, the colour only helps."""
    try:
        rag = Rag(value)
    except ValueError:
        rag = Rag.NOT_STARTED
    return format_html(
        '<strong class="tag tag--rag-{}" title="{}">{}</strong>',
        rag.value.replace("_", "-"),
        RAG_MEANINGS[rag],
        label or rag.label,
    )


@register.simple_tag
def status_tag(text, colour="grey"):
    """A neutral tag for statuses such as Draft / Submitted / Published."""
    return format_html('<strong class="tag tag--{}">{}</strong>', colour, text)


@register.filter
def percent(numerator, denominator):
    """'79% (42 of 53)'; '—' when there is nothing to divide."""
    if not denominator:
        return "— (0 of 0)"
    return f"{round(100 * numerator / denominator)}% ({numerator} of {denominator})"
