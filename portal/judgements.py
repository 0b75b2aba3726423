"""The four-point quality judgement, shared by every feature that judges quality (offer quality visits,
case-file audits): Ofsted's scale, as schools and partnerships know it.

"Good or better" (Outstanding or Good) is the figure reported to the board.
"""

from django.db import models


class Judgement(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


GOOD_OR_BETTER = frozenset({Judgement.OUTSTANDING, Judgement.GOOD})


def is_good_or_better(judgement) -> bool:
    return judgement in GOOD_OR_BETTER
