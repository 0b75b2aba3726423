"""Many organisations' pledge positions at once, for the benchmark of the compliance matrix and its export.

Organisations and their published offers come from `home.bulk.create_published_offers`; this adds, with a
few bulk inserts, a signature of the current pledge set for two in three of them and a status row for most
of their pledges, in every status, some with a review date passed.
"""

from datetime import date, timedelta

from django.db import transaction

from pledges.models import PledgeSet, PledgeStatus, Signature, Status

STATUSES = [Status.MET, Status.MET, Status.IN_PROGRESS, Status.NOT_APPLICABLE, Status.NOT_STARTED]


@transaction.atomic
def add_pledge_positions(organisations, today, *, batch=5000):
    """Signatures and pledge statuses of the current set for `organisations` (model instances or ids)."""
    pledge_set = PledgeSet.objects.current()
    pledges = list(pledge_set.pledges.all())
    ids = [getattr(o, "pk", o) for o in organisations]
    Signature.objects.bulk_create(
        (
            Signature(
                organisation_id=pk,
                pledge_set=pledge_set,
                signatory_name=f"Signer {n}",
                signatory_role="Chief Executive",
                signed_on=date(2024, 5, 1) + timedelta(days=n % 300),
            )
            for n, pk in enumerate(ids)
            if n % 3
        ),
        batch_size=batch,
    )
    PledgeStatus.objects.bulk_create(
        (
            PledgeStatus(
                organisation_id=pk,
                pledge=pledge,
                status=(status := STATUSES[(n + k) % len(STATUSES)]),
                review_date=None if status == Status.NOT_APPLICABLE else today + timedelta(days=(n + k) % 400 - 30),
                not_applicable_reason="Not ours to provide." if status == Status.NOT_APPLICABLE else "",
            )
            for n, pk in enumerate(ids)
            for k, pledge in enumerate(pledges)
            if (n + k) % 7
        ),
        batch_size=batch,
    )
