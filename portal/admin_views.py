"""Administrator pages inside the Wagtail admin: the bulk import of organisations."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from portal import permissions
from portal.forms import ImportForm
from portal.services import organisations as organisation_service
from portal.services.organisations import IMPORT_COLUMNS
from portal.tabular import FileProblem, template_csv


def import_organisations(request):
    permissions.require(permissions.can_administer(request.user))
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = organisation_service.import_organisations(form.cleaned_data["file"])
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            if result.ok:
                messages.success(request, f"Imported {result.created} organisations.")
                return redirect("organisation:index")
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

