"""The public site: the home page, the suggested-provision checklists and the Early Help offers."""

from home.models.checklists import ChecklistItem, ChecklistSection, ProvisionChecklist
from home.models.help_settings import UrgentHelpSettings
from home.models.moderation import OrganisationOfferGroup
from home.models.offers import OfferIndexPage, OfferPage
from home.models.pages import HomePage
from home.models.problem_reports import ProblemReport
from home.models.reminders import OfferReminderSent
from home.models.search import SearchTerm, SearchWord, Synonym
from home.models.services import OfferService

__all__ = [
    "ChecklistItem",
    "ChecklistSection",
    "HomePage",
    "OfferIndexPage",
    "OfferPage",
    "OfferService",
    "OfferReminderSent",
    "OrganisationOfferGroup",
    "ProblemReport",
    "ProvisionChecklist",
    "SearchTerm",
    "SearchWord",
    "Synonym",
    "UrgentHelpSettings",
]
