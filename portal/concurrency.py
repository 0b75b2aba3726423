"""Optimistic locking: an edit made from a stale copy is refused, never silently applied.

A model that people edit through forms inherits `VersionedModel`. Its forms carry the version the
person started from (`VersionedFormMixin`); saving checks it with one conditional UPDATE, so of two
people saving the same record from the same starting point, the second is told and keeps what they typed.
This works on SQLite and PostgreSQL alike and holds across several app servers.
"""

from django import forms
from django.contrib import messages
from django.db import models, transaction
from django.views.generic import UpdateView

STALE_EDIT_MESSAGE = (
    "Someone else saved changes to this record after you opened it. Your changes have not been saved "
    "and are shown below: reload the page to see the latest version, then make your changes again."
)


# No stored record has this version (they start at 1): what a form for a record not yet created carries.
NEW_RECORD_VERSION = 0


class StaleEditError(Exception):
    """The record changed since the editor loaded it."""


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        expected = getattr(self, "_expected_version", None)
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            manager = type(self)._base_manager
            if expected is not None:
                # The conditional UPDATE takes the row lock; a concurrent writer waits, then matches nothing.
                claimed = manager.filter(pk=self.pk, version=expected).update(version=expected + 1)
                if not claimed:
                    raise StaleEditError(f"{type(self).__name__} {self.pk} changed since version {expected}")
                self.version = expected + 1
            else:
                manager.filter(pk=self.pk).update(version=models.F("version") + 1)
                self.version = manager.filter(pk=self.pk).values_list("version", flat=True).first() or 1
            self._expected_version = None
            return super().save(*args, **kwargs)


class VersionedFormMixin(forms.BaseForm):
    """Adds the hidden `version` the person started from; `save()` raises StaleEditError if it moved on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self._version_seen(instance)
        )

    @staticmethod
    def _version_seen(instance):
        """The version the person starts from: NEW_RECORD_VERSION when the record does not exist yet, so that
        saving over a record someone else created meanwhile is refused rather than silently overwriting it."""
        if instance is None:
            return None
        return getattr(instance, "version", None) if instance.pk is not None else NEW_RECORD_VERSION

    def save(self, commit=True):
        if self.instance.pk is not None and self.cleaned_data.get("version") is not None:
            self.instance._expected_version = self.cleaned_data["version"]
        return super().save(commit=commit)


def save_unless_stale(form, save=None) -> bool:
    """For function views: run `save()` (by default the form's own) and say whether it saved.

    A stale edit puts the message at the top of the form, which keeps what the person typed, and answers
    False: the view shows the form again. Other refusals (a locked record...) are the view's to handle.
    """
    try:
        (save or form.save)()
    except StaleEditError:
        form.add_error(None, STALE_EDIT_MESSAGE)
        return False
    return True


class VersionedUpdateView(UpdateView):
    """An UpdateView that turns a stale save into a message at the top of the form, keeping the input
    (`save_unless_stale` does the same for function views)."""

    success_message = ""

    def form_valid(self, form):
        try:
            response = super().form_valid(form)
        except StaleEditError:
            form.add_error(None, STALE_EDIT_MESSAGE)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return response
