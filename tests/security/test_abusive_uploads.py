"""Uploads of the wrong type or size, and imports of thousands of rows (issue 8).

Every upload the portal takes (organisations and case-audit imports, the two framework loaders) answers a
wrong file with a message beside the file field and changes nothing. Imports are all or nothing at scale:
a thousand rows with one bad row import none and name the row; good rows in mixed scripts import intact;
one row over the limit (IMPORT_MAX_ROWS, 50,000) refuses the file. Imports run as background jobs (portal/jobs.py,
run at once in tests): the file as a whole is checked beside the field, its rows on the job's page.

Row counts are what the suite can afford: checking a row costs about 2 ms and saving one about 8 ms (the
audit-trail entry and the search index, row by row), so a full 2,000-row import takes about 20 s on a quiet
machine; the tests check 1,000 rows with a bad one and import 60 good ones.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from html import unescape

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from caseaudits.models import CaseAudit
from portal import frameworks
from portal.models import Organisation

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
GARBAGE = bytes(range(256)) * 8


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a spreadsheet")
    return buffer.getvalue()


def field_error(html, name="file"):
    """The text of the error message shown beside a form field ('' when there is none)."""
    match = re.search(rf'id="id_{name}_error"[^>]*>(.*?)</p>', html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).replace("Error:", "").strip() if match else ""


@dataclass(frozen=True)
class Upload:
    url: str
    user: str
    extension: str  # what a right file is called
    max_bytes: int
    count: object  # () -> number of records an upload would add to

    def state(self):
        return self.count()


UPLOADS = {
    "organisations import": Upload(
        "/admin/organisations-import/",
        "admin_user",
        "csv",
        settings.IMPORT_MAX_BYTES,
        lambda: Organisation.objects.count(),
    ),
    "case-audit import": Upload(
        "/case-audits/import/", "la_officer", "csv", settings.IMPORT_MAX_BYTES, lambda: CaseAudit.objects.count()
    ),
}
# Every framework kind has the one upload screen of the framework kit.
UPLOADS |= {
    f"{key} framework": Upload(
        f"/frameworks/{key}/upload/",
        "admin_user",
        "json",
        frameworks.MAX_FILE_BYTES,
        lambda key=key: frameworks.kind(key).model().objects.count(),
    )
    for key in ("commitments", "principles", "maturity", "pledges", "offer-checklist")
}

# (name, bytes, file name given the right extension, what the message must say)
BAD_FILES = {
    "png renamed": (lambda up: PNG * 20, "photo.{ext}", r"(CSV|JSON|not a valid|could not be read)"),
    "zip renamed": (lambda up: zip_bytes(), "archive.{ext}", r"(CSV|JSON|not a valid|could not be read)"),
    "zip renamed xlsx": (lambda up: zip_bytes(), "archive.xlsx", r"(Excel|JSON|not a valid)"),
    "binary garbage": (lambda up: GARBAGE, "data.{ext}", r"(CSV|JSON|not a valid|could not be read)"),
    "pdf": (lambda up: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + GARBAGE, "report.pdf", r"(CSV|JSON|not a valid)"),
    "empty": (lambda up: b"", "empty.{ext}", r"empty"),
    "too large": (lambda up: b"a" * (up.max_bytes + 1), "big.{ext}", r"(largest accepted|larger than|too big)"),
}


@pytest.mark.parametrize("bad", list(BAD_FILES), ids=list(BAD_FILES))
@pytest.mark.parametrize("where", list(UPLOADS), ids=list(UPLOADS))
def test_a_wrong_file_gets_a_message_beside_the_field_and_changes_nothing(request, client_for, where, bad, agency):
    upload = UPLOADS[where]
    content, name, expected = BAD_FILES[bad]
    client = client_for(request.getfixturevalue(upload.user))
    before = upload.state()
    response = client.post(upload.url, {"file": SimpleUploadedFile(name.format(ext=upload.extension), content(upload))})
    assert response.status_code == 200
    message = field_error(response.content.decode())
    assert re.search(expected, message), f"{where} said {message!r} for a {bad} file"
    assert upload.state() == before


# Thousands of rows: the organisations import (the biggest lists councils hold).

HEADER = ["Name", "Kind", "Phase", "URN", "Locality", "Postcode", "Email"]


def organisations_csv(rows, bad_row=None):
    """`rows` schools named in mixed scripts; on spreadsheet row `bad_row` (the header is row 1) a bad URN."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for number in range(rows):
        urn = "12AB" if number + 2 == bad_row else f"{300000 + number}"
        writer.writerow(
            [
                f"School {number} Zoë 👩‍👧 مدرسة 学校",
                "School",
                "Primary",
                urn,
                "North",
                "LE1 1AA",
                f"office{number}@school.example",
            ]
        )
    return SimpleUploadedFile("schools.csv", out.getvalue().encode("utf-8"))


def test_a_thousand_rows_with_one_bad_import_nothing_and_name_the_row(client_for, admin_user, north):
    response = client_for(admin_user).post(
        "/admin/organisations-import/", {"file": organisations_csv(1000, 701)}, follow=True
    )
    page = response.content.decode()
    assert "Nothing was saved: 1 problem found" in page
    assert "<td>701</td><td>URN</td>" in page
    assert Organisation.objects.count() == 0


def test_good_rows_in_mixed_scripts_import_with_every_character_intact(client_for, admin_user, north):
    response = client_for(admin_user).post("/admin/organisations-import/", {"file": organisations_csv(60)}, follow=True)
    assert "Finished: 60 row(s) saved." in response.content.decode()
    assert Organisation.objects.count() == 60
    assert Organisation.objects.get(urn="300059").name == "School 59 Zoë 👩‍👧 مدرسة 学校"


def test_one_row_more_than_the_limit_is_refused_whole(client_for, admin_user, north):
    response = client_for(admin_user).post(
        "/admin/organisations-import/", {"file": organisations_csv(settings.IMPORT_MAX_ROWS + 1)}
    )
    assert field_error(response.content.decode()) == (
        f"The file has more than {settings.IMPORT_MAX_ROWS} rows; split it into smaller files."
    )
    assert Organisation.objects.count() == 0
