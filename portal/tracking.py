"""Who saved a record last, and when: the "edited by / at" fields every edited record carries.

They let a page tell a second editor who changed a row meanwhile, and the exports say when a record was
last touched. The fields are defined once here; a model inherits `EditTracked` (beside `VersionedModel`
when people edit it through forms).
"""

from django.conf import settings
from django.db import models


class EditTracked(models.Model):
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
