"""Administrator pages inside the Wagtail admin: the bulk import of organisations."""

from django.http import HttpResponse
from django.shortcuts import redirect, render

from portal import permissions
from portal.forms import ImportForm
from portal.jobs import start_job
from portal.services import organisations as organisation_service
from portal.services.organisations import IMPORT_COLUMNS
from portal.tabular import template_csv
from portal.xlsx import ReportWorkbook, xlsx_response


def import_organisations(request):
    permissions.require(permissions.can_administer(request.user))
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        # Checked and saved in the background, all or nothing; the job's page shows progress and problems.
        job = start_job(
            owner=request.user,
            kind="organisations-import",
            label="Import organisations",
            runner=organisation_service.run_import_job,
            upload=form.cleaned_data["file"],
        )
        return redirect("job", job_id=job.pk)
    return render(
        request,
        "portal/admin/organisation_import.html",
        {"form": form, "result": result, "columns": IMPORT_COLUMNS.values()},
    )


def import_template(request):
    permissions.require(permissions.can_administer(request.user))
    response = HttpResponse(template_csv(IMPORT_COLUMNS), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="organisations-template.csv"'
    return response


def import_template_xlsx(request):
    """The template as a workbook: drop-down lists of the allowed values and a Guidance sheet."""
    permissions.require(permissions.can_administer(request.user))
    with ReportWorkbook() as workbook:
        organisation_service.write_import_template(workbook)
    return xlsx_response(workbook, "organisations-template.xlsx")
