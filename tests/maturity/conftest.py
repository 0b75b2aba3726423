"""Fixtures for maturity tests: the STMM framework seeded by the data migration, and rounds in each status."""

from datetime import date

import pytest
from django.utils import timezone

from maturity import services
from maturity.models import ActionItem, ContributorRating, Framework, StrandRating
from maturity.rules import ActionStatus, Status, parse_rating


@pytest.fixture
def stmm(db):
    return Framework.objects.get(slug="stmm", version=1)


@pytest.fixture
def make_round(stmm, la_officer):
    """make_round(title, status=..., ratings={strand key: "Maturing"}, ...) -> Round."""

    def make(
        title="Self-assessment 2024",
        *,
        status=Status.DRAFT,
        ratings=None,
        period_end=date(2024, 1, 31),
        framework=None,
        open_to_contributors=False,
        started_from=None,
        signed_off_by=None,
    ):
        round_ = services.create_round(
            framework=framework or stmm,
            title=title,
            period_start=period_end.replace(day=1),
            period_end=period_end,
            user=la_officer,
            started_from=started_from,
        )
        levels = round_.framework.level_names
        for key, text in (ratings or {}).items():
            StrandRating.objects.filter(round=round_, strand__key=key).update(rating=parse_rating(text, levels))
        round_.status = status
        round_.open_to_contributors = open_to_contributors
        if status != Status.DRAFT:
            round_.submitted_by, round_.submitted_at = la_officer, timezone.now()
        if status == Status.SIGNED_OFF:
            round_.signed_off_by, round_.signed_off_at = signed_off_by, timezone.now()
        round_.save()
        return round_

    return make


@pytest.fixture
def rounds(make_round, board_member):
    """One round in each status, the September 2017 / January 2019 ratings on the first two."""
    signed = make_round(
        "Baseline 2017",
        status=Status.SIGNED_OFF,
        period_end=date(2017, 9, 30),
        signed_off_by=board_member,
        ratings={
            "leadership": "Developing",
            "strategy": "Early",
            "workforce-development": "Developing",
            "delivery-structures": "Developing/Maturing",
        },
    )
    submitted = make_round(
        "Second round 2019",
        status=Status.SUBMITTED,
        period_end=date(2019, 1, 31),
        started_from=signed,
        ratings={
            "families-experience": "Developing",
            "leadership": "Maturing",
            "strategy": "Maturing",
            "workforce-development": "Mature",
            "delivery-structures": "Developing/Maturing",
        },
    )
    draft = make_round(
        "Draft round 2026",
        status=Status.DRAFT,
        period_end=date(2026, 3, 31),
        open_to_contributors=True,
        started_from=submitted,
        ratings={"strategy": "Maturing/Mature"},
    )
    return {"signed_off": signed, "submitted": submitted, "draft": draft}


@pytest.fixture
def action_items(rounds):
    """Recommendations on the submitted round, one in each action status."""
    round_ = rounds["submitted"]
    return [
        ActionItem.objects.create(
            round=round_, number=n, recommendation=f"Recommendation text {n}", responsible_lead="EHSPB", status=status
        )
        for n, status in enumerate(ActionStatus.values, start=1)
    ]


@pytest.fixture
def add_view(db):
    """add_view(round, user, strand key, "Maturing", comment) -> a contributor's view."""

    def add(round_, user, key, rating, comment=""):
        return ContributorRating.objects.create(
            round=round_,
            strand=round_.framework.strands.get(key=key),
            contributor=user,
            rating=parse_rating(rating, round_.framework.level_names),
            comment=comment,
        )

    return add
