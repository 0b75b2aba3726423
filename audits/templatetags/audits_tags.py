"""The audit tool's template tags: the RAG key with the roll-up rule in words, from audits.rules."""

from django import template

from audits.rules import COMMITMENT_RAG_RULE
from portal.templatetags.portal_tags import rag_tag

register = template.Library()


@register.inclusion_tag("audits/includes/rag_key.html")
def commitments_rag_key():
    """The key every page showing commitment ratings prints: each rating and what earns it (one source)."""
    return {"rule": COMMITMENT_RAG_RULE}


@register.simple_tag(takes_context=True)
def matrix_rag_tag(context, value):
    """portal's rag_tag, made once per rating in a page: the city matrix shows the same four tags hundreds of
    times, and each one is a template rendered."""
    made = context.render_context.get("matrix_rag_tags")
    if made is None:
        made = context.render_context["matrix_rag_tags"] = {}
    if value not in made:
        made[value] = rag_tag(value)
    return made[value]
