"""Who may do what with the Schools Early Help Commitments audits and offer quality visits.

  a school's editors and lead   start, complete and update their own school's audit; read its visits
  the school's lead (DSL)       also submits the audit
  LA officers (and admins)      read every audit, comment on it, see the city-wide view, record visits
  board members                 read submitted audits and the city-wide view, read-only
  other schools, agencies       nothing: another school's audit is a 404

Every audits view and queryset goes through these functions.
"""

from django.db.models import Q

from portal.models import Organisation
from portal.permissions import (
    can_edit_organisation_work,
    can_sign_off_for,
    is_la_officer,
    is_member,
    is_partnership_wide,
    member_organisation_ids,
    scope,
)

# An audit's stored status once its lead has submitted it (audits.models.Audit.Status.SUBMITTED). The core
# imports no feature app, so it names the value; tests/architecture pins it to the feature's vocabulary.
SUBMITTED_STATUS = "submitted"
SUBMITTED = Q(status=SUBMITTED_STATUS)


def visible_audits(user, queryset):
    """Audits the person may read: their schools' audits; LA all; the board submitted ones."""
    return scope(user, queryset, submitted=SUBMITTED)


def visible_audit_parts(user, queryset, audit_field="audit"):
    """Rows that belong to an audit (actions, outcome records...), narrowed like the audits themselves."""
    return scope(
        user,
        queryset,
        organisation_field=f"{audit_field}__organisation",
        submitted=Q(**{f"{audit_field}__status": SUBMITTED_STATUS}),
    )


def can_open_school(user, school) -> bool:
    """A school's audits area: its own people, and the partnership-wide roles (LA officers, the board)."""
    return is_partnership_wide(user) or is_member(user, school)


def can_start_audit(user, organisation) -> bool:
    return organisation.is_school and organisation.is_active and can_edit_organisation_work(user, organisation)


def can_edit_audit(user, audit) -> bool:
    """Editors and the lead of the audit's school, all year (after submission too, to keep it up to date)."""
    return can_edit_organisation_work(user, audit.organisation)


def can_submit_audit(user, audit) -> bool:
    return not audit.is_submitted and can_sign_off_for(user, audit.organisation)


def can_comment_on_audit(user, audit) -> bool:
    return is_la_officer(user)


def can_view_city(user) -> bool:
    return is_partnership_wide(user)


def can_see_unsubmitted_detail(user) -> bool:
    """In the city-wide view, whether in-progress audits' ratings are shown (not to the board)."""
    return is_la_officer(user)


def visible_visits(user, queryset):
    """Offer quality visits: LA officers read all; a school's people read their own school's visits."""
    return scope(user, queryset)


def can_record_visit(user) -> bool:
    return is_la_officer(user)


def can_list_visits(user) -> bool:
    """LA officers, and a school's people for their own school's visits (the board sees only the count)."""
    return is_la_officer(user) or _member_of_a_school(user)


def can_use_school_audits(user) -> bool:
    """A school's own audit: its people (the header offers it to them on every page)."""
    return _member_of_a_school(user)


def _member_of_a_school(user) -> bool:
    """Cached on the user for the request, as the memberships are: the header asks on every page."""
    if not member_organisation_ids(user):
        return False
    cached = getattr(user, "_portal_school_member", None)
    if cached is None:
        cached = Organisation.objects.schools().filter(pk__in=member_organisation_ids(user)).exists()
        user._portal_school_member = cached
    return cached
