"""Writes for the audit tool: starting an audit, saving a commitment, RAG history, submission, comments.

Every save of a part of an audit:
- checks it was edited from the latest version (else `SectionChanged` lists each row someone else changed,
  with its saved values, who saved it and when; nothing is written),
- records each change of an action's RAG rating as a `RagChange` (who, when, from, to),
- moves the audit's own version on, so a submission from a stale check-your-answers page is refused.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from audits import rules
from audits.models import (
    Action,
    Audit,
    AuditComment,
    Framework,
    Outcome,
    OutcomeRecord,
    RagChange,
    SectionProgress,
    TrainedStaff,
    WizardPosition,
)
from audits.rules import previous_academic_year, trained_staff_outcome_met
from portal.concurrency import StaleEditError
from portal.rag import Rag


class AuditExists(Exception):
    """The school already has an audit for that year."""


class NoFramework(Exception):
    """No commitments framework is marked current, so an audit cannot start."""


@dataclass(frozen=True)
class StaleRow:
    """A row someone else saved (or deleted) after the person opened the page."""

    description: str
    key: tuple = ()  # (model, pk) of the row, to show the message beside it
    saved_by: str = ""
    saved_at: object = None
    now: str = ""  # the row's saved values, in words
    deleted: bool = False

    def __str__(self):
        if self.deleted:
            return f"{self.description} was deleted by someone else after you opened this page."
        when = timezone.localtime(self.saved_at).strftime(" on %d %B %Y at %H:%M") if self.saved_at else ""
        who = f" by {self.saved_by}" if self.saved_by else ""
        return f"{self.description} was changed{who}{when}. It now reads: {self.now}"


class SectionChanged(Exception):
    def __init__(self, rows):
        super().__init__(f"{len(rows)} rows changed")
        self.rows = rows


def current_framework():
    framework = Framework.objects.filter(is_current=True).first()
    if framework is None:
        raise NoFramework("No commitments framework is current; an administrator must load one.")
    return framework


def previous_audit(school, academic_year):
    """The school's audit for the year before `academic_year`, if any."""
    return Audit.objects.filter(organisation=school, academic_year=previous_academic_year(academic_year)).first()


@transaction.atomic
def start_audit(school, academic_year, user, *, carry_forward=False):
    """Create the year's audit from the current framework: a record per outcome and the suggested actions,
    or, carrying forward, last year's open (not Green) actions and its trained staff."""
    framework = current_framework()
    previous = previous_audit(school, academic_year) if carry_forward else None
    try:
        with transaction.atomic():
            audit = Audit.objects.create(
                organisation=school,
                academic_year=academic_year,
                framework=framework,
                started_by=user,
                carried_forward_from=previous,
            )
    except IntegrityError:
        raise AuditExists(f"{school} already has an audit for {academic_year}.") from None
    outcomes = list(Outcome.objects.filter(commitment__framework=framework).select_related("commitment"))
    OutcomeRecord.objects.bulk_create(OutcomeRecord(audit=audit, outcome=o) for o in outcomes)
    if previous is None:
        actions = [
            Action(audit=audit, commitment=o.commitment, outcome=o, description=s.text, position=s.position)
            for o in outcomes
            for s in o.suggested_actions.all()
        ]
    else:
        actions = _carried_actions(previous, audit, framework)
        TrainedStaff.objects.bulk_create(
            TrainedStaff(
                audit=audit,
                name=s.name,
                part_a_on=s.part_a_on,
                part_b_on=s.part_b_on,
                login_received=s.login_received,
                updated_by=user,
            )
            for s in previous.trained_staff.all()
        )
    Action.objects.bulk_create(actions)
    update_trained_staff_outcome(audit, user)
    return audit


def _carried_actions(previous, audit, framework):
    """Last year's open actions, matched to this year's framework by commitment number and outcome position."""
    commitments = {c.number: c for c in framework.commitments.all()}
    outcomes = {
        (o.commitment.number, o.position): o
        for o in Outcome.objects.filter(commitment__framework=framework).select_related("commitment")
    }
    carried = []
    for old in previous.actions.exclude(rag=Rag.GREEN).select_related("commitment", "outcome"):
        commitment = commitments.get(old.commitment.number)
        if commitment is None:
            continue
        outcome = outcomes.get((old.commitment.number, old.outcome.position)) if old.outcome else None
        carried.append(
            Action(
                audit=audit,
                commitment=commitment,
                outcome=outcome,
                description=old.description,
                owner=old.owner,
                rag=old.rag,
                notes=old.notes,
                position=old.position,
                carried_forward_from=old,
            )
        )
    return carried


