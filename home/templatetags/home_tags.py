"""Template helpers for offer pages and the directory."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home import rules
from home.directory_cache import DIRECTORY

register = template.Library()


@register.filter
def organisation_description(organisation):
    return rules.describe_organisation(
        organisation.kind,
        organisation.phase,
        organisation.get_sector_display() if organisation.sector else "",
        organisation.locality.name if organisation.locality_id else "",
    )


@register.simple_tag
def age_range(min_age, max_age):
    return rules.age_range_label(min_age, max_age)


@register.simple_tag
def offer_state_tag(state):
    """A rules.State as a status tag: the words always say it, the colour only helps."""
    from portal.templatetags.portal_tags import status_tag

    return status_tag(state.label, state.colour)


@register.filter
def days_label(codes):
    return rules.days_label(codes)


@register.simple_tag
def service_facts(service):
    """A service's facts as summary-list rows, in the order a parent asks: cost, who for, how to get it."""
    from django.utils.html import format_html, format_html_join

    rows = [
        (
            "Cost",
            format_html('<strong class="tag tag--green">Free</strong>') if service.is_free else service.cost_label,
        ),
        (
            "Who it is for",
            " ".join(
                part
                for part in (f"Ages {rules.age_range_label(service.min_age, service.max_age)}.", service.eligibility)
                if part
            ),
        ),
        (
            "How to get it",
            format_html_join("", '<span class="offer-service__way">{}</span>', ((w,) for w in service.ways_to_get_it)),
        ),
    ]
    contact = [
        format_html('<a href="tel:{}">{}</a>', service.contact_phone.replace(" ", ""), service.contact_phone)
        if service.contact_phone
        else "",
        format_html('<a href="mailto:{}">{}</a>', service.contact_email, service.contact_email)
        if service.contact_email
        else "",
    ]
    if any(contact):
        rows.append(("Contact", format_html_join(format_html("<br>"), "{}", ((c,) for c in contact if c))))
    if service.language_list:
        rows.append(("Languages", ", ".join(service.language_list)))
    getting_in = " ".join(
        part
        for part in (service.step_free_label + "." if service.step_free_label else "", service.venue_accessibility)
        if part
    )
    if getting_in:
        rows.append(("Getting in", getting_in))
    return rows


@register.simple_tag(takes_context=True)
def offer_article(context):
    """An offer page's content (home/includes/offer_article.html), from the shared cache.

    It is the same for every visitor on the same site on the same day (the review notice compares dates),
    and only the published page is served at its URL, so it is kept under the DIRECTORY generation, which
    anything it shows retires when it changes (home/signals.py). A preview renders the draft, uncached.
    """
    request, page = context["request"], context["page"]
    template = context.template.engine.get_template("home/includes/offer_article.html")
    if getattr(request, "is_preview", False):
        return template.render(context)
    site = Site.find_for_request(request)
    parts = ("offer article", page.pk, site.pk if site else None, rules.today())
    # Our own template's output, escaped when it was rendered.
    return mark_safe(DIRECTORY.cached(parts, lambda: str(template.render(context))))
