"""Bulk import of organisations: every row validated, all or nothing, errors named by row and column."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from portal.models import Organisation
from portal.services.organisations import import_organisations
from portal.tabular import FileProblem

HEADER = "Name,Kind,Phase,URN,Locality,Phone,Email,Website\n"


def csv_file(body, header=HEADER, name="orgs.csv"):
    return SimpleUploadedFile(name, (header + body).encode("utf-8"), content_type="text/csv")


def xlsx_file(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("orgs.xlsx", buffer.getvalue())


@pytest.mark.django_db
class TestImportService:
    def test_valid_csv_creates_every_row(self, north):
        result = import_organisations(
            csv_file(
                "Elm Primary,School,Primary,111111,North,0116 111,office@elm.example,https://elm.example\n"
                "Young Carers Project,agency,,,north,,,\n"
                "Public Health,Commissioner,,,,,,\n"
            )
        )
        assert result.ok and result.created == 3
        elm = Organisation.objects.get(urn="111111")
        assert (elm.kind, elm.phase, elm.locality, elm.sector) == ("school", "primary", north, "education")
        assert Organisation.objects.get(name="Public Health").locality is None

    def test_valid_xlsx_with_numeric_urn(self, north):
        result = import_organisations(
            xlsx_file(
                [["Name", "Kind", "Phase", "URN", "Locality"], ["Ash Special", "School", "Special", 222222, "North"]]
            )
        )
        assert result.ok
        assert Organisation.objects.get(name="Ash Special").urn == "222222"

    def test_one_bad_row_imports_nothing_and_names_row_and_column(self, north):
        result = import_organisations(
            csv_file(
                "Elm Primary,School,Primary,111111,North,,,\n"
                "Bad School,School,Primary,12AB,North,,,\n"
                "Yew Agency,Agency,,,Atlantis,,,\n"
            )
        )
        assert not result.ok
        messages = [str(error) for error in result.errors]
        assert any(m.startswith("Row 3, column 'URN'") and "6-digit" in m for m in messages)
        assert any(m.startswith("Row 4, column 'Locality'") and "no locality called 'Atlantis'" in m for m in messages)
        assert Organisation.objects.count() == 0

    def test_school_without_phase_is_refused(self, north):
        result = import_organisations(csv_file("Elm Primary,School,,111111,North,,,\n"))
        assert [str(e) for e in result.errors] == ["Row 2, column 'Phase': Choose the school's phase."]

    def test_unknown_kind_lists_nothing_saved(self, db):
        result = import_organisations(csv_file("Thing,Spaceship,,,,,,\n"))
        assert result.errors[0].column == "Kind"
        assert "'Spaceship' is not one of the choices for Kind. Use one of: School," in result.errors[0].message

    def test_duplicate_urn_in_the_file_and_in_the_database(self, school):
        result = import_organisations(
            csv_file(
                "A School,School,Primary,222222,,,,\nB School,School,Primary,222222,,,,\nC,School,Primary,123456,,,,\n"
            )
        )
        messages = [str(e) for e in result.errors]
        assert "Row 3, column 'URN': URN 222222 is also on row 2." in messages
        assert any(m.startswith("Row 4, column 'URN'") and "already exists" in m for m in messages)
        assert Organisation.objects.count() == 1

    def test_existing_organisation_is_never_overwritten(self, agency):
        result = import_organisations(csv_file(f"{agency.name},Agency,,,,0000,,\n"))
        assert "already exists; it was not changed" in str(result.errors[0])
        agency.refresh_from_db()
        assert agency.phone == ""

    def test_bad_email_and_website(self, db):
        result = import_organisations(csv_file("X,Agency,,,,,not-an-email,notaurl\n"))
        columns = {e.column for e in result.errors}
        assert columns == {"Email", "Website"}

    def test_missing_required_heading(self, db):
        with pytest.raises(FileProblem, match="missing the column\\(s\\): Kind"):
            import_organisations(csv_file("X\n", header="Name,Phase\n"))

    def test_wrong_file_type(self, db):
        with pytest.raises(FileProblem, match="CSV file .* or an Excel workbook"):
            import_organisations(SimpleUploadedFile("orgs.pdf", b"%PDF-1.4"))

    def test_corrupt_xlsx(self, db):
        with pytest.raises(FileProblem, match="could not be read"):
            import_organisations(SimpleUploadedFile("orgs.xlsx", b"not a zip"))

    def test_empty_file_and_header_only(self, db):
        with pytest.raises(FileProblem, match="empty"):
            import_organisations(SimpleUploadedFile("orgs.csv", b""))
        result = import_organisations(csv_file(""))
        assert "no rows" in str(result.errors[0])

    def test_too_many_rows(self, db, settings):
        settings.IMPORT_MAX_ROWS = 3
        with pytest.raises(FileProblem, match="more than 3 rows"):
            import_organisations(csv_file("".join(f"Org {i},Agency,,,,,,\n" for i in range(4))))

    def test_too_large(self, db, settings):
        settings.IMPORT_MAX_BYTES = 100
        with pytest.raises(FileProblem, match="largest accepted"):
            import_organisations(csv_file("x" * 200 + ",Agency,,,,,,\n"))

    def test_blank_rows_are_skipped_and_windows_encoding_is_read(self, db):
        upload = SimpleUploadedFile("orgs.csv", (HEADER + ",,,,,,,\nCafé Project,Agency,,,,,,\n").encode("cp1252"))
        result = import_organisations(upload)
        assert result.ok and Organisation.objects.get().name == "Café Project"


@pytest.mark.django_db
class TestImportPage:
    url = "/admin/organisations-import/"

    def test_administrator_imports_and_is_told_how_many(self, client_for, admin_user, north):
        response = client_for(admin_user).post(
            self.url, {"file": csv_file("Elm Primary,School,Primary,111111,North,,,\n")}, follow=True
        )
        assert "Finished: 1 row(s) saved." in response.content.decode()
        assert response.redirect_chain[-1][0].startswith("/jobs/")
        assert Organisation.objects.filter(name="Elm Primary").exists()

    def test_bad_row_is_listed_on_the_page_and_nothing_saved(self, client_for, admin_user, north):
        response = client_for(admin_user).post(
            self.url,
            {"file": csv_file("Elm Primary,School,Primary,111111,North,,,\nBad,School,Primary,1,North,,,\n")},
            follow=True,
        )
        content = response.content.decode()
        assert "Nothing was saved: 1 problem found" in content
        assert "<td>3</td><td>URN</td>" in content
        assert not Organisation.objects.exists()

    def test_file_problem_is_shown_next_to_the_field(self, client_for, admin_user):
        response = client_for(admin_user).post(self.url, {"file": SimpleUploadedFile("x.txt", b"hello")})
        content = response.content.decode()
        assert 'id="id_file_error"' in content and "Choose a CSV file" in content

    def test_template_download(self, client_for, admin_user):
        response = client_for(admin_user).get("/admin/organisations-import/template.csv")
        assert response["Content-Type"] == "text/csv"
        assert response.content.decode().startswith("Name,Kind,Sector,Phase,URN,Locality")

    @pytest.mark.parametrize("role", ["la_officer", "board_member", "school_lead"])
    def test_other_roles_cannot_import(self, client_for, everyone, role, north):
        response = client_for(everyone[role]).post(self.url, {"file": csv_file("Elm,School,Primary,111111,North,,,\n")})
        assert response.status_code in (302, 403)
        assert not Organisation.objects.filter(name="Elm").exists()


def rows(count, start=0):
    """`count` valid rows: schools with URNs in a locality, and agencies without."""
    return "".join(
        f"School {i},School,Primary,{300000 + i},North,,,\n" if i % 2 == 0 else f"Agency {i},Agency,,,north,,,\n"
        for i in range(start, start + count)
    )


@pytest.mark.django_db
class TestImportAtBulkSpeed:
    def test_queries_do_not_grow_with_the_rows(self, north):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        import_organisations(csv_file(rows(1, start=100)))  # content types and the like, cached from here on
        with CaptureQueriesContext(connection) as few:
            assert import_organisations(csv_file(rows(3))).created == 3
        with CaptureQueriesContext(connection) as many:
            assert import_organisations(csv_file(rows(30, start=3))).created == 30
            # 11 (was up to 20): the audit trail and the search index are one statement each, whatever the rows
        assert len(many.captured_queries) == len(few.captured_queries) <= 11

    def test_each_new_organisation_is_in_the_audit_trail_search_and_has_a_unique_slug(self, north, admin_user):
        from auditlog.context import set_actor
        from auditlog.models import LogEntry

        Organisation.objects.create(name="Elm Primary", slug="elm-primary", kind="agency")
        with set_actor(admin_user):
            result = import_organisations(
                csv_file("Elm Primary,School,Primary,111111,North,,,\nOak Project,Agency,,,,,,\n")
            )
        assert result.ok
        elm = Organisation.objects.get(urn="111111")
        assert (elm.slug, elm.version, elm.locality) == ("elm-primary-2", 1, north)
        entries = LogEntry.objects.get_for_object(elm)
        assert [(e.action, e.actor, e.changes["name"]) for e in entries] == [
            (LogEntry.Action.CREATE, admin_user, [None, "Elm Primary"])
        ]
        assert Organisation.objects.get(name="Oak Project").urn is None
        from wagtail.search.backends import get_search_backend

        assert [o.name for o in get_search_backend().search("Oak", Organisation)] == ["Oak Project"]

    def test_the_bulk_audit_entry_says_what_auditlogs_own_entry_for_a_save_says(self, north):
        from auditlog.models import LogEntry

        saved = Organisation.objects.create(
            name="Saved School",
            slug="saved-school",
            kind="school",
            sector="education",
            phase="primary",
            urn="555555",
            locality=north,
            email="a@school.example",
        )
        import_organisations(csv_file("Imported School,School,Primary,666666,North,,a@school.example,\n"))
        imported = Organisation.objects.get(urn="666666")
        own, bulk = (LogEntry.objects.get_for_object(o).get().changes for o in (saved, imported))
        # auditlog's own entry also lists reverse relations (their managers' names, not values): the bulk
        # entry keeps to the stored fields, and on those the two agree.
        stored = {field.name for field in Organisation._meta.concrete_fields}
        differing = {"id", "name", "slug", "urn", "created_at", "updated_at"}
        assert set(bulk) == set(own) & stored
        assert {k: v for k, v in own.items() if k in stored - differing} == {
            k: v for k, v in bulk.items() if k not in differing
        }
        assert bulk["locality"] == [None, north.pk] and bulk["urn"] == [None, "666666"]


@pytest.mark.django_db
def test_a_value_repeated_down_a_column_is_refused_on_every_row_it_is_on(north):
    """A text is cleaned once per column (portal.tabular): its error is still given for each row."""
    result = import_organisations(
        csv_file("A Project,Agency,,,,,bad-email,\nB Project,Agency,,,,,bad-email,\nC Project,Agency,,,,,c@c.org,\n")
    )
    assert [(e.row, e.column) for e in result.errors] == [(2, "Email"), (3, "Email")]
    assert result.errors[0].message == result.errors[1].message == "Enter a valid email address."


def test_an_import_leaves_the_form_class_and_its_fields_as_they_were():
    from portal.services.organisations import OrganisationImportForm
    from portal.tabular import _row_form_class

    fields = dict(OrganisationImportForm.base_fields)
    row_form_class = _row_form_class(OrganisationImportForm)
    assert OrganisationImportForm.base_fields == fields
    assert all(row_form_class.base_fields[name] is not field for name, field in fields.items())


@pytest.mark.django_db
def test_the_row_form_checks_what_the_model_checks():
    """A plain row form (portal.tabular.model_form_fields): the model field's own validators, such as the
    URN's format, are on the form field, each once."""
    from portal.models import urn_validator
    from portal.services.organisations import OrganisationImportForm

    urn = OrganisationImportForm.base_fields["urn"]
    assert urn.validators.count(urn_validator) == 1
    assert urn.max_length == 6 and not urn.required
    result = import_organisations(csv_file("Elm Primary,School,Primary,12345x,,,,\n"))
    assert [(e.column, e.message) for e in result.errors] == [
        ("URN", "A URN is the school's 6-digit unique reference number, for example 120285.")
    ]
