"""Who may do what with EHA principle case-file audits.

  LA QA officers (and administrators)  record, correct, import, moderate (never their own audit) and read all
  the lead practitioner's agency       reads the audits of the cases it leads (read-only) and records
                                       progress on their actions; its editors and lead alike
  board members                        read the aggregate reports only, never a case-level record
  everyone else (other schools and agencies, people with no role)  nothing
Audits concern children, so case-level records are never opened to the board "as submitted work".
"""

from portal.permissions import is_board_member, is_la_officer, is_member, member_organisation_ids, scope


def can_record_audits(user) -> bool:
    """Create, import and correct audits, add actions and draw moderation samples."""
    return is_la_officer(user)


def can_read_reports(user) -> bool:
    """The aggregate quarterly reports and their exports."""
    return is_la_officer(user) or is_board_member(user)


def can_list_audits(user) -> bool:
    """Anyone who may read at least some case-level audits: LA officers and members of an organisation."""
    return is_la_officer(user) or bool(member_organisation_ids(user))


def visible_audits(user, queryset):
    """Case-level audits the person may open: LA all, an organisation the cases it leads, the board none."""
    return scope(user, queryset, organisation_field="lead_agency")


def visible_actions(user, queryset):
    """Actions for lead practitioners: LA all, an organisation those on the cases it leads."""
    return scope(user, queryset, organisation_field="audit__lead_agency")


def can_change_audit(user, audit) -> bool:
    """Correct or delete an audit: LA officers, until it has been moderated (moderation judged that content)."""
    return is_la_officer(user) and not is_moderated(audit)


def can_moderate(user, audit) -> bool:
    """A second LA officer, never the audit's own auditor, and only once."""
    return is_la_officer(user) and audit.auditor_id != user.pk and not is_moderated(audit)


def can_change_action(user, action) -> bool:
    """Change what an action asks and by when: LA officers."""
    return is_la_officer(user)


def can_record_progress(user, action) -> bool:
    """Record progress on (or complete) an action: the lead agency's people, and LA officers."""
    return is_la_officer(user) or is_member(user, action.audit.lead_agency_id)


def is_moderated(audit) -> bool:
    return hasattr(audit, "moderation")
