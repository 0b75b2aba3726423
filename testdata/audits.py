"""Build a city of schools with audits quickly (bulk inserts), for query-count tests and the benchmark."""

import random
from datetime import timedelta

from audits.models import Action, Audit, Outcome, OutcomeRecord, SuggestedAction
from portal.models import Locality, Organisation
from portal.rag import Rag

PHASES = ["primary", "primary", "primary", "secondary", "special", "all_through"]


def build_city(count, framework, academic_year, today, *, seed=1, started=0.9, submitted=0.5):
    """`count` active schools in six localities; `started` of them with an audit for the year (half of
    those submitted), every outcome record and suggested action in place, ratings and dates at random."""
    rng = random.Random(seed)
    localities = [Locality.objects.get_or_create(name=f"Locality {n}", slug=f"locality-{n}")[0] for n in range(6)]
    first = Organisation.objects.count()
    schools = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench School {first + i:05d}",
            slug=f"bench-school-{first + i:05d}",
            kind="school",
            sector="education",
            phase=PHASES[i % len(PHASES)],
            urn=str(300000 + first + i),
            locality=localities[i % len(localities)],
        )
        for i in range(count)
    )
    audits = Audit.objects.bulk_create(
        Audit(
            organisation=school,
            academic_year=academic_year,
            framework=framework,
            status=Audit.Status.SUBMITTED if rng.random() < submitted else Audit.Status.IN_PROGRESS,
        )
        for school in schools[: int(count * started)]
    )
    outcomes = list(Outcome.objects.filter(commitment__framework=framework).select_related("commitment"))
    suggestions = list(
        SuggestedAction.objects.filter(outcome__commitment__framework=framework).select_related("outcome__commitment")
    )
    OutcomeRecord.objects.bulk_create(
        (
            OutcomeRecord(audit=audit, outcome=o, complete=rng.choice([None, True, True, False]))
            for audit in audits
            for o in outcomes
        ),
        batch_size=2000,
    )
    rags = [Rag.NOT_STARTED, Rag.AMBER, Rag.AMBER, Rag.GREEN, Rag.GREEN, Rag.RED]
    Action.objects.bulk_create(
        (
            Action(
                audit=audit,
                commitment=s.outcome.commitment,
                outcome=s.outcome,
                description=s.text,
                position=s.position,
                rag=rng.choice(rags),
                due_date=today + timedelta(days=rng.randint(-60, 120)) if rng.random() < 0.7 else None,
            )
            for audit in audits
            for s in suggestions
        ),
        batch_size=2000,
    )
    return schools, audits
