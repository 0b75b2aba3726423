"""Import templates are workbooks people can fill in without guessing: drop-down lists of the allowed values
and a Guidance sheet; an import's wrong choice names the right ones. Opened here with openpyxl, as Excel would."""

import io

import openpyxl
import pytest
from django import forms

from portal.services.organisations import IMPORT_COLUMNS, import_organisations
from portal.tabular import import_rows, template_xlsx
from portal.xlsx import ReportWorkbook

from .test_import_organisations import csv_file

pytestmark = pytest.mark.django_db
TEMPLATE = "/admin/organisations-import/template.xlsx"


def open_template(client):
    response = client.get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="organisations-template.xlsx"'
    return openpyxl.load_workbook(io.BytesIO(response.content))


def drop_downs(sheet):
    """{first cell: the list's values}, read back from the Lists sheet each drop-down points at."""
    lists = sheet.parent["Lists"]
    found = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        first_cell = str(validation.sqref).split(":")[0]
        source = validation.formula1.replace("$", "").removeprefix("Lists!")
        found[first_cell] = [cell.value for row in lists[source] for cell in row]
    return found


def test_the_organisations_template_has_drop_downs_of_the_allowed_values(client_for, admin_user, north, south):
    workbook = open_template(client_for(admin_user))
    sheet = workbook["Organisations"]
    assert [cell.value for cell in sheet[1]] == list(IMPORT_COLUMNS.values())
    lists = drop_downs(sheet)
    assert lists["B2"] == ["School", "Agency", "Commissioner", "Local-authority service"]  # Kind
    assert "Voluntary and community sector" in lists["C2"]  # Sector
    assert lists["D2"][:2] == ["Primary", "Secondary"]  # Phase
    assert lists["F2"] == ["North", "South"]  # Locality, from the localities on record
    assert set(lists) == {"B2", "C2", "D2", "F2"}  # free-text columns have none
    # Each drop-down covers the rows people fill in, and refuses anything else with a message.
    [kind] = [v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith("B2")]
    assert str(kind.sqref) == "B2:B1001" and kind.showErrorMessage and "Kind" in kind.error


def test_the_guidance_sheet_explains_every_column(client_for, admin_user, north):
    guidance = open_template(client_for(admin_user))["Guidance"]
    rows = {row[0]: row[1:] for row in guidance.iter_rows(min_row=5, values_only=True) if row[0]}
    assert list(rows) == list(IMPORT_COLUMNS.values())
    assert rows["Name"][0] == "Yes" and rows["Kind"][0] == "Yes" and rows["Phone"][0] == "No"
    assert "6-digit" in rows["URN"][1]
    assert rows["Kind"][2] == "School, Agency, Commissioner, Local-authority service"
    assert "nothing is imported" in guidance["A2"].value


def test_what_the_template_offers_is_what_the_import_accepts(client_for, admin_user, north):
    lists = drop_downs(open_template(client_for(admin_user))["Organisations"])
    rows = []
    for n, (kind, sector) in enumerate(zip(lists["B2"], lists["C2"]), start=10):
        school = kind == "School"
        rows.append(
            f"Org {n},{kind},{sector},{'Primary' if school else ''},{'1000' + str(n) if school else ''},North\n"
        )
    result = import_organisations(csv_file("".join(rows), header="Name,Kind,Sector,Phase,URN,Locality\n"))
    assert result.ok, [str(e) for e in result.errors]


@pytest.mark.parametrize("role", ["la_officer", "board_member", "school_lead"])
def test_only_administrators_download_it(client_for, everyone, role):
    assert client_for(everyone[role]).get(TEMPLATE).status_code in (302, 403)


def test_a_wrong_choice_names_the_allowed_values(db):
    result = import_organisations(csv_file("Thing,Charity,,,,,,\n"))
    [error] = result.errors
    assert str(error) == (
        "Row 2, column 'Kind': 'Charity' is not one of the choices for Kind. "
        "Use one of: School, Agency, Commissioner, Local-authority service."
    )


def test_every_import_gets_the_allowed_values_in_its_errors(db):
    """The shared error path: any row form's choice field, without the import doing anything for it."""

    class Colour(forms.Form):
        rag = forms.ChoiceField(choices=[("", "---"), ("red", "Red"), ("green", "Green")])
        many = forms.ChoiceField(required=False, choices=[(str(n), f"Choice {n}") for n in range(60)])

    result = import_rows([(2, {"rag": "purple"}), (3, {"rag": "red", "many": "x"})], form_class=Colour,
                         columns={"rag": "RAG", "many": "Many"}, save=lambda form: None)  # fmt: skip
    assert [str(e) for e in result.errors] == [
        "Row 2, column 'RAG': 'purple' is not one of the choices for RAG. Use one of: Red, Green.",
        "Row 3, column 'Many': 'x' is not one of the choices for Many: choose one from the template's drop-down list.",
    ]


def test_a_long_list_of_values_still_makes_a_drop_down():
    workbook = ReportWorkbook()
    values = [f"Organisation number {n}" for n in range(400)]  # far more than an inline list's 255 characters
    template_xlsx(workbook, sheet_name="Rows", columns={"a": "Agency", "b": "Notes"}, choices={"a": values})
    workbook.close()
    opened = openpyxl.load_workbook(io.BytesIO(workbook.getvalue()))
    assert drop_downs(opened["Rows"])["A2"] == values
    assert opened["Guidance"]["D5"].value == "See the drop-down list."
