"""Benchmark: the commitments city view and matrix export against the bare aggregate behind them.

    .venv/bin/python bench/commitments_bench.py                      # 500 and 5,000 schools, throwaway SQLite
    .venv/bin/python bench/commitments_bench.py --sizes 500 20000 --repeat 3
    .venv/bin/python bench/commitments_bench.py --database-url postgres://postgres@127.0.0.1:5432/bench_commitments

Builds the schools (nine in ten with a year's audit: 9 outcome records and 25 actions each; a third of the
schools with a designated lead, a few with a published offer), then times, as an LA officer:
  - the city-wide view (GET /audits/city/ through the test client: the first page of the matrix, the counts
    and filters computed over every school), and the same view filtered (?rag=red&overdue=on);
  - the xlsx matrix of every school (GET /audits/city/export/, built in the request; and
    `manage.py export_commitments`).

The floor of the view is the bare aggregate behind it, run with connection.cursor() and no ORM: the
totals (schools, audits started and submitted, visits), the counts per audit and commitment that the RAG
rule reads (outcomes complete and answered, actions red, overdue, started), the offers and designated leads
those outcomes follow, the commitments, and the page's hundred schools. Before timing, the RAG rule is run
on the floor's counts and its figures (every total, every school's ratings) must equal the product's.
The floor of the export is the same aggregate for every school followed by a bare xlsxwriter workbook in
constant-memory mode writing the same cells, read back from the product's own file (no formats).
Medians of --repeat.
"""

import io
import os
from datetime import timedelta

from common import against_target, argument_parser, bench_database, median_seconds, raw_xlsx, sheets_of

PAGE_SIZE = 100  # audits.views.CITY_PAGE_SIZE


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="School counts (ascending).")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of each, the median is printed (default 5).")
    return parser.parse_args()


SCHOOLS = "o.kind = 'school' AND o.status = 'active'"


def bare_aggregate(cursor, year, today, framework_id, *, page_only):
    """The figures of the city view, as plain SQL rows: what any implementation must at least read."""
    cursor.execute(
        "SELECT COUNT(*), COUNT(a.id), SUM(CASE WHEN a.status = 'submitted' THEN 1 ELSE 0 END) "
        "FROM portal_organisation o LEFT JOIN audits_audit a ON a.organisation_id = o.id AND a.academic_year = %s "
        f"WHERE {SCHOOLS}",
        [year],
    )
    totals = cursor.fetchone()
    # The counts the roll-up reads (audits.rules.commitment_rag), by audit and commitment: what the view needs
    # and no more (outcomes answered and actions recorded are shown only on one audit's own page).
    cursor.execute(
        "SELECT x.audit_id, x.commitment_id, "
        "SUM(CASE WHEN x.rag = 'red' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN x.due_date < %s AND x.rag <> 'green' THEN 1 ELSE 0 END), "
        "COUNT(*), SUM(CASE WHEN x.rag <> 'not_started' THEN 1 ELSE 0 END) "
        "FROM audits_action x JOIN audits_audit a ON a.id = x.audit_id "
        "JOIN portal_organisation o ON o.id = a.organisation_id "
        f"WHERE a.academic_year = %s AND {SCHOOLS} GROUP BY x.audit_id, x.commitment_id",
        [today, year],
    )
    actions = cursor.fetchall()
    cursor.execute(
        "SELECT r.audit_id, a.organisation_id, u.commitment_id, COUNT(*), "
        "SUM(CASE WHEN u.kind NOT IN ('offer_published', 'named_lead') AND r.complete THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN u.kind = 'offer_published' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN u.kind = 'named_lead' THEN 1 ELSE 0 END) "
        "FROM audits_outcomerecord r JOIN audits_outcome u ON u.id = r.outcome_id "
        "JOIN audits_audit a ON a.id = r.audit_id JOIN portal_organisation o ON o.id = a.organisation_id "
        f"WHERE a.academic_year = %s AND {SCHOOLS} GROUP BY r.audit_id, a.organisation_id, u.commitment_id",
        [year],
    )
    outcomes = cursor.fetchall()
    cursor.execute(
        "SELECT op.organisation_id, p.live, op.review_date FROM home_offerpage op "
        "JOIN wagtailcore_page p ON p.id = op.page_ptr_id JOIN portal_organisation o ON o.id = op.organisation_id "
        f"WHERE {SCHOOLS}"
    )
    offer_pages = cursor.fetchall()
    cursor.execute(
        "SELECT d.organisation_id FROM pledges_designatedlead d JOIN portal_organisation o "
        f"ON o.id = d.organisation_id WHERE {SCHOOLS}"
    )
    leads = {row[0] for row in cursor.fetchall()}
    cursor.execute(
        "SELECT COUNT(*) FROM audits_offervisit v JOIN portal_organisation o ON o.id = v.organisation_id "
        f"WHERE {SCHOOLS}"
    )
    visits = cursor.fetchone()[0]
    cursor.execute(
        "SELECT id, number, short_title FROM audits_commitment WHERE framework_id = %s ORDER BY number",
        [framework_id],
    )
    commitments = cursor.fetchall()
    cursor.execute(
        "SELECT o.id, o.name, o.slug, o.urn, o.phase, l.name, a.id, a.status, a.submitted_at "
        "FROM portal_organisation o LEFT JOIN portal_locality l ON l.id = o.locality_id "
        "LEFT JOIN audits_audit a ON a.organisation_id = o.id AND a.academic_year = %s "
        f"WHERE {SCHOOLS} ORDER BY o.name" + (f" LIMIT {PAGE_SIZE}" if page_only else ""),
        [year],
    )
    schools = cursor.fetchall()
    return {
        "totals": totals,
        "actions": actions,
        "outcomes": outcomes,
        "offer_pages": offer_pages,
        "leads": leads,
        "visits": visits,
        "commitments": commitments,
        "schools": schools,
    }


