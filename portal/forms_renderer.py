"""Every form renders the GOV.UK way: an error summary, then each field with its hint and error tied to it."""

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


class PortalBoundField(BoundField):
    """Adds the error message's id to aria-describedby so screen readers announce it with the field."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors and self.auto_id:
            described = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{described} {self.auto_id}_error".strip()
        return attrs


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "portal/forms/form.html"
    field_template_name = "portal/forms/field.html"
    bound_field_class = PortalBoundField
