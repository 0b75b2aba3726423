"""The audit tool's template tags: the RAG key with the roll-up rule in words, from audits.rules."""

from django import template
from django.utils.html import format_html_join

from audits.rules import COMMITMENT_RAG_RULE
from portal.templatetags.portal_tags import rag_tag, status_tag

register = template.Library()


@register.inclusion_tag("audits/includes/rag_key.html")
def commitments_rag_key():
    """The key every page showing commitment ratings prints: each rating and what earns it (one source)."""
    return {"rule": COMMITMENT_RAG_RULE}


def _made_once(context, kind, key, make):
    """`make()` once per `key` in a page: the city matrix shows the same few tags hundreds of times, and
    each one is a template rendered (portal's tags render includes/tag.html)."""
    made = context.render_context.get(kind)
    if made is None:
        made = context.render_context[kind] = {}
    if key not in made:
        made[key] = make()
    return made[key]


@register.simple_tag(takes_context=True)
def matrix_rag_tag(context, value):
    """portal's rag_tag, made once per rating in a page."""
    return _made_once(context, "matrix_rag_tags", value, lambda: rag_tag(value))


@register.simple_tag(takes_context=True)
def matrix_status_tag(context, text, colour):
    """portal's status_tag, made once per status in a page."""
    return _made_once(context, "matrix_status_tags", (text, colour), lambda: status_tag(text, colour))


@register.simple_tag(takes_context=True)
def matrix_commitment_cells(context, commitments, rags, unrated=""):
    """A row's cell for each commitment, named by its column (data-label): the row's ratings, or `unrated`
    in every cell when the row has none. One tag for the row's cells rather than a loop in the template:
    the matrix shows hundreds of them, and each node of a loop is looked up again for every cell."""
    labels = [f"{c.number}. {c.short_title}" for c in commitments]
    contents = [matrix_rag_tag(context, rag) for rag in rags] if rags else [unrated] * len(labels)
    return format_html_join("", '<td data-label="{}">{}</td>', zip(labels, contents, strict=False))
