"""Creating organisations, one at a time or by bulk import."""

from django import forms
from django.db.models.functions import Lower

from portal.bulk_writes import create_all
from portal.models import Locality, Organisation, unique_slugs
from portal.tabular import allowed_values, check_headings, import_rows, read_table, template_xlsx

# Column headings of the import file, by form field name.
IMPORT_COLUMNS = {
    "name": "Name",
    "kind": "Kind",
    "sector": "Sector",
    "phase": "Phase",
    "urn": "URN",
    "locality": "Locality",
    "address": "Address",
    "postcode": "Postcode",
    "phone": "Phone",
    "email": "Email",
    "website": "Website",
}
REQUIRED_COLUMNS = ["name", "kind"]
# What to enter in each column, for the template's Guidance sheet.
COLUMN_GUIDANCE = {
    "name": "The organisation's name as families know it, for example Rushey Mead Primary School.",
    "kind": "What it is. A school also needs its Phase and URN.",
    "sector": "Optional: left empty, a school is Education and anything else Other.",
    "phase": "Schools and colleges only.",
    "urn": "Schools only: the 6-digit unique reference number, for example 120285.",
    "locality": "The locality partnership it belongs to; leave empty for a city-wide organisation.",
    "address": "Optional: the public address, shown on its offer.",
    "postcode": "Optional, for example LE4 7AB.",
    "phone": "Optional: the number families and practitioners should call.",
    "email": "Optional: a public email address.",
    "website": "Optional, starting https://",
}


def _choice_lookup(choices):
    """Accept a choice by its stored value or its label, in any case ('Local-authority service')."""
    lookup = {}
    for value, label in choices:
        lookup[str(value).lower()] = value
        lookup[str(label).lower()] = value
    return lookup


# Made once, not for every row of a file.
CHOICE_LOOKUPS = {
    "kind": _choice_lookup(Organisation.Kind.choices),
    "sector": _choice_lookup(Organisation.Sector.choices),
    "phase": _choice_lookup(Organisation.Phase.choices),
}


class OrganisationImportForm(forms.ModelForm):
    locality = forms.CharField(required=False)

    class Meta:
        model = Organisation
        fields = ["name", "kind", "sector", "phase", "urn", "address", "postcode", "phone", "email", "website"]

    def __init__(self, data=None, *, localities=None, existing=None, **kwargs):
        data = dict(data or {})
        for field_name, lookup in CHOICE_LOOKUPS.items():
            raw = (data.get(field_name) or "").strip()
            data[field_name] = lookup.get(raw.lower(), raw)
        if not data.get("sector"):
            is_school = data.get("kind") == Organisation.Kind.SCHOOL
            data["sector"] = Organisation.Sector.EDUCATION if is_school else Organisation.Sector.OTHER
        super().__init__(data, **kwargs)
        self.localities = localities if localities is not None else _locality_lookup()
        # What is already stored, looked up once for a whole file (ExistingOrganisations); None: ask per form.
        self.existing = existing

    def clean_locality(self):
        raw = self.cleaned_data["locality"].strip()
        if not raw:
            return None
        locality = self.localities.get(raw.lower())
        if locality is None:
            names = ", ".join(sorted({loc.name for loc in self.localities.values()}))
            raise forms.ValidationError(f"There is no locality called '{raw}'. Use one of: {names}.")
        return locality

    def clean(self):
        cleaned = super().clean()
        name, kind = cleaned.get("name"), cleaned.get("kind")
        if name and kind and self._name_taken(name, kind):
            raise forms.ValidationError(f"An organisation called '{name}' already exists; it was not changed.")
        return cleaned

    def _name_taken(self, name, kind):
        if self.existing is not None:
            return (name.lower(), kind) in self.existing.names
        return Organisation.objects.filter(name__iexact=name, kind=kind).exists()

    def validate_unique(self):
        """The URN's uniqueness from the file's lookup when there is one (the model's check costs a query)."""
        if self.existing is None:
            return super().validate_unique()
        urn = self.cleaned_data.get("urn")
        if urn and urn in self.existing.urns and "urn" not in self._errors:
            self.add_error("urn", self.instance.unique_error_message(Organisation, ("urn",)))

    def save(self, commit=True):
        self.instance.locality = self.cleaned_data.get("locality")
        return super().save(commit=commit)


