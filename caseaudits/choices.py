"""The fixed scale a principle's finding is recorded on (the principles themselves are data: see
models.Framework)."""

from django.db import models


class Finding(models.TextChoices):
    """Whether a principle was in place in the audited case."""

    MET = "met", "Met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


# The overall judgement of the case's quality is the partnership's shared scale: portal.judgements.Judgement.
