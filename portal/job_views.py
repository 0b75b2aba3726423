"""A background job's page, its progress as JSON for the page's script, its result, and a retry."""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from portal import permissions
from portal.jobs import Job, retry_job


def _job_for(request, job_id):
    job = get_object_or_404(Job, pk=job_id)
    if not permissions.can_see_job(request.user, job):
        raise Http404  # another person's job: not even its existence is told
    return job


@login_required
def job_page(request, job_id):
    job = _job_for(request, job_id)
    return render(request, "portal/jobs/job.html", {"job": job, "status": job.status_data()})


@login_required
def job_status(request, job_id):
    job = _job_for(request, job_id)
    return JsonResponse(job.status_data(), headers={"Cache-Control": "no-store"})


@login_required
def job_download(request, job_id):
    job = _job_for(request, job_id)
    if not job.result_file or not default_storage.exists(job.result_file):
        raise Http404
    return FileResponse(
        default_storage.open(job.result_file, "rb"), as_attachment=True, filename=job.result_name or "result.csv"
    )


@login_required
@require_POST
def job_retry(request, job_id):
    job = _job_for(request, job_id)
    if job.owner_id != request.user.pk or not job.can_retry:
        raise Http404
    retry_job(job)
    return redirect("job", job_id=job.pk)
