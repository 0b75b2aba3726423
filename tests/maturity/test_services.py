"""Writes: round creation and carry-over, status moves with who and when, read-only rounds, stale edits."""

from dataclasses import replace
from datetime import date

import pytest

from maturity import services
from maturity.forms import ActionItemForm, ContributionForm, RoundDetailsForm, StrandRatingForm
from maturity.framework_kind import MaturityFramework
from maturity.models import ActionItem, ContributorRating, Round
from maturity.rules import ActionStatus, Status
from portal import frameworks
from portal.concurrency import StaleEditError

EXAMPLES_DIR = MaturityFramework.examples


def test_a_new_round_is_a_draft_with_every_strand_unrated(stmm, la_officer):
    round_ = services.create_round(
        framework=stmm, title="2026", period_start=date(2026, 1, 1), period_end=date(2026, 3, 31), user=la_officer
    )
    assert (round_.status, round_.open_to_contributors, round_.created_by) == (Status.DRAFT, False, la_officer)
    assert [(r.strand.key, r.rating) for r in round_.ratings.all()] == [(s.key, 0) for s in stmm.strands.all()]


def test_starting_from_a_round_carries_only_open_items_linked_to_their_origin(rounds, action_items, la_officer, stmm):
    source = rounds["submitted"]
    action_items[1].strand = stmm.strands.get(key="culture")
    action_items[1].save()
    new = services.create_round(
        framework=stmm,
        title="Next",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 2, 1),
        user=la_officer,
        started_from=source,
    )
    carried = list(new.action_items.order_by("number"))
    assert [(i.number, i.status) for i in carried] == [(1, ActionStatus.NOT_STARTED), (2, ActionStatus.IN_PROGRESS)]
    assert [i.carried_from for i in carried] == action_items[:2]
    assert carried[1].strand.key == "culture"
    assert new.started_from == source
    assert source.action_items.count() == 4  # the source keeps its own items


def test_carried_items_follow_their_strand_into_a_new_framework_version(rounds, action_items, la_officer, stmm):
    kind = frameworks.kind("maturity")
    spec = kind.read(EXAMPLES_DIR / "stmm.json")
    revision = frameworks.load(
        kind, replace(spec, version=2, header={**spec.header, "description": "Revised"})
    ).framework
    action_items[0].strand = stmm.strands.get(key="strategy")
    action_items[0].save()
    new = services.create_round(
        framework=revision,
        title="v2",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 2, 1),
        user=la_officer,
        started_from=rounds["submitted"],
    )
    item = new.action_items.get(number=1)
    assert (item.strand.framework, item.strand.key) == (revision, "strategy")


def test_submit_records_who_and_when_and_closes_to_contributors(rounds, la_officer):
    round_ = rounds["draft"]
    services.submit_round(round_, la_officer, round_.version)
    round_.refresh_from_db()
    assert (round_.status, round_.submitted_by, round_.open_to_contributors) == (Status.SUBMITTED, la_officer, False)
    assert round_.submitted_at is not None


def test_sign_off_records_who_and_when(rounds, board_member):
    round_ = rounds["submitted"]
    services.sign_off_round(round_, board_member, "Agreed at the March board.", round_.version)
    round_.refresh_from_db()
    assert (round_.status, round_.signed_off_by, round_.sign_off_note) == (
        Status.SIGNED_OFF,
        board_member,
        "Agreed at the March board.",
    )
    assert round_.signed_off_at is not None


def test_returning_to_draft_keeps_the_reason(rounds, board_member):
    round_ = rounds["submitted"]
    services.return_to_draft(round_, board_member, "Add the families' survey results.", round_.version)
    round_.refresh_from_db()
    assert (round_.status, round_.returned_reason, round_.submitted_at) == (
        Status.DRAFT,
        "Add the families' survey results.",
        None,
    )


@pytest.mark.parametrize(
    "status, move, message",
    [
        ("draft", "sign_off", "This round is draft, so it cannot be signed off."),
        ("draft", "return", "This round is draft, so it cannot be returned to draft."),
        ("submitted", "submit", "This round is submitted to the board, so it cannot be submitted to the board."),
        ("signed_off", "submit", "This round is signed off, so it cannot be submitted to the board."),
        ("signed_off", "sign_off", "This round is signed off, so it cannot be signed off."),
        ("signed_off", "return", "This round is signed off, so it cannot be returned to draft."),
    ],
)
def test_moves_not_allowed_from_the_current_status_are_refused(rounds, board_member, status, move, message):
    round_ = rounds[status]
    calls = {
        "submit": lambda: services.submit_round(round_, board_member, round_.version),
        "sign_off": lambda: services.sign_off_round(round_, board_member, "", round_.version),
        "return": lambda: services.return_to_draft(round_, board_member, "why", round_.version),
    }
    with pytest.raises(services.TransitionRefused) as refused:
        calls[move]()
    assert str(refused.value) == message
    assert Round.objects.get(pk=round_.pk).status == status


