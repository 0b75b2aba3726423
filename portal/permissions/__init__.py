"""Who may do what: the one place that decides every read and write.

Views never test roles themselves. They ask here:
- `scope(user, queryset, ...)` narrows a queryset of organisation-owned work to what the person may read;
- `can_*` answer yes/no questions for one organisation or object;
- `require(condition)` turns a "no" into 403 (use `get_object_or_404(scope(...))` to make foreign
  records 404, so their existence is not confirmed).

Feature rules that go beyond these (who moderates offers, who may second-audit a case file...) live in
this package, one module per feature, built from the predicates below.

The roles (see portal.models):
  organisation editor  prepares their organisation's work
  organisation lead    as an editor, and signs off / submits for the organisation (the DSL)
  LA QA officer        partnership-wide read and moderation
  board member         partnership-wide read of *submitted* work only
  site administrator   everything (Django superuser)
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from portal.models import Membership, Organisation, User

__all__ = [
    "is_admin",
    "is_la_officer",
    "is_board_member",
    "is_partnership_wide",
    "member_organisation_ids",
    "lead_organisation_ids",
    "is_member",
    "is_lead",
    "can_view_organisation",
    "can_edit_organisation_work",
    "can_edit_organisation_record",
    "can_sign_off_for",
    "can_administer",
    "may_use_two_factor",
    "can_read_audit_trail",
    "can_read_site_reports",
    "la_officers",
    "scope",
    "visible_organisations",
    "require",
    "dashboard_role",
]


def _signed_in(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_admin(user) -> bool:
    return _signed_in(user) and user.is_superuser


def is_la_officer(user) -> bool:
    """LA quality-assurance officers; administrators hold every power an officer holds."""
    return _signed_in(user) and (user.is_superuser or user.partnership_role == User.PartnershipRole.LA_OFFICER)


def can_see_job(user, job) -> bool:
    """A background job and what it made: the person who started it, and LA officers."""
    return _signed_in(user) and (job.owner_id == user.pk or is_la_officer(user))


def is_board_member(user) -> bool:
    return _signed_in(user) and user.partnership_role == User.PartnershipRole.BOARD_MEMBER


def is_partnership_wide(user) -> bool:
    """May read across organisations (LA officers and administrators all work, the board submitted work)."""
    return is_la_officer(user) or is_board_member(user)


def _memberships(user):
    """{organisation id: role} for the person's active organisations, cached on the user for the request."""
    if not _signed_in(user):
        return {}
    cached = getattr(user, "_portal_memberships", None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(user=user, organisation__status=Organisation.Status.ACTIVE).values_list(
                "organisation_id", "role"
            )
        )
        user._portal_memberships = cached
    return cached


def member_organisation_ids(user) -> set[int]:
    return set(_memberships(user))


def lead_organisation_ids(user) -> set[int]:
    return {org_id for org_id, role in _memberships(user).items() if role == Membership.Role.LEAD}


def _org_id(organisation):
    return organisation if isinstance(organisation, int) else getattr(organisation, "pk", None)


def is_member(user, organisation) -> bool:
    return _org_id(organisation) in _memberships(user)


def is_lead(user, organisation) -> bool:
    return _memberships(user).get(_org_id(organisation)) == Membership.Role.LEAD


def can_view_organisation(user, organisation) -> bool:
    """The organisation's private record (people, unpublished work in general)."""
    return is_la_officer(user) or is_member(user, organisation)


def can_edit_organisation_work(user, organisation) -> bool:
    """Prepare and change the organisation's own work: its editors and lead."""
    return is_member(user, organisation)


def can_edit_organisation_record(user, organisation) -> bool:
    """The organisation's own record (its contact details): its people, and LA officers who keep it right."""
    return is_la_officer(user) or can_edit_organisation_work(user, organisation)


def can_sign_off_for(user, organisation) -> bool:
    """Sign, submit or approve on the organisation's behalf: its lead only."""
    return is_lead(user, organisation)


def may_use_two_factor(user) -> bool:
    """Two-factor sign-in is offered to the roles that read across the partnership."""
    return is_partnership_wide(user)


def can_read_audit_trail(user) -> bool:
    """Who changed what and when: LA officers and administrators."""
    return is_la_officer(user)


def can_read_site_reports(user) -> bool:
    """The CMS's site-wide reports (they name every organisation's pages): LA officers and administrators."""
    return is_la_officer(user)


def la_officers():
    """The people who hold an LA officer's powers (administrators too): whom a form may name as the officer
    who audited a case or visited a school."""
    return User.objects.filter(
        Q(partnership_role=User.PartnershipRole.LA_OFFICER) | Q(is_superuser=True), is_active=True
    )


def can_administer(user) -> bool:
    """Localities, organisations, people and frameworks."""
    return is_admin(user)


def scope(user, queryset, *, organisation_field="organisation", submitted=None):
    """Narrow organisation-owned work to what `user` may read.

    organisation_field  the lookup from the queryset's model to its Organisation
    submitted           a Q selecting rows that count as submitted; the board reads those across the
                        partnership. Leave it None for work the board never reads.
    LA officers and administrators read everything; members read their own organisations' work.
    """
    if not _signed_in(user):
        return queryset.none()
    if is_la_officer(user):
        return queryset
    condition = Q(**{f"{organisation_field}__in": member_organisation_ids(user)})
    if submitted is not None and is_board_member(user):
        condition |= submitted
    return queryset.filter(condition)


def visible_organisations(user):
    """Organisations whose private record the person may open."""
    return scope(user, Organisation.objects.all(), organisation_field="pk")


def require(condition: bool, message="You do not have permission to do that."):
    if not condition:
        raise PermissionDenied(message)


def dashboard_role(user) -> str:
    """Which dashboard a person lands on after signing in."""
    if is_admin(user):
        return "admin"
    if is_la_officer(user):
        return "la_officer"
    if is_board_member(user):
        return "board_member"
    roles = set(_memberships(user).values())
    if Membership.Role.LEAD in roles:
        return "lead"
    if roles:
        return "editor"
    return "none"
