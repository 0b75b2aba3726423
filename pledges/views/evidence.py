"""Recording evidence against the pledges: editors and leads of the organisation only.

Each page returns to the pledge the evidence belongs to. Records that can be corrected (the designated
lead, training numbers, access routes, impact measures) detect concurrent edits; training courses and
impact returns are added and, if wrong, deleted and added again.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import CreateView, DeleteView

from pledges.forms import (
    AccessRoutesForm,
    DesignatedLeadForm,
    ImpactMeasureForm,
    ImpactReturnForm,
    TrainingRecordForm,
    TrainingSummaryForm,
)
from pledges.models import (
    AccessRoutes,
    DesignatedLead,
    ImpactMeasure,
    ImpactReturn,
    Pledge,
    TrainingRecord,
    TrainingSummary,
)
from pledges.views.mixins import OrganisationMixin, SaveSafelyMixin, pledge_url_for_evidence
from portal.concurrency import VersionedUpdateView
from portal.permissions.pledges import can_record_evidence

TEMPLATE = "pledges/record_form.html"


class EvidenceMixin(OrganisationMixin, SaveSafelyMixin):
    permission = can_record_evidence
    template_name = TEMPLATE
    evidence = None  # Pledge.Evidence this page records
    heading = ""
    submit_label = "Save"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading, submit_label=self.submit_label, back_url=self.get_success_url(), **kwargs
        )

    def get_success_url(self):
        return pledge_url_for_evidence(self.organisation, self.evidence)


class OneRecordEdit(EvidenceMixin, VersionedUpdateView):
    """Edit the organisation's single record of this kind, creating it on first save."""

    def get_object(self, queryset=None):
        return self.model.objects.filter(organisation=self.organisation).first() or self.model(
            organisation=self.organisation
        )

    def form_valid(self, form):
        form.instance.updated_by = self.request.user
        return super().form_valid(form)


class DesignatedLeadEdit(OneRecordEdit):
    model, form_class, evidence = DesignatedLead, DesignatedLeadForm, Pledge.Evidence.DESIGNATED_LEAD
    heading, submit_label, success_message = "Designated lead", "Save designated lead", "Designated lead saved."


class TrainingSummaryEdit(OneRecordEdit):
    model, form_class, evidence = TrainingSummary, TrainingSummaryForm, Pledge.Evidence.TRAINING
    heading, submit_label, success_message = "Staff in Early Help roles", "Save staff numbers", "Staff numbers saved."


class AccessRoutesEdit(OneRecordEdit):
    model, form_class, evidence = AccessRoutes, AccessRoutesForm, Pledge.Evidence.ACCESS
    heading, submit_label, success_message = "Access to Early Help", "Save access routes", "Access routes saved."


class TrainingRecordAdd(EvidenceMixin, CreateView):
    form_class, evidence = TrainingRecordForm, Pledge.Evidence.TRAINING
    heading, submit_label = "Add a training course", "Add course"

    def form_valid(self, form):
        form.instance.organisation = self.organisation
        form.instance.recorded_by = self.request.user
        messages.success(self.request, "Training course added.")
        return super().form_valid(form)


class ImpactMeasureAdd(EvidenceMixin, CreateView):
    form_class, evidence = ImpactMeasureForm, Pledge.Evidence.IMPACT
    heading, submit_label = "Add an impact measure", "Add measure"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}

    def form_valid(self, form):
        form.instance.organisation = self.organisation
        messages.success(self.request, "Impact measure added.")
        return super().form_valid(form)


class ImpactMeasureEdit(EvidenceMixin, VersionedUpdateView):
    form_class, evidence = ImpactMeasureForm, Pledge.Evidence.IMPACT
    heading, submit_label, success_message = "Change an impact measure", "Save measure", "Impact measure saved."

    def get_object(self, queryset=None):
        return get_object_or_404(ImpactMeasure, organisation=self.organisation, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.organisation}


class ImpactReturnAdd(EvidenceMixin, CreateView):
    form_class, evidence = ImpactReturnForm, Pledge.Evidence.IMPACT
    submit_label = "Add return"

    def get_measure(self):
        if not hasattr(self, "measure"):
            self.measure = get_object_or_404(ImpactMeasure, organisation=self.organisation, pk=self.kwargs["pk"])
        return self.measure

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "measure": self.get_measure()}

    def get_context_data(self, **kwargs):
        self.heading = f"Add a return: {self.get_measure().name}"
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        form.instance.measure = self.get_measure()
        form.instance.submitted_by = self.request.user
        messages.success(self.request, "Return added.")
        return super().form_valid(form)


class EvidenceDelete(EvidenceMixin, DeleteView):
    """Asks first; deletes one of the organisation's own records (another organisation's is a 404)."""

    template_name = "pledges/confirm_delete.html"

    def form_valid(self, form):
        messages.success(self.request, f"{self.describe(self.object)} deleted.")
        self.object.delete()
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(description=self.describe(self.object), **kwargs)


class TrainingRecordDelete(EvidenceDelete):
    evidence, heading = Pledge.Evidence.TRAINING, "Delete a training course"

    def get_object(self, queryset=None):
        return get_object_or_404(TrainingRecord, organisation=self.organisation, pk=self.kwargs["pk"])

    def describe(self, record):
        return f"The course '{record.course}' on {record.date:%d %B %Y}"


class ImpactReturnDelete(EvidenceDelete):
    evidence, heading = Pledge.Evidence.IMPACT, "Delete a return"

    def get_object(self, queryset=None):
        return get_object_or_404(ImpactReturn, measure__organisation=self.organisation, pk=self.kwargs["pk"])

    def describe(self, record):
        return f"The {record.period_label} return for '{record.measure.name}'"
