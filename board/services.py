"""Writes for the board's meetings: each in a transaction, with its checks."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from strategy import services as strategy

from . import selectors
from .models import Meeting


class PackIssued(Exception):
    """The pack is issued: it, and the sections it was built from, are final."""


def _refuse_if_issued(meeting):
    if Meeting.objects.filter(pk=meeting.pk, issued_at__isnull=False).exists():
        raise PackIssued("The pack for this meeting has been issued and can no longer be changed.")


def _next_order(related):
    return (related.aggregate(n=Max("order"))["n"] or 0) + 1


def save_meeting(form, user):
    with transaction.atomic():
        meeting = form.save(commit=False)
        if meeting.pk is None:
            meeting.created_by = user
        if meeting.kind != Meeting.Kind.DEEP_DIVE:
            meeting.theme = ""
        meeting.save()
        return meeting


def add_agenda_item(form, meeting):
    with transaction.atomic():
        item = form.save(commit=False)
        item.meeting = meeting
        if not item.order:
            item.order = _next_order(meeting.agenda)
        item.save()
        return item


def add_section(meeting, kind, *, option="", title="", text=""):
    with transaction.atomic():
        _refuse_if_issued(meeting)
        return meeting.sections.create(
            order=_next_order(meeting.sections), kind=kind, option=option, title=title, text=text
        )


def remove_section(meeting, section):
    with transaction.atomic():
        _refuse_if_issued(meeting)
        section.delete()


def issue_pack(meeting, user, today=None):
    """Freeze the pack: store every section's blocks as they stand, with the time and the officer."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.is_issued:
            raise PackIssued("The pack for this meeting has already been issued.")
        if not locked.sections.exists():
            raise PackIssued("Add at least one section before issuing the pack.")
        now = timezone.now()
        snapshot = selectors.build_pack(locked, today or timezone.localdate())
        localities = selectors.build_locality_sections(locked, today or timezone.localdate())
        Meeting.objects.filter(pk=locked.pk).update(
            issued_at=now, issued_by=user, snapshot=snapshot, locality_snapshot=localities
        )
        meeting.refresh_from_db()
        return meeting


def record_follow_up(form, meeting):
    with transaction.atomic():
        follow_up = form.save(commit=False)
        follow_up.meeting = meeting
        follow_up.save()
        return follow_up


def make_strategy_action(form, follow_up, *, plan, by):
    """The follow-up becomes an action of the strategy action plan, made through strategy's own service,
    and keeps a link to it (the next pack's "actions from the last meeting" says so)."""
    with transaction.atomic():
        action = strategy.save_action(form, plan=plan, by=by)
        follow_up.strategy_action = action
        follow_up.save(update_fields=["strategy_action"])
        return action
