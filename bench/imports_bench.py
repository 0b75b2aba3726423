"""Benchmark: the organisations import and the case-file audit import against bulk_create of the same rows.

    .venv/bin/python bench/imports_bench.py                       # 2,000 rows, throwaway SQLite
    .venv/bin/python bench/imports_bench.py --rows 200 --repeat 3
    .venv/bin/python bench/imports_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_imports

Each line prints the product's time, its floor measured in the same run and the ratio (medians):
- `organisations`: portal.services.organisations.import_organisations on a CSV of N rows (read, every
  row validated, saved with audit trail and search index), against `bulk_create` of the same N
  organisations;
- `organisations-page`: the same file posted to the admin import page by a signed-in administrator,
  against the same floor (the whole request: upload, middleware, audit-trail actor, redirect);
- `case-audits`: caseaudits.imports.import_audits on N rows, against `bulk_create` of the same audits,
  findings and actions.
Every run is rolled back, so each repeat starts from the same database; a product and its floor take turns.
"""

import csv
import gc
import io
import statistics
import time

from common import against_target, argument_parser, bench_database


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--rows", type=int, default=2000, help="Rows per imported file (default 2,000, the cap).")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each, the median is printed (default 5).")
    return parser.parse_args()


def rolled_back(call):
    """Seconds and queries of call(), whose writes are then undone.

    Queries are counted by a wrapper that only counts: Django's CaptureQueriesContext formats every
    statement with its parameters, which on PostgreSQL cost more than the insert of 2,000 rows itself and
    weighed on the product and the floor in proportion to the SQL each sends, not to the work a server does.
    An import pauses Python's cycle collector (portal.tabular) and leaves its garbage to the next collection:
    the heap is collected before each run, untimed, so that cost never lands on the floor's run after it.
    """
    from django.db import connection, transaction

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    gc.collect()  # each run starts on a collected heap: none pays for the garbage another left
    with transaction.atomic(), connection.execute_wrapper(count):
        started = time.perf_counter()
        call()
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return seconds, len(queries)


def medians(repeat, *calls):
    """(median seconds, queries of the last run) of each call, the calls taking turns in every repeat, so a
    product and its floor meet the same load on a shared machine."""
    runs = [[rolled_back(call) for call in calls] for _ in range(repeat)]
    return [(statistics.median(run[n][0] for run in runs), runs[-1][n][1]) for n in range(len(calls))]


def upload(name, header, rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


def organisation_rows(count):
    """Half schools (phase, URN, locality), half agencies, as an LA's list would have them."""
    return [
        [
            f"Bench school {i}",
            "School",
            "Primary",
            str(400000 + i),
            f"Locality {i % 6 + 1}",
            "0116 000 0000",
            "office@school.example",
            "https://school.example",
        ]
        if i % 2 == 0
        else [f"Bench agency {i}", "Agency", "", "", f"Locality {i % 6 + 1}", "", "help@agency.example", ""]
        for i in range(count)
    ]


ORGANISATION_HEADER = ["Name", "Kind", "Phase", "URN", "Locality", "Phone", "Email", "Website"]


def organisations_floor(rows, localities):
    from django.utils.text import slugify

    from portal.models import Organisation

    by_name = {locality.name: locality for locality in localities}
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=name,
                slug=slugify(name),
                kind=kind.lower(),
                sector="education" if kind == "School" else "other",
                phase=phase.lower(),
                urn=urn or None,
                locality=by_name[locality],
                phone=phone,
                email=email,
                website=website,
            )
            for name, kind, phase, urn, locality, phone, email, website in rows
        ]
    )


def audit_rows(count, principles, agencies, localities, officer):
    header = ["Case reference", "Lead agency", "Locality", "EHA start date", "Audit date", "Auditor email"]
    for principle in principles:
        header += [principle.title, f"{principle.title} evidence"]
    header += ["Overall judgement", "Strengths", "Action 1", "Action 1 due date"]
    rows = []
    for i in range(count):
        row = [
            f"EHA-{700000 + i}",
            agencies[i % len(agencies)].name,
            localities[i % len(localities)].name,
            "2018-01-10",
            "2018-05-14",
            officer.email,
        ]
        for _ in principles:
            row += ["Met", "Seen in the plan."]
        row += ["Good", "The family's voice is clear.", "Review the plan.", "2018-06-30"]
        rows.append(row)
    return header, rows


