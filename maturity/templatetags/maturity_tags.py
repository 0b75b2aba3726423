"""Template helpers for maturity pages."""

from django import template
from django.utils.html import format_html

from maturity import rules

register = template.Library()


@register.simple_tag
def rating_tag(code, label):
    """A rating in words; 'not rated' is shown quieter. No colour carries meaning on its own."""
    if code is None or code == rules.UNRATED:
        return format_html('<span class="rating rating--none">{}</span>', label)
    return format_html('<strong class="rating">{}</strong>', label)


@register.filter
def rating_label(code, framework):
    """{{ view.rating|rating_label:round.framework }} -> 'Developing/Maturing'."""
    return framework.rating_label(code)


@register.filter
def overdue(item, today):
    """{% if item|overdue:today %}: an open action past its due date."""
    return item.is_overdue(today)
