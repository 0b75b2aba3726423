"""A JSON serialisation for backups that keeps every microsecond.

Django's JSON encoder shortens times to milliseconds; a backup must restore exactly what was saved,
so the backup format ("pjson", registered in settings.SERIALIZATION_MODULES) writes full ISO times.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class PreciseEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = PreciseEncoder


Deserializer = django_json.Deserializer
