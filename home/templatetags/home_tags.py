"""Template helpers for offer pages and the directory."""

from django import template

from home import rules

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
