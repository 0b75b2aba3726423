"""Large exports run as background jobs (portal/exports.py): over EXPORT_BACKGROUND_ROWS rows the offer
register, the pledge matrix, the commitments city export and the case-file report start a job and send
the person to its page; the file the job makes holds the same cells as the one answered in the request;
only its owner and LA officers open it."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from caseaudits.models import Framework
from portal.jobs import Job
from portal.xlsx import XLSX_CONTENT_TYPE
from testdata.caseaudits import make_case_audit

EXPORTS = {
    "offer register": ("/offer-register/offers.xlsx?kind=school", "Offer register export", "early-help-offers-"),
    "pledge matrix": ("/pledges/matrix.xlsx", "Pledge compliance export", "pledge-compliance-"),
    "commitments city": ("/audits/city/export/", "Schools' commitments export", "schools-commitments-"),
    "case-file report": ("/case-audits/reports/2018-19.xlsx", "EHA principles report export", "eha-principles-"),
}


def cells(content):
    workbook = load_workbook(io.BytesIO(content))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in workbook}


@pytest.fixture
def data(school, other_school, agency, la_officer, north):
    """Three organisations and a case-file audit of 2018-19: more rows than the threshold the tests set."""
    make_case_audit(
        Framework.objects.get(slug="leicester-eha-principles", version=1),
        case_reference="EHA-104233",
        lead_agency=agency,
        locality=north,
        eha_start_date=date(2018, 3, 1),
        audit_date=date(2018, 5, 10),
        auditor=la_officer,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", EXPORTS)
def test_a_small_export_is_answered_in_the_request(client_for, la_officer, data, name, settings):
    settings.EXPORT_BACKGROUND_ROWS = 2000
    url, _label, prefix = EXPORTS[name]
    response = client_for(la_officer).get(url)
    assert response.status_code == 200 and response["Content-Type"] == XLSX_CONTENT_TYPE
    assert f'filename="{prefix}' in response["Content-Disposition"]
    assert not Job.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", EXPORTS)
def test_a_large_export_runs_as_a_job_and_makes_the_same_file(client_for, la_officer, data, name, settings):
    url, label, prefix = EXPORTS[name]
    client = client_for(la_officer)
    settings.EXPORT_BACKGROUND_ROWS = 2000
    in_the_request = client.get(url).content

    settings.EXPORT_BACKGROUND_ROWS = 0
    response = client.get(url)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.label, job.owner, job.status) == ("export", label, la_officer, "done")
    assert job.result_name.startswith(prefix) and job.result_name.endswith(".xlsx")
    assert job.message == f"{job.total} row(s) exported." and job.total >= 1

    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert f"<h1>{label}</h1>" in page.replace("&#x27;", "'")
    assert "Download the export (Excel)" in page and "rows written" in page
    download = client.get(f"/jobs/{job.pk}/download/")
    assert download.status_code == 200 and f'filename="{job.result_name}"' in download["Content-Disposition"]
    made = b"".join(download.streaming_content)
    assert cells(made) == cells(in_the_request)  # one build, whichever path it took


@pytest.mark.django_db
@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_job_is_opened_only_by_its_owner_and_la_officers(
    client_for, everyone, admin_user, board_member, data, name, settings
):
    settings.EXPORT_BACKGROUND_ROWS = 0
    owner = admin_user if name == "offer register" else board_member  # the board does not read the register
    assert client_for(owner).get(EXPORTS[name][0]).status_code == 302
    job = Job.objects.get()
    for role, user in everyone.items():
        allowed = user == owner or role in ("la_officer", "admin")
        response = client_for(user).get(f"/jobs/{job.pk}/download/")
        assert response.status_code == (200 if allowed else 302 if user is None else 404), role


@pytest.mark.django_db
@pytest.mark.parametrize("name", EXPORTS)
def test_a_person_who_may_not_export_is_refused_in_the_request_and_no_job_starts(
    client_for, school_lead, data, name, settings
):
    settings.EXPORT_BACKGROUND_ROWS = 0
    assert client_for(school_lead).get(EXPORTS[name][0]).status_code == 403
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_bad_parameter_is_refused_in_the_request_not_in_a_job(client_for, la_officer, data, settings):
    settings.EXPORT_BACKGROUND_ROWS = 0
    assert client_for(la_officer).get("/pledges/matrix.xlsx?set=abc").status_code == 400
    assert client_for(la_officer).get("/pledges/matrix.xlsx?set=999999").status_code == 404
    assert client_for(la_officer).get("/case-audits/reports/nonsense.xlsx").status_code == 302
    assert not Job.objects.exists()


def test_the_threshold_is_2000_rows_by_default():
    from django.conf import settings

    assert settings.EXPORT_BACKGROUND_ROWS == 2000
