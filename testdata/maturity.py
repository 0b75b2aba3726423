"""Maturity self-assessment rounds in a given status, with agreed ratings, as the LA and the board leave them."""

from datetime import date

from django.utils import timezone

from maturity import services
from maturity.models import Framework, StrandRating
from maturity.rules import Status, parse_rating


def stmm():
    """The default framework, as the seed migration stores it."""
    return Framework.objects.get(slug="stmm", version=1)


def make_round(title, *, officer, status=Status.DRAFT, ratings=None, period_end=date(2024, 1, 31), signed_off_by=None):
    """A round of the default framework: `ratings` {strand key: "Maturing"}; submitted and signed off as told."""
    round_ = services.create_round(
        framework=stmm(), title=title, period_start=period_end.replace(day=1), period_end=period_end, user=officer
    )
    levels = round_.framework.level_names
    for key, text in (ratings or {}).items():
        StrandRating.objects.filter(round=round_, strand__key=key).update(rating=parse_rating(text, levels))
    round_.status = status
    if status != Status.DRAFT:
        round_.submitted_by, round_.submitted_at = officer, timezone.now()
    if status == Status.SIGNED_OFF:
        round_.signed_off_by, round_.signed_off_at = signed_off_by, timezone.now()
    round_.save()
    return round_
