"""Template helpers for case-file audit pages: the feature's own navigation and share formatting."""

from django import template
from django.urls import reverse

from portal.permissions import caseaudits as can
from portal.templatetags.portal_tags import percent

register = template.Library()


@register.inclusion_tag("caseaudits/_nav.html", takes_context=True)
def caseaudits_nav(context, current=""):
    """Links to the parts of the feature the signed-in person may use."""
    user = context["request"].user
    links = []
    if can.can_list_audits(user):
        links += [("list", "Audits", reverse("caseaudits:list")), ("actions", "Actions", reverse("caseaudits:actions"))]
    if can.can_record_audits(user):
        links += [
            ("moderation", "Moderation", reverse("caseaudits:moderation")),
            ("import", "Import", reverse("caseaudits:import")),
        ]
    if can.can_read_reports(user):
        links += [
            ("report", "Quarterly report", reverse("caseaudits:report")),
            ("frameworks", "Principles", reverse("framework_kind_list", args=["principles"])),
        ]
    return {"links": links, "current": current}


@register.filter
def share(value):
    """A rules.Share as "79% (42 of 53)"."""
    return percent(value.met, value.total)
