"""Reads about Early Help offers that other features need (pledge 4, schools commitment 3).

This is the contract between the offers feature and the rest of the portal: other apps call
`offer_statuses` and never query offer pages themselves.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class OfferStatus:
    organisation_id: int
    exists: bool = False  # an offer page has been started
    published: bool = False  # a version is live on the public directory
    first_published_at: object = None  # datetime or None
    last_published_at: object = None
    review_date: date | None = None
    url: str = ""  # the public page, when published
    edit_url: str = ""  # where the organisation edits it

    @property
    def review_overdue(self) -> bool:
        return bool(self.published and self.review_date and self.review_date < date.today())

    @property
    def label(self) -> str:
        if self.published:
            return "Review overdue" if self.review_overdue else "Published"
        return "Draft" if self.exists else "Not started"


def offer_statuses(organisation_ids) -> dict:
    """{organisation id: OfferStatus} for the given organisations, in a fixed number of queries.

    Placeholder until the offers feature lands: every organisation reads as "Not started".
    """
    return {org_id: OfferStatus(organisation_id=org_id) for org_id in organisation_ids}
