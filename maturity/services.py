"""Every write to a maturity round goes through here, so the status rules hold wherever the change
comes from (views, demo data, commands):

- only a draft can be changed; a submitted round must be returned to draft first, and a signed-off
  round is read-only for good (`RoundLocked`, with a message to show the person);
- status moves follow `rules.TRANSITIONS` (`TransitionRefused` otherwise) and record who and when;
- moves and edits carry the version the person started from, so a decision taken on a stale page
  (signing off a round that was changed since) is refused (`portal.concurrency.StaleEditError`).
Who may call what is decided in `portal.permissions.maturity`, by the views.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from portal.concurrency import StaleEditError

from . import rules
from .models import ActionItem, ContributorGroup, ContributorRating, Round, StrandRating
from .rules import Status


class RoundLocked(Exception):
    """The round is not a draft, so it cannot be changed. str() is a message for the person."""


class NumberTaken(Exception):
    """An action-plan number taken by someone else since the form was checked. str() is a message."""


class TransitionRefused(Exception):
    """The status move is not allowed from the round's current status. str() is a message."""


def locked_message(round_) -> str:
    if round_.status == Status.SIGNED_OFF:
        who = round_.signed_off_by or "the board"
        when = date_format(timezone.localtime(round_.signed_off_at), "j F Y") if round_.signed_off_at else ""
        return (
            f"This round was signed off by {who}{' on ' + when if when else ''} and is read-only: it cannot be changed."
        )
    if round_.status == Status.SUBMITTED:
        return (
            "This round has been submitted to the board and cannot be changed. If it needs changes, return it "
            "to draft first."
        )
    return ""


def ensure_editable(round_):
    if round_.status != Status.DRAFT:
        raise RoundLocked(locked_message(round_))


def _lock_editable(round_):
    """Lock the round's row until the transaction ends and check, on the locked row, that it is still a draft.

    Every change to a round's contents takes this lock first, and so does a submission before its checks, so a
    submission and a change made at the same moment happen one after the other: the change is refused as
    locked, or the submission's checks see it. Must be called inside a transaction.
    """
    ensure_editable(round_)
    ensure_editable(_locked(round_))


def _locked(round_):
    """The round as stored, its row locked until the transaction ends."""
    return Round.objects.select_for_update().get(pk=round_.pk)


@transaction.atomic
def create_round(*, framework, title, period_start, period_end, user, started_from=None) -> Round:
    """A new draft round with an unrated entry for every strand, carrying open actions forward."""
    round_ = Round.objects.create(
        framework=framework,
        title=title,
        period_start=period_start,
        period_end=period_end,
        created_by=user,
        started_from=started_from,
    )
    StrandRating.objects.bulk_create(StrandRating(round=round_, strand=strand) for strand in framework.strands.all())
    if started_from is not None:
        carry_open_items(started_from, round_)
    return round_


def carry_open_items(source, target) -> int:
    """Copy the open action-plan items of `source` into `target`, each linked to the item it came from.
    Strands are matched by key, so items follow a strand into a new framework version."""
    strands = {strand.key: strand for strand in target.framework.strands.all()}
    items = source.action_items.filter(status__in=rules.OPEN_ACTION_STATUSES).select_related("strand")
    copies = [
        ActionItem(
            round=target,
            number=item.number,
            recommendation=item.recommendation,
            action=item.action,
            responsible_lead=item.responsible_lead,
            due_date=item.due_date,
            status=item.status,
            strand=strands.get(item.strand.key) if item.strand else None,
            carried_from=item,
            progress_note=item.progress_note,
        )
        for item in items
    ]
    ActionItem.objects.bulk_create(copies)
    return len(copies)


def save_round_details(form, contributor_counts):
    """Save the round form and who contributed: {group: count or None} for each group that took part."""
    ensure_editable(form.instance)
    with transaction.atomic():
        round_ = form.save()
        round_.contributor_groups.exclude(group__in=list(contributor_counts)).delete()
        for group, count in contributor_counts.items():
            ContributorGroup.objects.update_or_create(round=round_, group=group, defaults={"count": count})
    return round_