def figures_from(floor, today):
    """The city view's figures worked out from the floor's rows with the rules (audits.rules), for checking
    the product against: not timed."""
    from collections import defaultdict

    from audits.rules import (
        CommitmentFacts,
        commitment_rag,
        named_lead_outcome_complete,
        offer_outcome_complete,
        school_rag,
    )
    from home import rules as offer_rules

    offer_state = {
        org: offer_rules.offer_state(exists=True, live=bool(live), workflow_status="", review_date=review, on=today)
        for org, live, review in floor["offer_pages"]
    }
    numbers = {pk: number for pk, number, _ in floor["commitments"]}
    counts = defaultdict(lambda: [0] * 8)  # CommitmentFacts in its order; answered and recorded stay 0
    for audit_id, commitment_id, red, overdue, total, started in floor["actions"]:
        counts[audit_id, numbers[commitment_id]][4:8] = red, overdue, total, started
    for audit_id, org, commitment_id, total, complete, offer, lead in floor["outcomes"]:
        if offer and offer_outcome_complete(offer_state.get(org, offer_rules.NOT_STARTED)):
            complete += offer
        if lead and named_lead_outcome_complete(org in floor["leads"]):
            complete += lead
        counts[audit_id, numbers[commitment_id]][0:2] = total, complete
    facts = defaultdict(dict)
    for (audit_id, number), row in counts.items():
        facts[audit_id][number] = CommitmentFacts(*row)
    ordered = sorted(numbers.values())
    rags, overdue = {}, {}
    for audit_id, by_number in facts.items():
        rags[audit_id] = [commitment_rag(by_number.get(n, CommitmentFacts())) for n in ordered]
        overdue[audit_id] = sum(f.actions_overdue for f in by_number.values())
    population, engaged, submitted = floor["totals"]
    return {
        "population": population,
        "engaged": engaged,
        "submitted": int(submitted or 0),
        "visits": floor["visits"],
        "all_green": sum(1 for r in rags.values() if school_rag(r) == "green"),
        "with_overdue": sum(1 for n in overdue.values() if n),
        "rags": rags,
        "overdue": overdue,
    }


