"""People in each partnership role."""

from portal.models import Membership, User

PASSWORD = "a-Test-password-1234"

# Every role the role x view matrices check, in the order they report them ("anonymous" is nobody signed in).
ROLES = [
    "anonymous",
    "admin",
    "la_officer",
    "board_member",
    "school_lead",
    "school_editor",
    "other_school_lead",
    "agency_lead",
    "agency_editor",
    "no_role",
]
# The same, signed in.
SIGNED_IN_ROLES = [role for role in ROLES if role != "anonymous"]


def make_user(email, *, role="", superuser=False, memberships=()):
    """A person with a partnership role (or none), optionally an administrator, and their memberships:
    `memberships` is [(organisation, Membership.Role)]."""
    user = User.objects.create_user(
        email=email, password=PASSWORD, first_name=email.split("@")[0].title(), last_name="Tester"
    )
    user.partnership_role = role
    user.is_superuser = user.is_staff = superuser
    user.save()
    for organisation, membership_role in memberships:
        Membership.objects.create(user=user, organisation=organisation, role=membership_role)
    return user
