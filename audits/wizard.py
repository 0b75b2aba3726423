"""Completing an audit step by step: one step per commitment, then check your answers, then submission.

Built on django-formtools' NamedUrlSessionWizardView (each step has its own URL), with three changes that
matter to schools:
- every step is saved to the database when it is posted, not kept in the session until the end, and the
  step each person was on is stored too (`WizardPosition`): leaving and coming back, on any device or app
  server, resumes where they were, showing what is saved;
- the steps come from the audit's own framework version (a partnership's framework is data);
- the last step checks the saved answers (not session copies) and only the school's lead can submit.
"""

from collections import OrderedDict

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlSessionWizardView

from audits import selectors, services
from audits.forms import CommitmentForm, SubmitAuditForm
from audits.models import Audit
from home import selectors as offers
from portal import permissions
from portal.concurrency import StaleEditError
from portal.permissions import commitments as can

CHECK_STEP = "check"
STALE_SUBMISSION = (
    "Someone saved changes to this audit after you opened this page. The answers below now show the latest "
    "version: check them, then submit again."
)


class AuditWizard(NamedUrlSessionWizardView):
    form_list = [(CHECK_STEP, SubmitAuditForm)]  # replaced per audit by get_form_list()

    def dispatch(self, request, *args, **kwargs):
        self.audit = get_object_or_404(
            can.visible_audits(request.user, Audit.objects.select_related("organisation", "framework")),
            pk=kwargs["pk"],
        )
        permissions.require(can.can_edit_audit(request.user, self.audit))
        if self.audit.is_submitted:
            messages.info(request, "This audit has been submitted. Use the change links to keep it up to date.")
            return redirect("audits:detail", pk=self.audit.pk)
        self.commitments = {c.step_name: c for c in self.audit.framework.commitments.prefetch_related("outcomes")}
        self.offer_status = offers.offer_statuses([self.audit.organisation_id])[self.audit.organisation_id]
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return f"audit_wizard_{kwargs['pk']}"

    def get_form_list(self):
        steps = OrderedDict((name, CommitmentForm) for name in self.commitments)
        steps[CHECK_STEP] = SubmitAuditForm
        return steps

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"pk": self.audit.pk, "step": step})

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        if step == CHECK_STEP:
            return SubmitAuditForm(data, prefix=step, audit=self.audit)
        return CommitmentForm(
            self.audit, self.commitments[step], offer_status=self.offer_status, data=data, files=files, prefix=step
        )

    def get_template_names(self):
        return ["audits/wizard_check.html" if self.steps.current == CHECK_STEP else "audits/wizard_step.html"]

    def _resume_step(self):
        """Where the person was; else the first commitment nobody has saved yet; else checking answers."""
        saved = services.saved_position(self.audit, self.request.user)
        if saved in self.get_form_list():
            return saved
        done = set(self.audit.sections.values_list("commitment__number", flat=True))
        return next((name for name, c in self.commitments.items() if c.number not in done), CHECK_STEP)

    def get(self, request, *args, step=None, **kwargs):
        if step is None or step == self.done_step_name:
            target = CHECK_STEP if step == self.done_step_name else self._resume_step()
            return redirect(self.get_step_url(target))
        if step not in self.get_form_list():
            raise Http404("No such step")
        self.storage.current_step = step
        services.remember_position(self.audit, request.user, step)
        # Always show what is saved in the database: someone else may have changed it since.
        return self.render(self.get_form(step))

    def post(self, request, *args, step=None, **kwargs):
        if step not in self.get_form_list():
            raise Http404("No such step")
        management_form = ManagementForm(request.POST, prefix=self.prefix)
        if not management_form.is_valid() or management_form.cleaned_data["current_step"] != step:
            raise SuspiciousOperation("The wizard's management form is missing or has been tampered with.")
        self.storage.current_step = step
        form = self.get_form(step, data=request.POST, files=request.FILES)
        if not form.is_valid():
            return self.render(form)
        if step == CHECK_STEP:
            return self.submit(form)
        try:
            services.save_commitment(form, request.user)
        except services.SectionChanged as changed:
            form.mark_stale(changed.rows)
            return self.render(form)
        commitment = self.commitments[step]
        if "save_and_exit" in request.POST:
            messages.success(
                request, f"Commitment {commitment.number} is saved. You can come back and carry on at any time."
            )
            return redirect("audits:detail", pk=self.audit.pk)
        if "add_another" in request.POST:
            return redirect(self.get_step_url(step) + "#new-action")
        next_step = self.get_next_step(step)
        services.remember_position(self.audit, request.user, next_step)
        return redirect(self.get_step_url(next_step))

    def submit(self, form):
        permissions.require(can.can_submit_audit(self.request.user, self.audit), "Only the school's lead can submit.")
        detail = selectors.audit_detail(self.audit, timezone.localdate())
        problems = services.submission_problems(detail)
        if problems:
            for problem in problems:
                form.add_error(None, problem)
            return self.render(form)
        try:
            services.submit_audit(self.audit, self.request.user, form.cleaned_data["version"])
        except StaleEditError:
            self.audit.refresh_from_db()
            data = self.request.POST.copy()
            data[f"{CHECK_STEP}-version"] = self.audit.version
            form = SubmitAuditForm(data, prefix=CHECK_STEP, audit=self.audit)
            form.is_valid()
            form.add_error(None, STALE_SUBMISSION)
            return self.render(form)
        self.storage.reset()
        messages.success(
            self.request, f"Your {self.audit.academic_year} audit has been submitted to the local authority."
        )
        return redirect("audits:detail", pk=self.audit.pk)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        saved = set(self.audit.sections.values_list("commitment__number", flat=True))
        context.update(
            audit=self.audit,
            offer_status=self.offer_status,
            step_links=[(name, c, c.number in saved, self.get_step_url(name)) for name, c in self.commitments.items()],
            check_url=self.get_step_url(CHECK_STEP),
            previous_url=self.get_step_url(prev) if (prev := self.get_prev_step()) else None,
        )
        if self.steps.current == CHECK_STEP:
            context.update(
                detail=selectors.audit_detail(self.audit, timezone.localdate()),
                can_submit=can.can_submit_audit(self.request.user, self.audit),
                lead_names=selectors.lead_names(self.audit),
            )
        else:
            context["commitment"] = self.commitments[self.steps.current]
        return context
