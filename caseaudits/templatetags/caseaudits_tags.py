"""Template helpers for case-file audit pages: share formatting (the sub-navigation is caseaudits/navigation.py)."""

from django import template

from portal.templatetags.portal_tags import percent

register = template.Library()


@register.filter
def share(value):
    """A rules.Share as "79% (42 of 53)"."""
    return percent(value.met, value.total)
