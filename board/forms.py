"""Forms for board meetings: the meeting, its agenda, its pack's sections and its decisions."""

from django import forms

from portal import board_pack
from portal.concurrency import VersionedFormMixin
from portal.dates import DayMonthYearField

from .models import AgendaItem, FollowUp, Meeting


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    date = DayMonthYearField(label="Date of the meeting", error_messages={"required": "Enter the date of the meeting."})

    class Meta:
        model = Meeting
        fields = ["title", "date", "kind", "theme"]
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "title": {"required": "Enter the title of the meeting."},
            "kind": {"required": "Choose the kind of meeting."},
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Meeting.Kind.DEEP_DIVE and not (cleaned.get("theme") or "").strip():
            self.add_error("theme", "Enter the theme of the deep dive.")
        return cleaned


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["order", "title", "presenter", "paper"]
        labels = {"order": "Position on the agenda"}
        help_texts = {"order": "Leave empty to add it at the end."}
        error_messages = {"title": {"required": "Enter the title of the agenda item."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False


def section_sources(today):
    """(value, label) for every section a pack may have: a kind, or a kind with one of its options."""
    choices = []
    for kind in board_pack.kinds():
        if kind.options is None:
            choices.append((kind.key, kind.title))
        else:
            choices += [(f"{kind.key}:{value}", f"{kind.title}: {label}") for value, label in kind.options(today)]
    return choices


class SectionForm(forms.Form):
    source = forms.ChoiceField(
        label="Section", choices=(), error_messages={"required": "Choose the section to add to the pack."}
    )
    title = forms.CharField(label="Title of the paper", max_length=200, required=False)
    text = forms.CharField(label="Text of the paper", widget=forms.Textarea, required=False)

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "Choose a section")] + section_sources(today)

    def clean(self):
        cleaned = super().clean()
        kind, _, option = (cleaned.get("source") or "").partition(":")
        cleaned["kind"], cleaned["option"] = kind, option
        if kind == "paper":
            if not cleaned.get("title", "").strip():
                self.add_error("title", "Enter the title of the paper.")
            if not cleaned.get("text", "").strip():
                self.add_error("text", "Enter the text of the paper.")
        return cleaned


class FollowUpForm(forms.ModelForm):
    due_date = DayMonthYearField(label="Due date", error_messages={"required": "Enter the date it is due."})

    class Meta:
        model = FollowUp
        fields = ["kind", "text", "owner", "due_date"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "kind": {"required": "Choose whether it is a decision or an action."},
            "text": {"required": "Enter the decision or action."},
            "owner": {"required": "Enter who owns it."},
        }
