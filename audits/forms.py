"""Forms for the audit tool.

A commitment is completed on one page (in the wizard or the direct edit view): `CommitmentForm` gathers
the commitment's outcome records, its action plan and, for the case-recording commitment, the trained
staff, each as a formset of versioned model forms. It behaves like one form for django-formtools and for
the templates: `is_valid()`, `errors`, and `error_summary` (every message, each linked to its field).
"""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.safestring import mark_safe

from audits import rules
from audits.models import Action, AuditComment, OfferVisit, Outcome, OutcomeRecord, TrainedStaff
from pledges.models import DesignatedLead
from portal.concurrency import STALE_EDIT_MESSAGE, VersionedFormMixin
from portal.dates import DayMonthYearField
from portal.models import Organisation
from portal.permissions import la_officers
from portal.rag import RAG_MEANINGS, Rag

RAG_CHOICES = [(rag.value, f"{rag.label}: {RAG_MEANINGS[rag].lower()}") for rag in Rag]
YES_NO = {"yes": True, "no": False}


def date_field(label, *, required=False, past=False):
    field = DayMonthYearField(required=required, past=past)
    label_date_field(field, label)
    return field


def label_date_field(field, label):
    field.label = label
    field.error_messages["invalid"] = f"Enter {label[0].lower() + label[1:]} as a real date, for example 27 3 2027."


