"""Exports: a small one is answered in the request, a large one runs as a background job.

A view hands `export_response` the person's request, a cheap count of the rows the export will hold, and
a build function. Up to EXPORT_BACKGROUND_ROWS rows the workbook is built at once and downloaded; above
it a job (portal.jobs) builds it on a worker and the person is sent to the job's page, which shows the
progress and, when it is done, links to the file (only they and LA officers may open it).

The build function is module-level (a worker finds it by its dotted path) and reads only what a stored
request keeps: `request.user`, `request.GET` and `request.build_absolute_uri()`. It returns
(ReportWorkbook, file name). In the request it gets the real request; on the worker a StoredRequest of
the same person, query and site, so both paths make the same file. Permissions and bad parameters are
checked by the view before it calls export_response (a refusal is the request's, never a failed job).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import redirect
from django.utils.module_loading import import_string

from portal.collector import collector_paused
from portal.jobs import start_job
from portal.xlsx import xlsx_response


def export_response(request, *, rows, build, label, kwargs=None):
    """The export as a download, or (over EXPORT_BACKGROUND_ROWS rows) a redirect to the job building it.

    rows    how many rows the export will hold (or at most): a count, not the export itself
    build   build(request, **kwargs) -> (ReportWorkbook, file name); a module-level function
    label   what the job page calls it ("Offer register export")
    """
    kwargs = kwargs or {}
    if rows <= settings.EXPORT_BACKGROUND_ROWS:
        report, filename = _built(build, request, kwargs)
        return xlsx_response(report, filename)
    job = start_job(
        owner=request.user,
        kind="export",
        label=label,
        runner=run_export,
        upload=None,
        params={
            "build": f"{build.__module__}.{build.__qualname__}",
            "kwargs": kwargs,
            "query": request.GET.urlencode(),
            "site_url": request.build_absolute_uri("/").rstrip("/"),
            "rows": rows,
        },
    )
    return redirect("job", job_id=job.pk)


@dataclass
class StoredRequest:
    """What a build function may read of the request that started an export, kept on the job."""

    user: object
    query: str = ""
    site_url: str = ""
    method: str = "GET"
    GET: QueryDict = field(init=False)

    def __post_init__(self):
        self.GET = QueryDict(self.query)

    def build_absolute_uri(self, location="/"):
        return self.site_url + location


@dataclass
class ExportOutcome:
    """What a job made: a file, and how many rows it holds (read by portal.jobs.run_job)."""

    created: int
    filename: str
    content: bytes
    errors: list = field(default_factory=list)

    @property
    def message(self):
        return f"{self.created} row(s) exported."


def _built(build, request, kwargs):
    """(ReportWorkbook, file name) from the build function, with the cycle collector paused: a large
    export keeps a row object and a cell object for every organisation and column until its workbook is
    written, and the collector's full runs over the whole process cost a seventh of the pledges export."""
    with collector_paused():
        return build(request, **kwargs)


def run_export(job, _stored_file):
    """The job's runner: the build function, as the person who asked, on the query they asked with."""
    params = job.params
    rows = params.get("rows", 0)
    job.report(0, rows)
    request = StoredRequest(user=job.owner, query=params.get("query", ""), site_url=params.get("site_url", ""))
    report, filename = _built(import_string(params["build"]), request, params.get("kwargs", {}))
    job.report(rows, rows)
    return ExportOutcome(created=rows, filename=filename, content=report.getvalue())
