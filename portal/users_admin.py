"""People in the Wagtail admin: the standard user screens plus job title and partnership role.

Wired in through `portal.apps.PortalUsersAppConfig` (in INSTALLED_APPS instead of "wagtail.users"), the way
Wagtail documents customising its user forms. Organisation roles are edited on each organisation.
"""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

EXTRA_FIELDS = {"job_title", "partnership_role"}


class PersonCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | EXTRA_FIELDS


class PersonEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | EXTRA_FIELDS


class PersonViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