def test_a_round_with_no_ratings_cannot_be_submitted(make_round, la_officer):
    round_ = make_round("Empty")
    with pytest.raises(services.TransitionRefused, match="Rate at least one strand"):
        services.submit_round(round_, la_officer, round_.version)
    assert Round.objects.get(pk=round_.pk).status == Status.DRAFT


def test_a_decision_taken_on_a_stale_page_is_refused(rounds, board_member, la_officer):
    round_ = rounds["submitted"]
    seen = round_.version
    services.return_to_draft(Round.objects.get(pk=round_.pk), la_officer, "Fix a typo", seen)
    services.submit_round(Round.objects.get(pk=round_.pk), la_officer, seen + 1)
    with pytest.raises(StaleEditError):
        services.sign_off_round(Round.objects.get(pk=round_.pk), board_member, "", seen)
    assert Round.objects.get(pk=round_.pk).status == Status.SUBMITTED


def test_a_signed_off_round_is_read_only(rounds, board_member, la_officer, school_lead):
    round_ = rounds["signed_off"]
    rating = round_.ratings.get(strand__key="strategy")
    item = ActionItem.objects.create(round=round_, number=1, recommendation="R", responsible_lead="EHSPB")
    expected = "signed off by Board Tester on"
    with pytest.raises(services.RoundLocked, match=expected):
        services.ensure_editable(round_)
    form = StrandRatingForm({"rating": "8", "version": rating.version}, instance=rating)
    assert form.is_valid()
    with pytest.raises(services.RoundLocked, match="read-only"):
        services.save_strand_rating(form, la_officer)
    with pytest.raises(services.RoundLocked):
        services.delete_action_item(item)
    with pytest.raises(services.RoundLocked):
        services.set_open_to_contributors(round_, True, round_.version)
    details = RoundDetailsForm(
        {"title": "Changed", "period_start": "2017-09-01", "period_end": "2017-09-30", "version": round_.version},
        instance=round_,
    )
    assert details.is_valid(), details.errors
    with pytest.raises(services.RoundLocked):
        services.save_round_details(details, {})
    round_.refresh_from_db()
    rating.refresh_from_db()
    assert (round_.title, rating.rating, round_.open_to_contributors) == ("Baseline 2017", 2, False)
    assert ActionItem.objects.filter(pk=item.pk).exists()


def test_a_submitted_round_is_locked_until_returned(rounds):
    with pytest.raises(services.RoundLocked, match="submitted to the board and cannot be changed"):
        services.ensure_editable(rounds["submitted"])


def test_concurrent_strand_edits_are_detected(rounds, la_officer):
    rating = rounds["draft"].ratings.get(strand__key="culture")
    first = StrandRatingForm({"rating": "4", "evidence": "Mine", "version": rating.version}, instance=rating)
    second = StrandRatingForm(
        {"rating": "6", "evidence": "Theirs", "version": rating.version},
        instance=type(rating).objects.get(pk=rating.pk),
    )
    assert first.is_valid() and second.is_valid()
    services.save_strand_rating(first, la_officer)
    with pytest.raises(StaleEditError):
        services.save_strand_rating(second, la_officer)
    rating.refresh_from_db()
    assert (rating.rating, rating.evidence, rating.updated_by) == (4, "Mine", la_officer)


def test_round_details_save_who_contributed(rounds):
    round_ = rounds["draft"]
    form = RoundDetailsForm(
        {
            "title": "Draft round 2026",
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "methods": ["surveys", "focus_groups"],
            "groups": ["families", "boards"],
            "count_frontline": "42",
            "contributors_at_least": "160",
            "version": round_.version,
        },
        instance=round_,
    )
    assert form.is_valid(), form.errors
    services.save_round_details(form, form.contributor_counts())
    round_ = Round.objects.with_framework().get(pk=round_.pk)
    assert {g.group: g.count for g in round_.contributor_groups.all()} == {
        "families": None,
        "boards": None,
        "frontline": 42,
    }
    assert [g.group for g in round_.groups_in_order] == ["families", "frontline", "boards"]
    assert round_.method_labels == ["Surveys", "Focus groups"]
    assert round_.contributors_label == "at least 160"


def test_action_item_numbers_are_unique_in_a_round(rounds, action_items):
    round_ = rounds["submitted"]
    form = ActionItemForm(
        {"number": "2", "recommendation": "x", "responsible_lead": "EHSPB", "status": "not_started"},
        instance=ActionItem(round=round_),
        round_=round_,
    )
    assert not form.is_valid()
    assert form.errors["number"] == ["Recommendation 2 already exists in this round; choose another number."]


def test_contributions_are_refused_once_the_round_closes(rounds, school_lead):
    round_ = rounds["draft"]
    strand = round_.framework.strands.first()
    form = ContributionForm(
        {f"strand-{strand.pk}-rating": "4", f"strand-{strand.pk}-comment": "Good"},
        instance=ContributorRating(round=round_, strand=strand, contributor=school_lead),
        strand=strand,
        level_names=round_.framework.level_names,
    )
    assert form.is_valid()
    round_.open_to_contributors = False
    with pytest.raises(services.RoundLocked, match="no longer open to contributors"):
        services.save_contributions(round_, school_lead, [form])
    assert not ContributorRating.objects.exists()
