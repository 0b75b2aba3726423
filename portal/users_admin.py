"""People in the Wagtail admin: the standard user screens in the portal's words, plus job title, partnership
role, invitations and a people picker.

Wired in through `portal.apps.PortalUsersAppConfig` (in INSTALLED_APPS instead of "wagtail.users"), the way
Wagtail documents customising its user forms. Organisation roles are edited on each organisation.

- Nobody types another person's password (WAGTAILUSERS_PASSWORD_ENABLED is off): a person added here is
  emailed an invitation to choose their own (portal/invitations.py), which can be sent again; its status
  shows on their page and in the list.
- The Roles tab lists only the groups an administrator may usefully tick. Groups the portal keeps in step
  itself (features name them through the `register_managed_groups` hook: a queryset of Group) and
  Wagtail's default groups, which grant nothing in the portal, are left out; the person keeps the managed
  groups they hold, and the tab says where their roles come from.
- `PersonChooserViewSet` is the picker for a person (an organisation's "People and their roles"): it
  searches by name or email and shows the email, so two people of the same name can be told apart.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as user_views
from wagtail.users.views.users import UserViewSet

from portal import permissions
from portal.models import User
from portal.services import invitations as invitation_service

EXTRA_FIELDS = {"job_title", "partnership_role"}
# Created by Wagtail's own migrations; in the portal a role comes from the partnership role or a membership.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
DUPLICATE_EMAIL = "Someone with this email address is already in the portal: find them in the list instead."
ROLES_EXPLAINED = (
    "What a person may do comes from their partnership role (on the Account tab) and their roles in "
    "organisations (edited on each organisation). The CMS groups behind those are kept in step automatically "
    "and are not listed here."
)


def managed_groups():
    """Groups the portal keeps in step itself: every feature's (the hook) and Wagtail's defaults."""
    groups = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    for hook in hooks.get_hooks("register_managed_groups"):
        groups = groups | hook()
    return groups


class PersonFormMixin:
    error_messages = {**UserEditForm.error_messages, "duplicate_username": DUPLICATE_EMAIL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        if "groups" in self.fields:
            hidden = managed_groups()
            self.fields["groups"].queryset = Group.objects.exclude(pk__in=hidden.values("pk")).order_by("name")
            self.kept_groups = list(self.instance.groups.filter(pk__in=hidden.values("pk"))) if self.instance.pk else []
            held = ", ".join(sorted(group.name for group in self.kept_groups))
            self.fields["groups"].help_text = ROLES_EXPLAINED + (f" Held through the portal: {held}." if held else "")

    def clean_email(self):
        # Stored in lower case (User.save), so compared in lower case: "Owen@" is the same person as "owen@".
        return self.cleaned_data["email"].strip().lower()

    def clean_groups(self):
        # The person keeps the groups the portal manages, which the tab does not offer.
        return [*self.cleaned_data["groups"], *self.kept_groups]


class PersonCreationForm(PersonFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | EXTRA_FIELDS


class PersonEditForm(PersonFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | EXTRA_FIELDS


def invitation_status(user, now=None):
    invitation = getattr(user, "invitation", None)
    return invitation.status(now or timezone.now()).label if invitation else ""


class PersonIndexView(user_views.IndexView):
    @property
    def columns(self):
        columns = list(super().columns)
        columns.insert(-1, Column("invitation", label="Invitation", accessor=invitation_status, width="10%"))
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("invitation")


class PersonCreateView(user_views.CreateView):
    success_message = "%(object)s has been added and emailed an invitation to choose their password."

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "invitation_valid_days": settings.INVITATION_VALID_DAYS}

    def save_instance(self):
        person = super().save_instance()
        invitation_service.invite(person, sent_by=self.request.user)
        return person


class PersonEditView(user_views.EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation = getattr(self.object, "invitation", None)
        context["invitation"] = invitation.describe(timezone.now()) if invitation else None
        return context


class PersonViewSet(UserViewSet):
    index_view_class = PersonIndexView
    add_view_class = PersonCreateView
    edit_view_class = PersonEditView

    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm


@require_POST
def send_invitation(request, user_id):
    """Send (again) the invitation to choose a password: a new link, the earlier one stops working."""
    permissions.require(permissions.can_administer(request.user))
    person = get_object_or_404(User, pk=user_id)
    invitation = invitation_service.invite(person, sent_by=request.user)
    messages.success(
        request,
        f"A new invitation has been emailed to {person.email}. It works until {invitation.expires_at:%-d %B %Y}.",
    )
    return redirect("wagtailusers_users:edit", person.pk)


# --- The people picker -----------------------------------------------------------------------------------


def person_label(person):
    name = person.get_full_name()
    return f"{name} ({person.email})" if name else person.email


class PersonSearchForm(BaseFilterForm):
    q = forms.CharField(label="Search by name or email address", required=False)

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            for word in query.split()[:5]:
                objects = objects.filter(
                    Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
                )
        return objects


class AdministratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        permissions.require(permissions.can_administer(request.user))
        return super().dispatch(request, *args, **kwargs)


class PersonChooseViewMixin(AdministratorsOnlyMixin):
    filter_form_class = PersonSearchForm
    per_page = 20

    def get_object_list(self):
        return User.objects.filter(is_active=True).order_by("last_name", "first_name", "email")

    @property
    def columns(self):
        title = self.title_column
        title.label, title.accessor = "Name", lambda person: person.get_full_name() or person.email
        return [title, Column("email", label="Email address"), Column("job_title", label="Job title")]


class PersonChosenMixin:
    def get_display_title(self, instance):
        return person_label(instance)


class PersonChooser(BaseChooser):
    choose_one_text = "Choose a person"
    choose_another_text = "Choose another person"

    def get_display_title(self, instance):
        return person_label(instance)


class PersonChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = "Choose a person"
    choose_another_text = "Choose another person"
    base_widget_class = PersonChooser
    choose_view_class = type("PersonChooseView", (PersonChooseViewMixin, chooser_views.ChooseView), {})
    choose_results_view_class = type(
        "PersonChooseResultsView", (PersonChooseViewMixin, chooser_views.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "PersonChosenView", (AdministratorsOnlyMixin, PersonChosenMixin, chooser_views.ChosenView), {}
    )
    chosen_multiple_view_class = type(
        "PersonChosenMultipleView",
        (AdministratorsOnlyMixin, PersonChosenMixin, chooser_views.ChosenMultipleView),
        {},
    )