def describe_row(instance) -> tuple[str, str]:
    """(what the row is, its saved values in words) for telling a second editor what changed."""

    def when(d):
        return d.strftime("%d/%m/%Y") if d else "no date"

    if isinstance(instance, Action):
        return (
            f"The action '{instance.description[:80]}'",
            f"RAG {instance.get_rag_display()}; by when {when(instance.due_date)}; who: {instance.owner or 'not given'}"
            f"; notes: {instance.notes or 'none'}.",
        )
    if isinstance(instance, TrainedStaff):
        return (
            f"The trained staff row for {instance.name}",
            f"part A {when(instance.part_a_on)}; part B {when(instance.part_b_on)}; "
            f"login received: {'yes' if instance.login_received else 'no'}.",
        )
    complete = {True: "yes", False: "no", None: "not answered"}[instance.complete]
    return (
        f"The outcome '{instance.outcome.text[:80]}'",
        f"complete: {complete}; details: {instance.details or 'none'}; date {when(instance.achieved_on)}; "
        f"review date {when(instance.review_date)}.",
    )


def _stale_rows(formsets):
    """Rows the person changed or deleted whose stored version has moved on since they opened the page."""
    stale = []
    for formset in formsets:
        touched = [
            f for f in formset.initial_forms if f.instance.pk and (f.changed_by_person() or _deleting(formset, f))
        ]
        if not touched:
            continue
        stored_rows = formset.model.objects.filter(pk__in=[f.instance.pk for f in touched]).select_related("updated_by")
        current = {obj.pk: obj for obj in stored_rows}
        for form in touched:
            stored = current.get(form.instance.pk)
            expected = form.cleaned_data.get("version")
            key = (formset.model, form.instance.pk)
            if stored is None:
                stale.append(StaleRow(describe_row(form.instance)[0], key, deleted=True))
            elif expected is not None and stored.version != expected:
                what, now = describe_row(stored)
                stale.append(StaleRow(what, key, str(stored.updated_by or ""), stored.updated_at, now))
    return stale


def _deleting(formset, form):
    return formset.can_delete and formset._should_delete_form(form)


def save_commitment(form, user):
    """Save a valid `CommitmentForm`: its outcome records, trained staff and actions, all or nothing.

    Raises SectionChanged (nothing saved) when someone else saved any of the rows the person changed.
    """
    audit, commitment = form.audit, form.commitment
    try:
        with transaction.atomic():
            stale = _stale_rows(form.formsets)
            if stale:
                raise SectionChanged(stale)
            for record_form in form.outcomes.forms:
                if record_form.changed_by_person():
                    _save_edited(record_form, user)
            if form.staff is not None:
                _save_rows(form.staff, user, audit=audit)
                update_trained_staff_outcome(audit, user)
            _save_actions(form.actions, user, audit, commitment)
            SectionProgress.objects.update_or_create(
                audit=audit, commitment=commitment, defaults={"saved_by": user, "saved_at": timezone.now()}
            )
            touch_audit(audit)
    except StaleEditError:
        # Another save of these rows committed while this one waited for their lock: it can be described now.
        raise SectionChanged(
            _stale_rows(form.formsets) or [StaleRow("A row on this page", now="see the page after reloading it")]
        ) from None


def _save_edited(model_form, user, **extra):
    instance = model_form.save(commit=False)
    instance.updated_by = user
    for name, value in extra.items():
        setattr(instance, name, value)
    instance.save()
    return instance


def _delete_versioned(form):
    """Delete a row only if it is still the version the person saw."""
    expected = form.cleaned_data.get("version")
    deleted, _ = type(form.instance).objects.filter(pk=form.instance.pk, version=expected).delete()
    if not deleted:
        raise StaleEditError(f"{form.instance} changed before it was deleted")


