"""Benchmark: a case-file audit import run as a background job, against bulk_create of the same rows.

    .venv/bin/python bench/jobs_bench.py                   # 2,000 rows, throwaway SQLite
    .venv/bin/python bench/jobs_bench.py --rows 50000      # the issue's size (bench/run_all.py --full)
    .venv/bin/python bench/jobs_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_jobs

`job` is the whole path a person's upload takes once the page has checked it: portal.jobs.start_job stores
the file and records the job, the task runs (django-tasks' immediate backend, so in this process: the
worker's own work without its polling interval), claims the job, reads and checks every row, saves them in
one transaction with progress reports, and writes the result file. `floor` is bulk_create of the same
audits, findings and actions (bench/imports_bench.py's floor). Both are rolled back after each run; the
medians are printed side by side with their ratio.
"""

import statistics

from common import argument_parser, bench_database
from imports_bench import audit_rows, audits_floor, rolled_back, upload


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--rows", type=int, default=2000, help="Rows in the imported file (default 2,000).")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each, the median is printed (default 3).")
    return parser.parse_args()


def main():
    args = parse_args()
    with bench_database(args.database_url, "jobs"):
        from django.conf import settings

        from caseaudits.imports import run_import_job
        from caseaudits.models import Framework
        from portal.jobs import Job, start_job
        from portal.models import Locality, Organisation, User

        settings.IMPORT_MAX_ROWS = max(settings.IMPORT_MAX_ROWS, args.rows)
        settings.IMPORT_MAX_BYTES = max(settings.IMPORT_MAX_BYTES, 1000 * args.rows)
        localities = [
            Locality.objects.get_or_create(name=f"Locality {n}", slug=f"locality-{n}")[0] for n in range(1, 7)
        ]
        agencies = [
            Organisation.objects.get_or_create(
                name=f"Lead agency {n}", defaults={"kind": "agency", "slug": f"lead-{n}"}
            )[0]
            for n in range(1, 41)
        ]
        officer = User.objects.create_user(email="officer@bench.example", password="x", partnership_role="la_officer")
        framework = Framework.objects.get(slug="leicester-eha-principles", version=1)
        principles = list(framework.principles.order_by("number"))
        header, cases = audit_rows(args.rows, principles, agencies, localities, officer)

        def through_the_job():
            job = start_job(
                owner=officer,
                kind="case-audits-import",
                label="Case-file audits import",
                runner=run_import_job,
                upload=upload("audits.csv", header, cases),
                params={"framework": framework.pk},
            )
            job = Job.objects.get(pk=job.pk)
            assert (job.status, job.done, job.total) == ("done", args.rows, args.rows), (job.message, job.errors[:3])

        def floor():
            audits_floor(args.rows, framework, principles, agencies, localities, officer)

        floors = [rolled_back(floor)[0] for _ in range(args.repeat)]
        jobs = [rolled_back(through_the_job) for _ in range(args.repeat)]
        floor_s = statistics.median(floors)
        job_s = statistics.median(seconds for seconds, _ in jobs)

        print(f"\nA case-file audit import through a job against bulk_create (medians of {args.repeat})")
        print(f"{'run':<12} {'rows':>7} {'job s':>8} {'floor s':>8} {'ratio':>6} {'queries':>8} {'rows/s':>8}")
        print(
            f"{'case-audits':<12} {args.rows:>7} {job_s:>8.2f} {floor_s:>8.2f} {job_s / floor_s:>6.1f} "
            f"{jobs[-1][1]:>8} {args.rows / job_s:>8.0f}"
        )


if __name__ == "__main__":
    main()
