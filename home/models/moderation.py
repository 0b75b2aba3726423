"""The Wagtail group through which an organisation's editors and lead edit its offer page."""

from django.contrib.auth.models import Group
from django.db import models


class OrganisationOfferGroup(models.Model):
    """Kept in step with portal.Membership by home.signals; see portal.permissions.offers."""

    organisation = models.OneToOneField("portal.Organisation", on_delete=models.CASCADE, related_name="offer_group")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="offer_organisation")

    def __str__(self):
        return str(self.group)