class SeenValuesMixin(forms.BaseForm):
    """Keeps, in the page, the values each field had when the person opened it (Django's hidden initial
    inputs). A save then knows which rows *they* changed: a row someone else changed meanwhile conflicts
    only if this person changed it too.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "version":
                field.show_hidden_initial = True

    def hidden_initials_of_choices(self):
        """Radios are drawn choice by choice, which leaves out their hidden initial input: draw it here."""
        return mark_safe("".join(bf.as_hidden(only_initial=True) for bf in self if bf.widget_type == "radioselect"))

    def changed_by_person(self) -> bool:
        return bool(set(self.changed_data) - {"version"})


class OutcomeRecordForm(SeenValuesMixin, VersionedFormMixin, forms.ModelForm):
    """One outcome achieved: complete yes/no, and the details and dates the framework asks for."""

    complete = forms.TypedChoiceField(
        label="Complete?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=YES_NO.get,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    achieved_on = date_field("Date", past=True)
    review_date = date_field("Review date")

    class Meta:
        model = OutcomeRecord
        fields = ["complete", "details", "achieved_on", "review_date"]
        widgets = {"details": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, offer_status=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome = self.instance.outcome
        self.offer_status = offer_status
        self.today = today or timezone.localdate()
        if self.instance.complete is not None:
            self.initial["complete"] = "yes" if self.instance.complete else "no"
        outcome = self.outcome
        self.fields["complete"].label = "Is this complete?"
        if outcome.details_label:
            self.fields["details"].label = outcome.details_label
            self.fields["details"].help_text = outcome.details_hint
        else:
            del self.fields["details"]
        if outcome.date_label:
            label_date_field(self.fields["achieved_on"], outcome.date_label)
        else:
            del self.fields["achieved_on"]
        if not outcome.asks_review_date:
            del self.fields["review_date"]
        if outcome.kind == Outcome.Kind.OFFER_PUBLISHED:
            self.fields["complete"].help_text = "You can answer yes once your Early Help offer is published."
        self.lead = None
        if outcome.kind == Outcome.Kind.NAMED_LEAD:
            # The DSL is the school's recorded designated lead (pledge 1), shown with a link, never typed again.
            self.lead = DesignatedLead.objects.filter(organisation_id=self.instance.audit.organisation_id).first()
            for name in ("complete", "details"):
                self.fields.pop(name, None)

    def has_changed(self):
        # A named-lead outcome whose stored answer no longer matches the record is saved to bring it in step.
        if self.outcome.kind == Outcome.Kind.NAMED_LEAD:
            lead_complete = rules.named_lead_outcome_complete(self.lead is not None)
            if self.instance.complete != lead_complete:
                return True
        return super().has_changed()

    def clean(self):
        cleaned = super().clean()
        outcome = self.outcome
        if outcome.kind == Outcome.Kind.NAMED_LEAD:
            # Kept in step with the record, so the stored answer never disagrees with what counts.
            self.instance.complete = rules.named_lead_outcome_complete(self.lead is not None)
        complete = cleaned.get("complete")
        state = getattr(self.offer_status, "state", None)
        if complete and outcome.kind == Outcome.Kind.OFFER_PUBLISHED and not rules.offer_outcome_complete(state):
            status = getattr(self.offer_status, "label", "Not started")
            self.add_error(
                "complete",
                "You cannot mark this complete until your Early Help offer is published and its review date has "
                f"not passed (its status is: {status}).",
            )
        if complete and outcome.details_required and "details" in self.fields and not cleaned.get("details"):
            self.add_error("details", f"Enter the {outcome.details_label[0].lower() + outcome.details_label[1:]}.")
        achieved_on = cleaned.get("achieved_on")
        if complete and "achieved_on" in self.fields and not achieved_on and "achieved_on" not in self.errors:
            self.add_error("achieved_on", f"Enter the {outcome.date_label[0].lower() + outcome.date_label[1:]}.")
        if achieved_on and achieved_on > self.today:
            self.add_error("achieved_on", f"The {outcome.date_label.lower()} must be today or in the past.")
        review_date = cleaned.get("review_date")
        if achieved_on and review_date and review_date <= achieved_on:
            self.add_error("review_date", f"The review date must be after the {outcome.date_label.lower()}.")
        return cleaned


class ActionForm(SeenValuesMixin, VersionedFormMixin, forms.ModelForm):
    """A row of the action plan."""

    rag = forms.ChoiceField(label="RAG rating", choices=RAG_CHOICES, initial=Rag.NOT_STARTED)
    due_date = date_field("By when")

    class Meta:
        model = Action
        fields = ["description", "outcome", "due_date", "owner", "rag", "notes"]
        labels = {"description": "Action", "outcome": "Works towards", "owner": "Who", "notes": "Notes"}
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"owner": "The person or role responsible", "outcome": ""}

    def __init__(self, *args, commitment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment = commitment or self.instance.commitment
        self.fields["description"].error_messages["required"] = "Enter what needs to be done."
        outcome_field = self.fields["outcome"]
        outcome_field.queryset = Outcome.objects.filter(commitment=self.commitment)
        outcome_field.empty_label = "The commitment as a whole"
        outcome_field.required = False
        outcome_field.label_from_instance = lambda outcome: outcome.text


class TrainedStaffForm(SeenValuesMixin, VersionedFormMixin, forms.ModelForm):
    part_a_on = date_field("Attended part A", past=True)
    part_b_on = date_field("Attended part B", past=True)

    class Meta:
        model = TrainedStaff
        fields = ["name", "part_a_on", "part_b_on", "login_received"]
        labels = {"name": "Name of staff member", "login_received": "Login received"}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["name"].error_messages["required"] = "Enter the name of the member of staff."

    def clean(self):
        cleaned = super().clean()
        for name in ("part_a_on", "part_b_on"):
            label = self.fields[name].label.lower()
            value = cleaned.get(name)
            if value and value > self.today:
                self.add_error(name, f"The date {label} must be today or in the past.")
        part_a, part_b = cleaned.get("part_a_on"), cleaned.get("part_b_on")
        if part_a and part_b and part_b < part_a:
            self.add_error("part_b_on", "Part B must be on or after part A.")
        return cleaned


class NamedRowsFormSet(forms.BaseModelFormSet):
    """A model formset whose rows may be deleted by someone else meanwhile: say so in plain words."""

    row_noun = "row"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_field = form.fields.get(self.model._meta.pk.name)
        if pk_field is not None:
            pk_field.error_messages["invalid_choice"] = (
                f"This {self.row_noun} was deleted by someone else after you opened this page."
            )
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = f"Delete this {self.row_noun}"


class ActionFormSet(NamedRowsFormSet):
    row_noun = "action"


class StaffFormSet(NamedRowsFormSet):
    row_noun = "member of staff"


OutcomeRecordFormSet = forms.modelformset_factory(OutcomeRecord, form=OutcomeRecordForm, extra=0)
ActionRowsFormSet = forms.modelformset_factory(
    Action, form=ActionForm, formset=ActionFormSet, extra=1, can_delete=True, can_delete_extra=False
)
TrainedStaffFormSet = forms.modelformset_factory(
    TrainedStaff, form=TrainedStaffForm, formset=StaffFormSet, extra=1, can_delete=True, can_delete_extra=False
)


class CommitmentForm:
    """Everything recorded for one commitment of an audit, on one page.

    `audit` and `commitment` say what is edited; `offer_status` (home.selectors.OfferStatus) decides
    whether the offer-published outcome may be complete. Accepts the keyword arguments formtools passes
    (data, files, prefix, initial) so the wizard can build it like any step form.
    """

    def __init__(
        self, audit, commitment, *, offer_status=None, data=None, files=None, prefix=None, initial=None, today=None
    ):
        self.audit, self.commitment = audit, commitment
        self.data, self.files = data if data is not None else {}, files if files is not None else {}
        self.is_bound = data is not None
        self.prefix = prefix or f"c{commitment.number}"
        self.initial = initial or {}
        self.offer_status = offer_status
        self.today = today or timezone.localdate()
        self.stale_rows = []  # see mark_stale
        bound = data if self.is_bound else None
        self.outcomes = OutcomeRecordFormSet(
            bound,
            prefix=f"{self.prefix}-outcomes",
            queryset=OutcomeRecord.objects.filter(audit=audit, outcome__commitment=commitment)
            .exclude(outcome__kind=Outcome.Kind.TRAINED_STAFF)
            .select_related("outcome", "updated_by")
            .order_by("outcome__position"),
            form_kwargs={"offer_status": offer_status, "today": self.today},
        )
        self.actions = ActionRowsFormSet(
            bound,
            prefix=f"{self.prefix}-actions",
            queryset=Action.objects.filter(audit=audit, commitment=commitment)
            .select_related("outcome", "updated_by")
            .order_by("outcome__position", "position", "pk"),
            form_kwargs={"commitment": commitment},
        )
        # Outcomes worked out from the trained staff table, shown with their current answer.
        self.derived_outcomes = list(
            OutcomeRecord.objects.filter(
                audit=audit, outcome__commitment=commitment, outcome__kind=Outcome.Kind.TRAINED_STAFF
            ).select_related("outcome")
        )
        self.staff = None
        if self.derived_outcomes:
            self.staff = TrainedStaffFormSet(
                bound,
                prefix=f"{self.prefix}-staff",
                queryset=TrainedStaff.objects.filter(audit=audit).select_related("updated_by"),
                form_kwargs={"today": self.today},
            )

    def mark_stale(self, rows):
        """Someone else saved some of these rows first: say so at the top and beside each row."""
        self.stale_rows = rows
        by_key = {row.key: row for row in rows}
        for formset in self.formsets:
            for form in formset.forms:
                row = by_key.get((formset.model, form.instance.pk))
                form.stale_message = str(row) if row else ""

    @property
    def formsets(self):
        return [fs for fs in (self.outcomes, self.staff, self.actions) if fs is not None]

    def is_valid(self):
        results = [formset.is_valid() for formset in self.formsets]  # validate all, to show every error
        return self.is_bound and all(results) and not self.stale_rows

    @property
    def cleaned_data(self):
        return {}

    @property
    def errors(self):
        return self.error_summary

    @property
    def error_summary(self):
        """[(field id or "", message)] for the error summary, each message saying which row it is about."""
        if not self.is_bound:
            return []
        items = [("", STALE_EDIT_MESSAGE)] if self.stale_rows else []
        items += [("", str(row)) for row in self.stale_rows]
        for formset, context in (
            (self.outcomes, lambda f, i: f.outcome.text),
            (self.staff, lambda f, i: f"Trained staff, row {i}"),
            (self.actions, lambda f, i: f"Action {i}"),
        ):
            if formset is None:
                continue
            items += [("", str(e)) for e in formset.non_form_errors()]
            for index, form in enumerate(formset.forms, start=1):
                if formset.can_delete and formset._should_delete_form(form):
                    continue
                where = context(form, index)
                for error in form.non_field_errors():
                    items.append(("", f"{where}: {error}"))
                for name, errors in form.errors.items():
                    if name == "__all__":
                        continue
                    anchor = _anchor(form[name]) if name in form.fields and not form[name].is_hidden else ""
                    items += [(anchor, f"{where}: {error}") for error in errors]
        return items


def _anchor(bound_field):
    """Where an error summary link should land: the field, or the first radio of a radio group."""
    return f"{bound_field.auto_id}_0" if bound_field.widget_type == "radioselect" else bound_field.auto_id


class StartAuditForm(forms.Form):
    carry_forward = forms.TypedChoiceField(
        label="How do you want to start?",
        choices=[
            ("no", "From the suggested actions for each commitment"),
            ("yes", "From last year's audit, carrying its open actions and trained staff forward"),
        ],
        coerce=YES_NO.get,
        initial="no",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        if previous is None:
            del self.fields["carry_forward"]


class SubmitAuditForm(forms.Form):
    """Check your answers: the lead confirms and submits. `version` is the audit's, to refuse a stale submission."""

    confirm = forms.BooleanField(
        label="I confirm that this audit is accurate, as our school's Designated Safeguarding Lead",
        error_messages={"required": "Confirm that the audit is accurate before you submit it."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, audit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if audit is not None:
            self.fields["version"].initial = audit.version


class CommentForm(forms.ModelForm):
    class Meta:
        model = AuditComment
        fields = ["commitment", "text"]
        labels = {"commitment": "About", "text": "Comment"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"text": "The school and the board can read your comment."}
        error_messages = {"text": {"required": "Enter your comment."}}

    def __init__(self, *args, audit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = audit.framework.commitments.all() if audit else None
        self.fields["commitment"].empty_label = "The whole audit"
        self.fields["commitment"].label_from_instance = lambda c: f"Commitment {c.number}: {c.short_title}"


class OfferVisitForm(VersionedFormMixin, forms.ModelForm):
    visited_on = date_field("Date of visit", required=True, past=True)

    class Meta:
        model = OfferVisit
        fields = ["organisation", "visited_on", "officer", "judgement", "notes", "agreed_actions"]
        labels = {"organisation": "School", "notes": "Notes", "agreed_actions": "Actions agreed with the school"}
        widgets = {
            "judgement": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 5}),
            "agreed_actions": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "notes": "What you saw of the offer's content and quality, and how families and staff find it.",
            "agreed_actions": "What the school will do, by when and who. The school can read these.",
        }
        error_messages = {
            "organisation": {"required": "Choose the school you visited."},
            "officer": {"required": "Choose the officer who made the visit."},
            "judgement": {"required": "Choose your judgement of the offer's quality."},
        }

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["organisation"].queryset = Organisation.objects.schools().active()
        self.fields["officer"].queryset = la_officers().order_by("last_name", "first_name")
        self.fields["officer"].label_from_instance = lambda u: u.get_full_name() or u.email
        self.fields["visited_on"].error_messages["required"] = "Enter the date of the visit."
        # A model field's choices bring a blank "---------" first: as a radio it would be a judgement to pick.
        self.fields["judgement"].choices = OfferVisit.Judgement.choices

    def clean_visited_on(self):
        visited_on = self.cleaned_data["visited_on"]
        if visited_on > self.today:
            raise forms.ValidationError("The date of the visit must be today or in the past.")
        if visited_on < date(2000, 1, 1):
            raise forms.ValidationError("The date of the visit must be after 2000.")
        return visited_on
