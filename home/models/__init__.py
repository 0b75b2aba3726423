"""The public site: the home page, the suggested-provision checklists and the Early Help offers."""

from home.models.checklists import ChecklistItem, ChecklistSection, ProvisionChecklist
from home.models.moderation import OrganisationOfferGroup
from home.models.offers import OfferIndexPage, OfferPage
from home.models.pages import HomePage

__all__ = [
    "ChecklistItem",
    "ChecklistSection",
    "HomePage",
    "OfferIndexPage",
    "OfferPage",
    "OrganisationOfferGroup",
    "ProvisionChecklist",
]
