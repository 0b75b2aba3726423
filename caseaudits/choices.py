"""The fixed scales an audit is recorded on (the principles themselves are data: see models.Framework)."""

from django.db import models


class Finding(models.TextChoices):
    """Whether a principle was in place in the audited case."""

    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class Judgement(models.TextChoices):
    """The overall judgement of the case's quality (Ofsted's four-point scale, as partnerships use it)."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"
