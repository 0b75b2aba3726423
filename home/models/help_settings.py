"""Numbers a family needs when help is urgent, and the Advice Point: site settings the LA edits
(Settings > Urgent help in the admin), shown in the "Urgent help" box and wherever a search finds nothing."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="warning")
class UrgentHelpSettings(BaseSiteSetting):
    duty_team_phone = models.CharField(
        "children's social care duty team phone",
        max_length=40,
        blank=True,
        help_text="Office hours. For example: 0116 454 1004.",
    )
    duty_team_hours = models.CharField(
        "duty team hours", max_length=120, blank=True, help_text="For example: Monday to Friday, 8.30am to 5pm."
    )
    out_of_hours_phone = models.CharField(
        "out-of-hours phone", max_length=40, blank=True, help_text="Evenings, weekends and bank holidays."
    )
    advice_point_phone = models.CharField("Advice Point phone", max_length=40, blank=True)
    advice_point_url = models.URLField("Advice Point web page", blank=True)
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown under the numbers. A demonstration site says here that its numbers are not real.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("duty_team_phone"), FieldPanel("duty_team_hours"), FieldPanel("out_of_hours_phone")],
            heading="Children's social care",
        ),
        MultiFieldPanel([FieldPanel("advice_point_phone"), FieldPanel("advice_point_url")], heading="Advice Point"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "urgent help"
