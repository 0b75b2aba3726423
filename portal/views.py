"""Signed-in pages of the partnership core: the dashboard and an organisation's own record."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from portal import permissions
from portal.concurrency import VersionedUpdateView
from portal.dashboard import ROLE_HEADINGS, needs_action, sections_for
from portal.forms import OrganisationContactForm
from portal.models import Membership


@login_required
def dashboard(request):
    role = permissions.dashboard_role(request.user)
    sections = sections_for(request.user)
    return render(
        request,
        "portal/dashboard.html",
        {
            "role": role,
            "role_heading": ROLE_HEADINGS[role],
            "sections": sections,
            "needs_action": needs_action(sections),
        },
    )


@login_required
def organisation_detail(request, slug):
    organisation = get_object_or_404(permissions.visible_organisations(request.user), slug=slug)
    people = Membership.objects.filter(organisation=organisation).select_related("user").order_by("role")
    return render(
        request,
        "portal/organisation_detail.html",
        {
            "organisation": organisation,
            "people": people,
            "can_edit": permissions.can_edit_organisation_record(request.user, organisation),
        },
    )


class OrganisationContactEdit(LoginRequiredMixin, VersionedUpdateView):
    form_class = OrganisationContactForm
    template_name = "portal/organisation_contact_form.html"
    success_message = "Contact details saved."

    def get_queryset(self):
        return permissions.visible_organisations(self.request.user)

    def get_object(self, queryset=None):
        organisation = super().get_object(queryset)
        permissions.require(permissions.can_edit_organisation_record(self.request.user, organisation))
        return organisation

    def get_success_url(self):
        return reverse("organisation_detail", args=[self.object.slug])


def la_only(view):
    """Wrap a view (e.g. a Wagtail admin report) so that only LA officers and administrators reach it."""

    @login_required
    def wrapped(request, *args, **kwargs):
        permissions.require(permissions.can_read_site_reports(request.user))
        return view(request, *args, **kwargs)

    return wrapped
