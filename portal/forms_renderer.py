"""Every form renders the GOV.UK way: an error summary, then each field with its hint and error.

Django 5.2 already ties the hint (`<id>_helptext`) and the error (`<id>_error`) to the input through
aria-describedby; our field template gives those elements the matching ids.
"""

from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "portal/forms/form.html"
    field_template_name = "portal/forms/field.html"
