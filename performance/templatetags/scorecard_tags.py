"""The scorecard's words on a page: a rating as a tag (word and colour), a direction of travel in words
beside its decorative arrow, and an indicator's owner."""

from django import template
from django.utils.html import format_html

from performance.rules import RATING_MEANINGS, Rating
from portal.charts import figures_table, sparkline
from portal.templatetags.portal_tags import rag_tag

register = template.Library()


@register.simple_tag
def rating_tag(rating):
    rating = Rating(rating) if rating in Rating.values else Rating.NOT_RATED
    return rag_tag(rating.value, rating.label, RATING_MEANINGS[rating])


@register.simple_tag
def travel_text(direction, against=""):
    """'↓ Worsening' with the arrow hidden from screen readers: the word says it."""
    return format_html(
        '<span class="travel travel--{}"><span class="travel__arrow" aria-hidden="true">{}</span> {}{}</span>',
        direction.travel.value.replace("_", "-"),
        direction.arrow,
        direction.label,
        format_html('<span class="visually-hidden"> {}</span>', against) if against else "",
    )


@register.simple_tag
def trend_line(values, reference=None):
    """The decorative sparkline of a row's trend (its figures are in the table beside it)."""
    return sparkline(values, reference=reference)


@register.simple_tag
def trend_table(points, caption):
    """The trend's figures as a table: the same numbers as the sparkline beside it."""
    return figures_table(((p.period.label, p.text) for p in points), caption=caption)


@register.filter
def owner_name(owner):
    if owner is None:
        return "No owner yet"
    return f"{owner.user.get_full_name() or owner.user.email}, {owner.organisation.name}"
