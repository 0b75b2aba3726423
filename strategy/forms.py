"""The action plan's forms. Each validates, keeps what was typed and shows each problem by its field; those
that edit a record carry the version the person started from (portal.concurrency)."""

from django import forms
from django.core.validators import URLValidator

from portal.concurrency import VersionedFormMixin
from portal.dates import DayMonthYearField
from portal.models import Locality, Membership, Organisation, User
from portal.rag import RAG_MEANINGS

from . import rules
from .models import Action, EvidenceLink, ObjectiveResponse, ObjectiveSet, Plan


def _person_label(user):
    name = user.get_full_name() or user.email
    return f"{name} ({user.job_title})" if getattr(user, "job_title", "") else name


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _person_label(obj)


def lead_people():
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "email")


def lead_organisations():
    return Organisation.objects.filter(status=Organisation.Status.ACTIVE).order_by("name")


class LeadFieldsMixin:
    """The lead is a person and the organisation they lead it for: the person must belong to it (LA officers
    may lead for the council's services without a membership)."""

    def _set_up_lead_fields(self):
        """Who may lead and what the fields say when left empty (named, so the error summary reads well)."""
        person, organisation = self.fields["lead_user"], self.fields["lead_organisation"]
        person.queryset, organisation.queryset = lead_people(), lead_organisations()
        person.empty_label, organisation.empty_label = "Choose a person", "Choose an organisation"
        person.error_messages["required"] = "Choose the person who leads the action."
        organisation.error_messages["required"] = "Choose the organisation that leads the action."

    def _check_lead(self, cleaned):
        person, organisation = cleaned.get("lead_user"), cleaned.get("lead_organisation")
        if person and organisation:
            belongs = Membership.objects.filter(user=person, organisation=organisation).exists()
            if not belongs and person.partnership_role != User.PartnershipRole.LA_OFFICER:
                self.add_error("lead_organisation", f"{_person_label(person)} does not belong to {organisation.name}.")
        return cleaned


class PlanForm(forms.Form):
    year = forms.CharField(
        label="Year", max_length=7, help_text="A financial year, April to March, for example 2026-27."
    )
    objective_set = forms.ModelChoiceField(
        label="Objectives",
        queryset=ObjectiveSet.objects.none(),
        empty_label=None,
        help_text="The objectives (or themes) the plan is organised under.",
    )
    start_from_previous = forms.BooleanField(
        label="Start from last year's plan, carrying its open actions forward", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective_set"].queryset = ObjectiveSet.objects.order_by("-is_current", "title", "-version")
        current = ObjectiveSet.objects.current()
        if current is not None:
            self.fields["objective_set"].initial = current.pk

    def clean_year(self):
        year = self.cleaned_data["year"].strip()
        if not rules.is_year(year):
            raise forms.ValidationError("Enter a financial year like 2026-27.")
        if Plan.objects.filter(year=year).exists():
            raise forms.ValidationError(f"There is already a plan for {year}.")
        return year

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        if cleaned.get("start_from_previous") and year:
            previous = Plan.objects.filter(year=rules.previous_year(year)).first()
            if previous is None:
                self.add_error(
                    "start_from_previous", f"There is no plan for {rules.previous_year(year)} to start from."
                )
            cleaned["previous"] = previous
        return cleaned


class ResponseForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ObjectiveResponse
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
        labels = {"text": "What is our partnership response?"}
        help_texts = {"text": "How, together, partners are using tools and ways of working that address the objective."}


class ActionForm(LeadFieldsMixin, VersionedFormMixin, forms.ModelForm):
    """An action's description, objective, lead and due date (LA officers). Its RAG changes by updates."""

    lead_user = PersonChoiceField(label="Lead (the person)", queryset=User.objects.none())

    class Meta:
        model = Action
        fields = ["objective", "description", "lead_user", "lead_organisation", "due_date", "recommendation"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"due_date": DayMonthYearField}
        labels = {
            "description": "What future action will we take?",
            "lead_organisation": "Lead organisation",
            "due_date": "Due date",
            "recommendation": "Maturity recommendation it answers",
        }
        error_messages = {
            "description": {"required": "Enter the action."},
            "due_date": {"required": "Enter the date the action is due.", "invalid": "Enter a real date."},
            "objective": {"required": "Choose the objective the action serves."},
        }

    def __init__(self, *args, plan, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = plan.objective_set.objectives.order_by("order")
        self.fields["objective"].empty_label = None
        self._set_up_lead_fields()
        self.fields["recommendation"].queryset = recommendations
        self.fields["recommendation"].required = False
        self.fields["recommendation"].empty_label = "None"
        self.fields["recommendation"].label_from_instance = lambda item: (
            f"{item.round.title}: recommendation {item.number}: {item.recommendation[:120]}"
        )

    def clean(self):
        return self._check_lead(super().clean())


class FromRecommendationForm(LeadFieldsMixin, forms.Form):
    """A plan action made from a maturity recommendation."""

    recommendation = forms.ModelChoiceField(label="Recommendation", queryset=None, empty_label=None)
    objective = forms.ModelChoiceField(label="Objective it serves", queryset=None, empty_label=None)
    lead_user = PersonChoiceField(label="Lead (the person)", queryset=User.objects.none())
    lead_organisation = forms.ModelChoiceField(label="Lead organisation", queryset=Organisation.objects.none())
    due_date = DayMonthYearField(label="Due date", error_messages={"required": "Enter the date the action is due."})

    def __init__(self, *args, plan, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = recommendations
        self.fields["recommendation"].label_from_instance = lambda item: (
            f"{item.round.title}: recommendation {item.number}: {item.recommendation[:120]}"
        )
        self.fields["objective"].queryset = plan.objective_set.objectives.order_by("order")
        self._set_up_lead_fields()

    def clean(self):
        return self._check_lead(super().clean())


RAG_CHOICES = [(rag.value, f"{rag.label}: {RAG_MEANINGS[rag]}") for rag in rules.RAG_ORDER]


class UpdateForm(VersionedFormMixin, forms.Form):
    """A progress update: the narrative and the RAG it sets. Carries the action's version."""

    rag = forms.ChoiceField(
        label="RAG rating",
        choices=RAG_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a RAG rating."},
    )
    narrative = forms.CharField(
        label="Progress since the last update",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Describe the progress made."},
        help_text="What has been done, what is next, and anything the board should know. Never name a child or family.",
    )

    def __init__(self, *args, action, **kwargs):
        self.instance = action
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["rag"].initial = action.rag

    def clean_narrative(self):
        text = self.cleaned_data["narrative"].strip()
        if not text:
            raise forms.ValidationError("Describe the progress made.")
        return text


class EvidenceForm(forms.ModelForm):
    class Meta:
        model = EvidenceLink
        fields = ["url", "label"]
        labels = {"url": "Link", "label": "What it shows"}
        help_texts = {"url": "A web address starting https://, for example a published report."}
        error_messages = {
            "url": {"required": "Enter the link.", "invalid": "Enter a web address starting https:// or http://."},
            "label": {"required": "Say what the link shows."},
        }

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        URLValidator(schemes=["https", "http"], message="Enter a web address starting https:// or http://.")(url)
        return url


class LocalityFilterForm(forms.Form):
    """The plan page's one filter: a locality partnership's share of the plan (the actions its organisations
    lead). Sent by GET; a locality that does not exist is a problem shown beside the field, never a 500."""

    locality = forms.ModelChoiceField(
        label="Locality",
        queryset=Locality.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="The whole partnership",
        error_messages={"invalid_choice": "Choose a locality from the list."},
    )
