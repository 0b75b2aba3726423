"""Template helpers for the board pack's blocks."""

from django import template

register = template.Library()


@register.filter
def column(columns, index):
    """The heading of a table block's column `index`, for the card layout's `data-label`."""
    try:
        return columns[index]
    except (IndexError, TypeError):
        return ""