def _save_rows(formset, user, **extra):
    for row_form in formset.forms:
        if row_form.instance.pk and _deleting(formset, row_form):
            _delete_versioned(row_form)
        elif row_form.changed_by_person() and not _deleting(formset, row_form):
            _save_edited(row_form, user, **extra)


def _save_actions(formset, user, audit, commitment):
    next_position = max((f.instance.position for f in formset.initial_forms), default=0) + 1
    for action_form in formset.forms:
        if action_form.instance.pk and _deleting(formset, action_form):
            _delete_versioned(action_form)
        elif action_form.changed_by_person() and not _deleting(formset, action_form):
            extra = {"audit": audit, "commitment": commitment}
            if action_form.instance.pk is None:
                extra["position"] = next_position
                next_position += 1
            save_action(action_form, user, **extra)


def save_action(action_form, user, **extra):
    """Save one action form, recording a RagChange if its rating changed (or a new action is rated)."""
    is_new = action_form.instance.pk is None
    before = "" if is_new else action_form.initial.get("rag", Rag.NOT_STARTED)
    action = _save_edited(action_form, user, **extra)
    if (is_new and action.rag != Rag.NOT_STARTED) or (not is_new and action.rag != before):
        RagChange.objects.create(
            audit=action.audit,
            action=action,
            action_description=action.description,
            from_rag=before,
            to_rag=action.rag,
            changed_by=user,
            changed_at=timezone.now(),
        )
    return action


def update_action(action_form, user):
    """Save one action edited on its own page (the quick update through the year)."""
    with transaction.atomic():
        action = save_action(action_form, user)
        touch_audit(action.audit)
    return action


def update_trained_staff_outcome(audit, user):
    """The trained-staff outcome follows the staff table: met when someone is fully trained, not met when
    people are listed but none is yet, unanswered while the table is empty."""
    staff = list(audit.trained_staff.all())
    met = trained_staff_outcome_met(staff) if staff else None
    records = OutcomeRecord.objects.filter(audit=audit, outcome__kind=Outcome.Kind.TRAINED_STAFF)
    records = records.exclude(complete__isnull=True) if met is None else records.exclude(complete=met)
    records.update(complete=met, updated_by=user, updated_at=timezone.now(), version=F("version") + 1)


def touch_audit(audit):
    """Move the audit's version on: something in it changed."""
    Audit.objects.filter(pk=audit.pk).update(version=F("version") + 1, updated_at=timezone.now())


def submit_audit(audit, user, expected_version):
    """The lead submits the audit. Raises StaleEditError if it changed since they checked their answers."""
    claimed = Audit.objects.filter(pk=audit.pk, version=expected_version, status=Audit.Status.IN_PROGRESS).update(
        status=Audit.Status.SUBMITTED,
        submitted_by=user,
        submitted_at=timezone.now(),
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not claimed:
        raise StaleEditError(f"{audit} changed since version {expected_version}")
    audit.refresh_from_db()
    return audit


def submission_problems(detail) -> list[str]:
    """Why a (saved) audit cannot be submitted yet: a commitment never saved, or an answer no longer true."""
    problems = [
        f"You have not saved commitment {s.commitment.number} ({s.commitment.short_title}) yet: open it, check "
        "the answers and save it."
        for s in detail.sections
        if s.saved is None
    ]
    if not rules.offer_outcome_complete(detail.offer_status.state):
        problems += [
            f"Commitment {s.commitment.number}: '{r.outcome.text}' is marked complete, but your Early Help offer is "
            f"not published and in date (its status is: {detail.offer_status.label}). Change that answer to No."
            for s in detail.sections
            for r in s.records
            if r.outcome.kind == Outcome.Kind.OFFER_PUBLISHED and r.complete
        ]
    return problems


def remember_position(audit, user, step):
    WizardPosition.objects.update_or_create(audit=audit, user=user, defaults={"step": step})


def saved_position(audit, user):
    return WizardPosition.objects.filter(audit=audit, user=user).values_list("step", flat=True).first()


def add_comment(audit, user, commitment, text):
    return AuditComment.objects.create(audit=audit, author=user, commitment=commitment, text=text.strip())
