"""Creating organisations, one at a time or by bulk import."""

from django import forms
from django.db.models.functions import Lower

from portal.bulk_writes import create_all
from portal.models import Locality, Organisation, unique_slugs
from portal.sql_lists import texts_in
from portal.tabular import allowed_values, check_headings, import_rows, model_form_fields, read_table, template_xlsx

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


# The stored fields a row fills in; the locality is a column of names, looked up (OrganisationImportForm).
ROW_FIELDS = ["name", "kind", "sector", "phase", "urn", "address", "postcode", "phone", "email", "website"]


# A form class of the model's own fields, for the row form below to declare them by inheriting.
_OrganisationFields = type("OrganisationFields", (forms.Form,), model_form_fields(Organisation, ROW_FIELDS))


class OrganisationImportForm(_OrganisationFields):
    """One row of the file: the model's own form fields (portal.tabular.model_form_fields), and in clean()
    the Organisation the row makes, asked for the model's rules that span fields (a school needs its phase
    and URN).

    A plain form and not a ModelForm: a ModelForm builds a blank instance for every row, fills it in field by
    field and runs every field's checks again through the model's full_clean, which together cost more than
    the insert of the row. What the stored organisations could clash with (names, URNs) comes in looked up
    once for the whole file (ExistingOrganisations)."""

    locality = forms.CharField(required=False)

    def __init__(self, data=None, *, localities, existing, **kwargs):
        data = dict(data or {})
        for field_name, lookup in CHOICE_LOOKUPS.items():
            raw = (data.get(field_name) or "").strip()
            data[field_name] = lookup.get(raw.lower(), raw)
        if not data.get("sector"):
            is_school = data.get("kind") == Organisation.Kind.SCHOOL
            data["sector"] = Organisation.Sector.EDUCATION if is_school else Organisation.Sector.OTHER
        super().__init__(data, **kwargs)
        self.localities, self.existing = localities, existing
        self.organisation = None

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
        # A value that was not valid stays at the model's default; the model's own rules still run, so a
        # school with a bad email and no phase hears of both, but a cell already refused is not refused twice.
        values = {name: cleaned[name] for name in [*ROW_FIELDS, "locality"] if name in cleaned}
        self.organisation = Organisation(**values)
        try:
            self.organisation.clean()
        except forms.ValidationError as error:
            for name, errors in error.error_dict.items():
                if name not in self._errors:
                    self.add_error(name, errors)
        name, kind, urn = cleaned.get("name"), cleaned.get("kind"), cleaned.get("urn")
        if urn and urn in self.existing.urns and "urn" not in self._errors:
            self.add_error("urn", self.organisation.unique_error_message(Organisation, ("urn",)))
        if name and kind and (name.lower(), kind) in self.existing.names:
            raise forms.ValidationError(f"An organisation called '{name}' already exists; it was not changed.")
        return cleaned


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
        stored = Organisation.objects.annotate(lowered=Lower("name")).filter(lowered__in=texts_in(names))
        self.names = set(stored.values_list("lowered", "kind")) if names else set()
        urns_stored = Organisation.objects.filter(urn__in=texts_in(urns)).values_list("urn", flat=True)
        self.urns = set(urns_stored) if urns else set()


def save_organisations(forms_):
    """Create the organisations of valid import forms in bulk: slugs as a one-by-one save would give,
    one audit-trail entry each and the search index updated, in a number of queries that does not grow
    with the rows."""
    organisations = [form.organisation for form in forms_]  # the model's clean() stored a blank URN as None
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
