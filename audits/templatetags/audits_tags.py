"""The audit tool's template tags: the RAG key with the roll-up rule in words, from audits.rules."""

from django import template

from audits.rules import COMMITMENT_RAG_RULE

register = template.Library()


@register.inclusion_tag("audits/includes/rag_key.html")
def commitments_rag_key():
    """The key every page showing commitment ratings prints: each rating and what earns it (one source)."""
    return {"rule": COMMITMENT_RAG_RULE}
