"""Template helpers shared by every app: RAG tags, status tags, breadcrumbs, charts."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page

from portal.navigation import NavLink
from portal.rag import RAG_MEANINGS, Rag

register = template.Library()


def _tag(modifier, text, title=""):
    """The one tag markup, includes/tag.html; a string, so Python callers (home_tags) can use it too."""
    return render_to_string("includes/tag.html", {"modifier": modifier, "text": text, "title": title})


@register.simple_tag
def rag_tag(value, label=None, meaning=None):
    """<strong class="tag tag--rag-red">Red</strong>: the word is always there, the colour only helps.

    A feature whose RAG means something else (the performance book rates against targets) passes its own
    label and meaning; any value that is not Red, Amber or Green is shown grey."""
    try:
        rag = Rag(value)
    except ValueError:
        rag = Rag.NOT_STARTED
    return _tag("rag-" + rag.value.replace("_", "-"), label or rag.label, meaning or RAG_MEANINGS[rag])


@register.simple_tag
def status_tag(text, colour="grey"):
    """A neutral tag for statuses such as Draft / Submitted / Published."""
    return _tag(colour, text)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """Dashboard › the current header section › `trail`, given as label, url pairs; a last label without
    a url is the page itself. The section comes from portal.navigation, so no page names it again."""
    request = context["request"]
    navigation = context.get("navigation")
    crumbs = []
    if request.user.is_authenticated:
        crumbs.append(NavLink("Dashboard", reverse("dashboard")))
    for root in navigation.trail_root() if navigation else []:
        if root.url not in {crumb.url for crumb in crumbs}:
            crumbs.append(root)
    pairs = list(trail)
    while pairs:
        label, url = pairs.pop(0), (pairs.pop(0) if pairs else "")
        crumbs.append(NavLink(str(label), url))
    # The page itself is never a link to itself.
    if crumbs and crumbs[-1].url == request.path:
        crumbs[-1] = NavLink(crumbs[-1].label, "")
    return {"crumbs": crumbs if any(crumb.url for crumb in crumbs) else []}


@register.filter
def is_cms_page(value):
    """True for a Wagtail page: the CMS userbar belongs on those, not on a portal page's paginator `page`."""
    return isinstance(value, Page)


@register.filter
def percent(numerator, denominator):
    """'79% (42 of 53)'; '—' when there is nothing to divide."""
    if not denominator:
        return "— (0 of 0)"
    return f"{round(100 * numerator / denominator)}% ({numerator} of {denominator})"


@register.filter(name="zip")
def zip_filter(left, right):
    """Pairs two lists, so a table cell can name its column: {% for c, rag in commitments|zip:rags %}."""
    return list(zip(left, right, strict=False))


@register.simple_tag
def pairs(*values):
    """[(key, value), ...] from key, value, key, value...: rows for includes/summary_list.html."""
    return list(zip(values[::2], values[1::2], strict=False))
