"""Maturity on the partnership overview: the latest signed-off self-assessment against the signed-off round
before it, read through `maturity.selectors.compare` (the comparison page and its export use the same read).

The self-assessment is partnership-wide, so a locality filter leaves this section unchanged (it says so).
"""

from urllib.parse import urlencode

from django.urls import reverse

from maturity import rules
from maturity.selectors import compare, latest_signed_off_rounds
from portal.overview import Figure, OverviewSection, section
from portal.permissions import maturity as can

MOVES = (("up", "Strands rated higher than the round before"), ("same", "Strands rated the same"),
         ("down", "Strands rated lower than the round before"))  # fmt: skip


@section(order=50)
def maturity(scope):
    if not can.can_use_maturity(scope.user):
        return None
    rounds = latest_signed_off_rounds(scope.user)
    if not rounds:
        return OverviewSection(
            key="maturity",
            title="Partnership maturity",
            url=reverse("maturity:index"),
            note="No self-assessment round has been signed off yet.",
        )
    comparison = compare(rounds)
    url = f"{reverse('maturity:compare')}?{urlencode([('round', r.pk) for r in rounds])}"
    latest = rounds[-1]
    figures = []
    if len(rounds) > 1:
        moves = [row.cells[-1].movement.direction for row in comparison.rows if row.cells[-1].movement]
        figures += [Figure(label, moves.count(direction), url=url) for direction, label in MOVES]
    for row in comparison.rows:
        cell, before = row.cells[-1], (row.cells[-2] if len(row.cells) > 1 else None)
        figure = Figure(
            row.name,
            None if cell.code is None else rules.ordinal(cell.code),
            cell.label + (f" ({cell.movement.text.lower()})" if cell.movement else ""),
            url=url,
        )
        if before is not None and before.code is not None:
            figure.previous, figure.previous_text = rules.ordinal(before.code), before.label
        figures.append(figure)
    return OverviewSection(
        key="maturity",
        title=f"Partnership maturity ({latest.framework.title})",
        url=url,
        period=f"Round signed off: {latest.heading}",
        previous_period=f"Round before: {rounds[0].heading}" if len(rounds) > 1 else "No earlier signed-off round",
        figures=figures,
        note="The self-assessment is partnership-wide: not split by locality." if scope.locality else "",
    )
