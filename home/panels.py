"""A read-only panel for the offer editor: the organisation's recorded designated lead.

The lead is recorded once, on the pledges' designated-lead page (pledge 1); the offer's sign-off shows that
record with a link to change it, so nobody types the name a second time here.
"""

from django.urls import reverse
from wagtail.admin.panels import Panel


class RecordedLeadPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/recorded_lead.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["lead"] = page.recorded_lead()
            context["is_school"] = page.organisation.is_school
            context["record_url"] = reverse("pledges:designated_lead", args=[page.organisation.slug])
            return context
