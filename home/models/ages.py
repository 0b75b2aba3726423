"""The age range an offer or one of its services is for: the same two fields, the same limit, the same words."""

from django.core.validators import MaxValueValidator
from django.db import models

MAX_AGE = 25  # Early Help reaches young people up to 25 (care leavers, SEND)


def youngest_age_field():
    return models.PositiveSmallIntegerField(
        "youngest age",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="In years. Leave empty if there is no lower limit.",
    )


def oldest_age_field():
    return models.PositiveSmallIntegerField(
        "oldest age",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="In years. Leave empty if there is no upper limit.",
    )