def _locality_lookup():
    lookup = {}
    for locality in Locality.objects.all():
        lookup[locality.name.lower()] = locality
        lookup[locality.slug.lower()] = locality
    return lookup


class ExistingOrganisations:
    """The stored names (by kind) and URNs that the rows of one file could clash with: two queries."""

    def __init__(self, table):
        names = {(data.get("name") or "").strip().lower() for _, data in table} - {""}
        urns = {(data.get("urn") or "").strip() for _, data in table} - {""}
        stored = Organisation.objects.annotate(lowered=Lower("name")).filter(lowered__in=names)
        self.names = set(stored.values_list("lowered", "kind")) if names else set()
        self.urns = set(Organisation.objects.filter(urn__in=urns).values_list("urn", flat=True)) if urns else set()


def save_organisations(forms_):
    """Create the organisations of valid import forms in bulk: slugs as a one-by-one save would give,
    one audit-trail entry each and the search index updated, in a number of queries that does not grow
    with the rows."""
    organisations = []
    for form in forms_:
        organisation = form.save(commit=False)
        organisation.urn = organisation.urn or None
        organisations.append(organisation)
    slugs = unique_slugs(Organisation, [organisation.name for organisation in organisations])
    for organisation, slug in zip(organisations, slugs, strict=True):
        organisation.slug = organisation.slug or slug
    return create_all(Organisation, organisations)


def import_organisations(uploaded_file, progress=None):
    """Import every row of the file, or none. Raises FileProblem for an unreadable file."""
    headings, table = read_table(uploaded_file)
    check_headings(headings, IMPORT_COLUMNS, REQUIRED_COLUMNS)
    seen_urns, seen_names = {}, {}

    class RowForm(OrganisationImportForm):
        """Adds the checks that span rows: the same URN or name twice in one file."""

        def clean(self):
            cleaned = super().clean()
            row = self.data.get("__row__")
            urn, name = cleaned.get("urn"), (cleaned.get("name") or "").lower()
            if urn:
                if urn in seen_urns:
                    self.add_error("urn", f"URN {urn} is also on row {seen_urns[urn]}.")
                seen_urns.setdefault(urn, row)
            if name:
                if name in seen_names:
                    self.add_error("name", f"'{cleaned['name']}' is also on row {seen_names[name]}.")
                seen_names.setdefault(name, row)
            return cleaned

    numbered = [(number, {**data, "__row__": number}) for number, data in table]
    return import_rows(
        numbered,
        form_class=RowForm,
        columns=IMPORT_COLUMNS,
        save_all=save_organisations,
        form_kwargs={"localities": _locality_lookup(), "existing": ExistingOrganisations(table)},
        progress=progress,
    )


def run_import_job(job, stored_file):
    """The organisations import as a background job (portal.jobs)."""
    return import_organisations(stored_file, progress=job.report)


def write_import_template(workbook):
    """The xlsx to fill in: the import's columns, drop-downs of the values its form accepts, and guidance."""
    choices = {
        name: allowed_values(OrganisationImportForm.base_fields[name]) for name in CHOICE_LOOKUPS
    }  # fmt: skip
    choices["locality"] = list(Locality.objects.order_by("name").values_list("name", flat=True))
    return template_xlsx(
        workbook,
        sheet_name="Organisations",
        columns=IMPORT_COLUMNS,
        required=REQUIRED_COLUMNS,
        choices=choices,
        guidance=COLUMN_GUIDANCE,
    )
