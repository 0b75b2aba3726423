"""Forms of the public site: the directory's search and filters."""

from django import forms

from home import geocoding
from home.directory_cache import DIRECTORY
from home.models import ChecklistSection
from home.models.ages import MAX_AGE
from home.search import SORTS
from portal.input_guard import search_terms
from portal.models import Locality, Organisation

KIND_LABELS = {
    Organisation.Kind.SCHOOL: "Schools",
    Organisation.Kind.AGENCY: "Agencies and voluntary groups",
    Organisation.Kind.LA_SERVICE: "Council services",
    Organisation.Kind.COMMISSIONER: "Commissioners",
}


class DirectoryForm(forms.Form):
    """GET parameters of /offers/. A value that is not understood is reported and the filter ignored."""

    origin = None  # (latitude, longitude) of a postcode that was understood

    q = forms.CharField(
        label="Search offers",
        max_length=200,
        required=False,
        help_text="For example: bereavement, attendance, housing.",
    )
    kind = forms.ChoiceField(
        label="Type of organisation",
        required=False,
        choices=[("", "Any type")] + list(KIND_LABELS.items()),
        error_messages={"invalid_choice": "Choose a type of organisation from the list."},
    )
    phase = forms.ChoiceField(
        label="School phase",
        required=False,
        choices=[("", "Any phase")] + Organisation.Phase.choices,
        error_messages={"invalid_choice": "Choose a school phase from the list."},
    )
    locality = forms.ChoiceField(
        label="Area of the city",
        required=False,
        error_messages={"invalid_choice": "Choose an area of the city from the list."},
    )
    area = forms.ChoiceField(
        label="Offer area", required=False, error_messages={"invalid_choice": "Choose an offer area from the list."}
    )
    age = forms.IntegerField(
        label="Age of the child or young person",
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": "Enter an age in years, as a number, for example 9.",
            "min_value": "Enter an age of 0 or more.",
            "max_value": f"Enter an age of {MAX_AGE} or less.",
        },
    )
    free = forms.BooleanField(label="Free services only", required=False)
    self_referral = forms.BooleanField(label="Services families can ask for themselves", required=False)
    open_now = forms.BooleanField(label="Hide what is temporarily closed", required=False)

    postcode = forms.CharField(
        label="Your postcode",
        max_length=20,
        required=False,
        help_text="To see the nearest first. For example: LE4 6AB, or the first part, LE4.",
        error_messages={"max_length": "Enter a real postcode, for example LE4 6AB, or its first part, LE4."},
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("", "Best first")] + list(SORTS.items()),
        error_messages={"invalid_choice": "Choose how to sort from the list."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The same for every visitor: from the shared cache, retired when localities or areas change.
        self.fields["locality"].choices = [("", "Anywhere in the city")] + DIRECTORY.cached(
            ("locality choices",), lambda: list(Locality.objects.order_by("name").values_list("slug", "name"))
        )
        self.fields["area"].choices = [("", "Any offer area")] + DIRECTORY.cached(
            ("area choices",),
            lambda: list(
                ChecklistSection.objects.filter(checklist__is_current=True, kind=ChecklistSection.Kind.AREA)
                .order_by("sort_order")
                .values_list("slug", "name")
            ),
        )
        self.fields["age"].widget.attrs.update({"inputmode": "numeric", "class": "input input--short"})
        self.fields["q"].widget.attrs.update({"type": "search"})
        self.fields["postcode"].widget.attrs.update(
            {"autocomplete": "postal-code", "class": "input input--postcode", "spellcheck": "false"}
        )

    def clean_q(self):
        return search_terms(self.cleaned_data.get("q"))

    def clean_postcode(self):
        """The postcode, normalised ("LE4 6AB"), with where it is kept for the search as `origin`."""
        typed = self.cleaned_data.get("postcode", "").strip()
        if not typed:
            return ""
        postcode = geocoding.normalise(typed)
        if postcode is None:
            raise forms.ValidationError("Enter a real postcode, for example LE4 6AB, or its first part, LE4.")
        self.origin = geocoding.geocoder().locate(postcode)
        if self.origin is None:
            raise forms.ValidationError(
                f"We cannot place {postcode}: the directory knows postcodes in Leicester and Leicestershire "
                f"({geocoding.geocoder().covers()}). Check it, or leave it empty."
            )
        return postcode

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sort") == "nearest" and not cleaned.get("postcode") and "postcode" not in self.errors:
            self.add_error("postcode", "Enter your postcode to see the nearest first.")
        return cleaned

    def sort_for(self, filters) -> str:
        """The sort asked for if it can be honoured, else the default: relevance when searching, nearest
        when a postcode is given, otherwise name."""
        wanted = filters.get("sort", "")
        if wanted == "nearest" and "postcode" in filters:
            return wanted
        if wanted == "relevance" and filters.get("q"):
            return wanted
        if wanted == "name":
            return wanted
        if filters.get("q"):
            return "relevance"
        return "nearest" if "postcode" in filters else "name"

    def filters(self):
        """The filters that were understood, by name (errors leave the others working)."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in ("", None) and value is not False and name not in self.errors
        }


class RegisterFilterForm(forms.Form):
    """GET filters of the LA officers' offer register."""

    state = forms.ChoiceField(
        label="Status", required=False, error_messages={"invalid_choice": "Choose a status from the list."}
    )
    kind = forms.ChoiceField(
        label="Type of organisation",
        required=False,
        choices=[("", "Any type")] + list(KIND_LABELS.items()),
        error_messages={"invalid_choice": "Choose a type of organisation from the list."},
    )

    def __init__(self, *args, **kwargs):
        from home.rules import STATES

        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", "Any status")] + [(s.key, s.label) for s in STATES]

    def filters(self):
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}
