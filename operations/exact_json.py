"""Django's JSON serialisation format, but with times to the microsecond (for backups).

Django's encoder cuts datetimes and times to milliseconds (ECMA-262 style), so a backup written
with it would not restore byte for byte. Registered as the "exact-json" format
(SERIALIZATION_MODULES); the deserializer is Django's own, which reads full ISO 8601.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time) and o.microsecond:
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()


Deserializer = django_json.Deserializer
