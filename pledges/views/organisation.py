"""An organisation's own pledge record: overview, one pledge with its evidence, signing and status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import CreateView

from pledges import rules, selectors
from pledges.forms import SignatureForm, SignForm, StatusForm
from pledges.models import PledgeStatus, Signature
from pledges.views.mixins import OrganisationMixin, SaveSafelyMixin, get_organisation, get_pledge
from portal.concurrency import VersionedUpdateView
from portal.models import Organisation
from portal.permissions import is_partnership_wide, member_organisation_ids
from portal.permissions import pledges as can


@login_required
def index(request):
    """Where a partner starts: their organisations' pledges; the board and LA also get the matrix."""
    today = timezone.localdate()
    organisations = Organisation.objects.active().filter(pk__in=member_organisation_ids(request.user)).order_by("name")
    current = selectors.current_pledge_set()
    signed = dict(
        Signature.objects.filter(organisation__in=organisations, pledge_set=current).values_list(
            "organisation_id", "signed_on"
        )
    )
    statuses = {}
    for record in PledgeStatus.objects.filter(organisation__in=organisations, pledge__pledge_set=current):
        statuses.setdefault(record.organisation_id, []).append((record.status, record.review_date))
    pledge_count = current.pledges.count() if current else 0
    yours = []
    for organisation in organisations:
        pairs = statuses.get(organisation.pk, [])
        pairs += [(None, None)] * (pledge_count - len(pairs))
        yours.append((organisation, signed.get(organisation.pk), rules.count_statuses(pairs, today)))
    return render(
        request,
        "pledges/index.html",
        {"yours": yours, "pledge_set": current, "partnership_wide": is_partnership_wide(request.user)},
    )


@login_required
def organisation(request, slug):
    organisation = get_organisation(request.user, slug)
    today = timezone.localdate()
    signature = selectors.latest_signature(organisation)
    pledge_set = selectors.working_pledge_set(signature)
    current = selectors.current_pledge_set()
    cells = selectors.organisation_cells(organisation, pledge_set, today) if pledge_set else []
    summary = selectors.evidence_summary(organisation)
    counts = rules.count_statuses(((c.status, c.review_date) for c in cells), today)
    return render(
        request,
        "pledges/organisation.html",
        {
            "organisation": organisation,
            "signature": signature,
            "pledge_set": pledge_set,
            "revision_to_sign": current if current and pledge_set != current else None,
            "rows": [(cell, summary.get(cell.pledge.evidence, "")) for cell in cells],
            "counts": counts,
            "compliance": rules.compliance_percent(counts),
            "can_sign": can.can_sign(request.user, organisation),
            "can_set_status": can.can_set_status(request.user, organisation),
            "can_record_evidence": can.can_record_evidence(request.user, organisation),
        },
    )


@login_required
def pledge(request, slug, number):
    organisation = get_organisation(request.user, slug)
    pledge = get_pledge(organisation, number)
    record = PledgeStatus.objects.filter(organisation=organisation, pledge=pledge).first()
    evidence = selectors.evidence_for(organisation, pledge.evidence)
    offer = evidence.get("offer")
    cell = selectors.make_cell(pledge, record, timezone.localdate(), offer)
    return render(
        request,
        "pledges/pledge.html",
        {
            "organisation": organisation,
            "pledge": pledge,
            "cell": cell,
            "evidence": evidence,
            "offer_warning": rules.offer_pledge_warning(cell.declared, cell.offer) if cell.offer else "",
            "can_set_status": can.can_set_status(request.user, organisation),
            "can_record_evidence": can.can_record_evidence(request.user, organisation),
        },
    )


class Sign(OrganisationMixin, CreateView):
    """The lead signs the current pledges for the organisation, having read them with their commentary."""

    permission = can.can_sign
    form_class = SignForm
    template_name = "pledges/sign.html"

    def dispatch(self, request, *args, **kwargs):
        self.pledge_set = selectors.current_pledge_set()
        if self.pledge_set is None:
            raise Http404("No pledges have been loaded yet.")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.already_signed():
            messages.info(request, "Your organisation has already signed the current pledges.")
            return redirect("pledges:organisation", self.organisation.slug)
        return super().get(request, *args, **kwargs)

    def already_signed(self):
        return Signature.objects.filter(organisation=self.organisation, pledge_set=self.pledge_set).exists()

    def get_initial(self):
        user = self.request.user
        return {
            "signatory_name": user.get_full_name(),
            "signatory_role": user.job_title,
            "signed_on": timezone.localdate(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(pledge_set=self.pledge_set, **kwargs)

    def form_valid(self, form):
        form.instance.organisation = self.organisation
        form.instance.pledge_set = self.pledge_set
        form.instance.recorded_by = self.request.user
        try:
            with transaction.atomic():
                self.object = form.save()
        except IntegrityError:
            form.add_error(
                None,
                "Your organisation has already signed the current pledges: "
                "someone signed while you had this page open.",
            )
            return self.form_invalid(form)
        messages.success(self.request, f"Signed. {self.organisation.name} is now listed as a signatory of the pledges.")
        return redirect("pledges:organisation", self.organisation.slug)


class SignatureEdit(OrganisationMixin, VersionedUpdateView):
    """Correct the signatory's details or change the public statement."""

    permission = can.can_sign
    form_class = SignatureForm
    template_name = "pledges/record_form.html"
    success_message = "Signature details saved."
    extra_context = {"heading": "Signatory and public statement", "submit_label": "Save signature details"}

    def get_object(self, queryset=None):
        signature = selectors.latest_signature(self.organisation)
        if signature is None:
            raise Http404("This organisation has not signed the pledges.")
        return signature

    def get_success_url(self):
        return reverse("pledges:organisation", args=[self.organisation.slug])


class StatusEdit(OrganisationMixin, SaveSafelyMixin, VersionedUpdateView):
    """The lead sets a pledge's status and next review date (or why it does not apply)."""

    permission = can.can_set_status
    form_class = StatusForm
    template_name = "pledges/record_form.html"
    success_message = "Pledge status saved."

    def get_object(self, queryset=None):
        self.pledge = get_pledge(self.organisation, self.kwargs["number"])
        record = PledgeStatus.objects.filter(organisation=self.organisation, pledge=self.pledge).first()
        return record or PledgeStatus(organisation=self.organisation, pledge=self.pledge)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Status of pledge {self.pledge.number}",
            pledge=self.pledge,
            submit_label="Save status",
            back_url=self.get_success_url(),
            **kwargs,
        )

    def form_valid(self, form):
        form.instance.updated_by = self.request.user
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("pledges:pledge", args=[self.organisation.slug, self.pledge.number])
