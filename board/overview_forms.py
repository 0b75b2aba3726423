"""The overview's one filter: a locality (the whole partnership when none is chosen)."""

from django import forms

from portal.models import Locality


class OverviewFilterForm(forms.Form):
    locality = forms.ModelChoiceField(
        label="Locality",
        required=False,
        queryset=Locality.objects.order_by("name"),
        to_field_name="slug",
        empty_label="The whole partnership",
    )
