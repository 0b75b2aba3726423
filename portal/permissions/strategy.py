"""Who may do what with the strategy action plan (plans, objectives' responses, actions, their updates).

  LA QA officers and administrators  everything: create a year's plan (and carry last year's open actions
                                     into it), write the partnership responses, add and edit actions (from
                                     a maturity recommendation too), add progress updates and evidence to
                                     any action, export
  an action's lead (the person)      read the plan; add progress updates (changing the RAG) and evidence
                                     links to their own actions, never edit the action itself
  board members                      read every plan, every action and its history, export; write nothing
  everyone else                      nothing (the plan is the partnership's working document, not public)
No record here is case-level, so the board reads all of it. Who leads an action is passed in as the lead's
user id, since the core imports no feature app.
"""

from portal.permissions import is_board_member, is_la_officer


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def leads(user, lead_user_id) -> bool:
    return _signed_in(user) and lead_user_id is not None and lead_user_id == user.pk


def can_read_plans(user, *, leads_any=False) -> bool:
    """The plans, their actions and each action's history: the LA, the board and the actions' leads."""
    return is_la_officer(user) or is_board_member(user) or (_signed_in(user) and leads_any)


def can_manage_plans(user) -> bool:
    """Create plans, carry actions forward, write responses, add and edit actions."""
    return is_la_officer(user)


def can_update_action(user, lead_user_id) -> bool:
    """Add a progress update (with the RAG it sets) or an evidence link: the action's lead, and the LA."""
    return is_la_officer(user) or leads(user, lead_user_id)


def can_export_plans(user) -> bool:
    return is_la_officer(user) or is_board_member(user)