@transaction.atomic
def save_strand_rating(form, user):
    _lock_editable(form.instance.round)
    rating = form.save(commit=False)
    rating.updated_by = user
    rating.save()
    return rating


@transaction.atomic
def save_action_item(form, round_):
    _lock_editable(round_)
    # Checked again under the round's lock: another officer may have added this number since the form checked.
    number = form.instance.number
    if round_.action_items.filter(number=number).exclude(pk=form.instance.pk).exists():
        raise NumberTaken(f"Someone else added recommendation {number} to this round meanwhile; choose another number.")
    item = form.save(commit=False)
    item.round = round_
    item.save()
    return item


@transaction.atomic
def delete_action_item(item):
    _lock_editable(item.round)
    item.delete()


def set_open_to_contributors(round_, is_open: bool, expected_version):
    """Open (or close) a draft round to contributors' ratings."""
    ensure_editable(round_)
    round_.open_to_contributors = is_open
    round_._expected_version = expected_version
    round_.save(update_fields=["open_to_contributors", "updated_at", "version"])


def save_contributions(round_, user, forms):
    """Save one contributor's views of a round's strands, all or nothing.

    `forms` are bound, valid ContributionForms (one per strand) whose instances belong to this round and
    person; a view with neither a rating nor a comment is not stored (and removes an earlier one).
    """
    closed = "This round is no longer open to contributors, so your views could not be saved."
    if not round_.accepting_contributions:
        raise RoundLocked(closed)
    try:
        with transaction.atomic():
            if not _locked(round_).accepting_contributions:  # closed or submitted while they were typing
                raise RoundLocked(closed)
            _save_views(forms)
    except IntegrityError as clash:  # two first saves of the same view at the same moment
        raise StaleEditError("The same views were saved twice at once.") from clash


def _save_views(forms):
    for form in forms:
        view = form.save(commit=False)
        if view.pk and form.cleaned_data.get("version") is None:
            # The page was opened before this view existed: another window saved it since.
            raise StaleEditError(f"View {view.pk} was saved from another window.")
        if view.rating == rules.UNRATED and not view.comment.strip():
            if view.pk:
                ContributorRating.objects.filter(pk=view.pk).delete()
            continue
        view.save()


def _move(round_, target, expected_version, **fields):
    if not rules.can_transition(round_.status, target):
        current = Status(round_.status).label.lower()
        raise TransitionRefused(f"This round is {current}, so it cannot be {_VERBS[target]}.")
    for name, value in fields.items():
        setattr(round_, name, value)
    round_.status = target
    round_._expected_version = expected_version
    round_.save()
    return round_


_VERBS = {
    Status.SUBMITTED: "submitted to the board",
    Status.SIGNED_OFF: "signed off",
    Status.DRAFT: "returned to draft",
}


@transaction.atomic
def submit_round(round_, user, expected_version):
    _locked(round_)  # no rating can change between the check below and the move
    problems = rules.submission_problems(round_.ratings.values_list("rating", flat=True))
    if problems and round_.status == Status.DRAFT:
        raise TransitionRefused(" ".join(problems))
    return _move(
        round_,
        Status.SUBMITTED,
        expected_version,
        submitted_by=user,
        submitted_at=timezone.now(),
        open_to_contributors=False,
        returned_reason="",
    )


def return_to_draft(round_, user, reason, expected_version):
    return _move(round_, Status.DRAFT, expected_version, returned_reason=reason, submitted_at=None, submitted_by=None)


def sign_off_round(round_, user, note, expected_version):
    return _move(
        round_,
        Status.SIGNED_OFF,
        expected_version,
        signed_off_by=user,
        signed_off_at=timezone.now(),
        sign_off_note=note,
    )
