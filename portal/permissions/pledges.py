"""Who may do what with partnership pledges.

  the public           the list of signatories and their public statements (no login)
  organisation editor  reads its own organisation's pledges; records evidence (designated lead, training,
                       access routes, impact measures and returns)
  organisation lead    as an editor, and signs the pledges for the organisation and sets each pledge's
                       status and review date: both are declarations to the board, so the accountable
                       person makes them
  LA officer, board    read every organisation's pledges and evidence, the compliance matrix and its export;
  member, admin        they change nothing here (the organisation owns its own pledge record)
  any signed-in        sees the directory of designated leads' contact details (pledge 1 exists so that
  partner              partners know whom to call); never on a public page
Another organisation's people see nothing of its evidence: its pages are 404 to them.
"""

from django.db.models import Q

from portal.models import Organisation
from portal.permissions import (
    can_edit_organisation_work,
    can_sign_off_for,
    is_partnership_wide,
    member_organisation_ids,
    scope,
)

# The board reads every organisation's pledge work: nothing here is a private draft.
_EVERY_ROW = Q(pk__isnull=False)


def pledge_scope(user, queryset, organisation_field="organisation"):
    """Organisation-owned pledge records the person may read."""
    return scope(user, queryset, organisation_field=organisation_field, submitted=_EVERY_ROW)


def pledge_organisations(user):
    """Active organisations whose pledge record the person may open."""
    return pledge_scope(user, Organisation.objects.active(), organisation_field="pk")


def can_view_matrix(user) -> bool:
    return is_partnership_wide(user)


def can_sign(user, organisation) -> bool:
    return can_sign_off_for(user, organisation)


def can_set_status(user, organisation) -> bool:
    return can_sign_off_for(user, organisation)


def can_record_evidence(user, organisation) -> bool:
    return can_edit_organisation_work(user, organisation)


def has_own_pledges(user) -> bool:
    """Belongs to an organisation, whose pledge record is then theirs to keep."""
    return bool(member_organisation_ids(user))


def own_pledge_organisations(user):
    """The organisations whose pledge record the person keeps as a member (not those they read as LA/board)."""
    return pledge_organisations(user).filter(pk__in=member_organisation_ids(user))


def can_view_lead_contacts(user) -> bool:
    """Signed-in partners: anyone with an organisation or a partnership-wide role."""
    return is_partnership_wide(user) or bool(member_organisation_ids(user))