def audits_floor(count, framework, principles, agencies, localities, officer):
    from datetime import date

    from caseaudits.models import AuditAction, CaseAudit, PrincipleFinding

    audits = CaseAudit.objects.bulk_create(
        [
            CaseAudit(
                framework=framework,
                case_reference=f"EHA-{700000 + i}",
                lead_agency=agencies[i % len(agencies)],
                locality=localities[i % len(localities)],
                eha_start_date=date(2018, 1, 10),
                audit_date=date(2018, 5, 14),
                financial_year=2018,
                quarter=1,
                auditor=officer,
                overall_judgement="good",
                strengths="The family's voice is clear.",
                recorded_by=officer,
            )
            for i in range(count)
        ],
        batch_size=500,
    )
    PrincipleFinding.objects.bulk_create(
        [
            PrincipleFinding(audit=a, principle=p, finding="met", evidence="Seen in the plan.")
            for a in audits
            for p in principles
        ],
        batch_size=500,
    )
    AuditAction.objects.bulk_create(
        [AuditAction(audit=a, description="Review the plan.", due_date=date(2018, 6, 30)) for a in audits],
        batch_size=500,
    )


def main():
    args = parse_args()
    with bench_database(args.database_url, "imports"):
        from django.test import Client

        from caseaudits.imports import import_audits
        from caseaudits.models import Framework
        from portal.models import Locality, Organisation, User
        from portal.services.organisations import import_organisations

        localities = [
            Locality.objects.get_or_create(name=f"Locality {n}", slug=f"locality-{n}")[0] for n in range(1, 7)
        ]
        agencies = [
            Organisation.objects.get_or_create(
                name=f"Lead agency {n}", defaults={"kind": "agency", "slug": f"lead-{n}"}
            )[0]
            for n in range(1, 41)
        ]
        # Kept from an earlier run on the same --database-url, or made now.
        officer = User.objects.filter(email="officer@bench.example").first() or User.objects.create_user(
            email="officer@bench.example", password="x", partnership_role="la_officer"
        )
        admin = User.objects.filter(email="admin@bench.example").first() or User.objects.create_user(
            email="admin@bench.example", password="x", is_superuser=True, is_staff=True
        )
        framework = Framework.objects.get(slug="leicester-eha-principles", version=1)
        principles = list(framework.principles.order_by("number"))
        count = args.rows

        rows = organisation_rows(count)
        header, cases = audit_rows(count, principles, agencies, localities, officer)
        client = Client()
        client.force_login(admin)

        def organisations_import():
            result = import_organisations(upload("orgs.csv", ORGANISATION_HEADER, rows))
            assert result.created == count, result.errors[:3]

        def through_page():
            response = client.post(
                "/admin/organisations-import/", {"file": upload("orgs.csv", ORGANISATION_HEADER, rows)}
            )
            assert response.status_code == 302, response.status_code

        def audits_import():
            result = import_audits(upload("audits.csv", header, cases), framework=framework, recorded_by=officer)
            assert result.created == count, result.errors[:3]

        (floor, _), (product, queries), (page, page_queries) = medians(
            args.repeat, lambda: organisations_floor(rows, localities), organisations_import, through_page
        )
        lines = [("organisations", product, floor, queries), ("organisations-page", page, floor, page_queries)]
        audits = lambda: audits_floor(count, framework, principles, agencies, localities, officer)  # noqa: E731
        (floor, _), (product, queries) = medians(args.repeat, audits, audits_import)
        lines.append(("case-audits", product, floor, queries))

        print(f"\nImports of {count} rows against bulk_create of the same rows (medians of {args.repeat})")
        print(f"{'import':<20} {'rows':>6} {'product s':>10} {'floor s':>8} {'ratio':>6} {'queries':>8}")
        for name, product, floor, queries in lines:
            print(f"{name:<20} {count:>6} {product:>10.2f} {floor:>8.3f} {product / floor:>6.1f} {queries:>8}")
        print()
        for name, product, floor, _ in lines:
            against_target(f"{name} import of {count:,} rows vs bulk_create", product / floor, 3, size=count, at=2000)


if __name__ == "__main__":
    main()
