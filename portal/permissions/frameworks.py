"""Who may read and load frameworks (portal/frameworks.py): every framework alike.

A framework's wording is not private (partners answer against it), but its screens are for the people who
run the partnership: LA officers, administrators and the board read every version; only administrators
load a new one, because a loaded version changes what every later response answers.
"""

from portal.permissions import can_administer, is_partnership_wide


def can_read_frameworks(user) -> bool:
    return is_partnership_wide(user)


def can_load_frameworks(user) -> bool:
    return can_administer(user)