def build(size, framework, year, today):
    """Schools up to `size`, with leads for a third of them and a published offer for one in fifty."""
    from home.bulk import create_published_offers
    from home.models import OfferPage
    from pledges.models import DesignatedLead
    from portal.models import Organisation
    from testdata.audits import build_city

    missing = size - Organisation.objects.schools().active().count()
    if missing <= 0:
        return
    schools, _ = build_city(missing, framework, year, today, seed=size)
    DesignatedLead.objects.bulk_create(
        DesignatedLead(organisation=school, name=f"Lead {school.pk}", role="DSL", email="dsl@school.example")
        for school in schools[::3]
    )
    # The offers are made for organisations of their own, then moved to audited schools (commitment 3's
    # offer outcome follows them); their own organisations are closed, so they are not in the city.
    label = f"Bench{size}"
    page_ids = create_published_offers(max(1, missing // 50), label=label)
    for page_id, school in zip(page_ids, schools[1::50], strict=False):
        OfferPage.objects.filter(pk=page_id).update(organisation=school, review_date=today + timedelta(days=90))
    Organisation.objects.filter(name__startswith=f"{label} organisation").update(status=Organisation.Status.CLOSED)


def main():
    args = parse_args()
    # Every size's export is built in the request (above this, the page hands it to a background job).
    os.environ.setdefault("EXPORT_BACKGROUND_ROWS", str(max(args.sizes) + 1))
    with bench_database(args.database_url, "commitments") as folder:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.utils import timezone

        from audits import selectors
        from audits.models import Framework
        from portal.models import User
        from portal.periods import academic_year

        today = timezone.localdate()
        year = academic_year(today)
        framework = Framework.objects.get(is_current=True)
        officer = User.objects.create_user(
            "bench.officer@example.org", "bench-password-123", partnership_role="la_officer"
        )
        client = Client()
        client.force_login(officer)

        def get(url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response.content

        def counted(call):
            queries = []  # counted by a wrapper: the test client's request_started empties connection.queries

            def count(execute, sql, params, many, context):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                result = call()
            return len(queries), result

        def floor_of(page_only):
            with connection.cursor() as cursor:
                return bare_aggregate(cursor, year, today, framework.pk, page_only=page_only)

        lines = []
        for size in sorted(args.sizes):
            build(size, framework, year, today)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")

            # The floor computes the same figures as the product: checked before anything is timed.
            expected = figures_from(floor_of(page_only=False), today)
            view = selectors.city_view(officer, year, today)
            assert len(view.rows) == expected["population"] == size
            for name in ("population", "engaged", "submitted", "visits", "all_green", "with_overdue"):
                assert getattr(view, name) == expected[name], (name, getattr(view, name), expected[name])
            for row in view.rows:
                if row.audit_id is not None:
                    assert [r.value for r in row.rags] == expected["rags"].get(row.audit_id, []), row.name
                    assert row.overdue == expected["overdue"].get(row.audit_id, 0)
            page_floor = floor_of(page_only=True)
            assert [s[1] for s in page_floor["schools"]] == [r.name for r in view.rows[:PAGE_SIZE]]

            views = (("city-view", "/audits/city/"), ("city-view-red-overdue", "/audits/city/?rag=red&overdue=on"))
            for label, url in views:
                get(url)  # warm up
                queries, _ = counted(lambda url=url: get(url))
                product = median_seconds(args.repeat, lambda url=url: get(url))
                floor = median_seconds(args.repeat, lambda: floor_of(page_only=True))
                lines.append((label, size, product, floor, queries))

            content = get("/audits/city/export/")
            cells = sheets_of(content)  # every sheet's cells, which the floor writes again
            assert len(cells[0][1]) == size + 4  # title, counts, a blank row, the headings, then every school
            out = folder / f"matrix-{size}.xlsx"

            def command(out=out):
                call_command("export_commitments", "--out", str(out), stdout=io.StringIO())

            def export_floor(cells=cells):
                floor_of(page_only=False)
                raw_xlsx(cells)

            floor = median_seconds(args.repeat, export_floor)
            queries, _ = counted(lambda: get("/audits/city/export/"))
            product = median_seconds(args.repeat, lambda: get("/audits/city/export/"))
            lines.append(("matrix-xlsx-page", size, product, floor, queries))
            queries, _ = counted(command)
            product = median_seconds(args.repeat, command)
            lines.append(("matrix-xlsx-command", size, product, floor, queries))

        print(
            f"\nThe commitments city view and matrix against the bare aggregate (+ raw xlsxwriter), "
            f"medians of {args.repeat}"
        )
        print(f"{'what':<24} {'schools':>8} {'product ms':>11} {'floor ms':>9} {'ratio':>6} {'queries':>8}")
        for label, size, product, floor, queries in lines:
            ms = f"{product * 1000:>11.0f} {floor * 1000:>9.0f}"
            print(f"{label:<24} {size:>8} {ms} {product / floor:>6.1f} {queries:>8}")
        print()
        largest = max(size for _, size, *_ in lines)
        for label, size, product, floor, _ in lines:
            if size == largest:
                against_target(
                    f"commitments {label} at {size:,} schools vs the bare aggregate",
                    product / floor,
                    2,
                    size=size,
                    at=5000,
                )


if __name__ == "__main__":
    main()
