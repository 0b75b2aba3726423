"""What every organisation-level pledge view shares: finding the organisation, checking the permission,
and saving without a 500 when two people save the same thing at once."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse

from pledges.models import Pledge
from pledges.selectors import latest_signature, working_pledge_set
from portal.concurrency import STALE_EDIT_MESSAGE
from portal.permissions import require
from portal.permissions.pledges import pledge_organisations


def get_organisation(user, slug):
    """An organisation the person may read pledge work for; any other is a 404 (its existence not confirmed)."""
    return get_object_or_404(pledge_organisations(user), slug=slug)


def get_pledge(organisation, number):
    """Pledge `number` of the version the organisation works to."""
    pledge_set = working_pledge_set(latest_signature(organisation))
    return get_object_or_404(Pledge.objects.select_related("pledge_set"), pledge_set=pledge_set, number=number)


def pledge_url_for_evidence(organisation, evidence_kind):
    """The pledge page that shows this kind of evidence, or the organisation's overview if none does."""
    pledge_set = working_pledge_set(latest_signature(organisation))
    pledge = pledge_set.pledges.filter(evidence=evidence_kind).first() if pledge_set else None
    if pledge is None:
        return reverse("pledges:organisation", args=[organisation.slug])
    return reverse("pledges:pledge", args=[organisation.slug, pledge.number])


class OrganisationMixin(LoginRequiredMixin):
    """Sets self.organisation from the URL's slug; `permission(user, organisation)` must allow the view (403)."""

    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organisation = get_organisation(request.user, kwargs["slug"])
        if self.permission is not None:
            require(type(self).permission(request.user, self.organisation))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class SaveSafelyMixin:
    """A unique row created by someone else between opening and saving the form is reported like a stale
    edit (the person's input kept), not a server error."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:
            form.add_error(None, STALE_EDIT_MESSAGE)
            return self.form_invalid(form)
