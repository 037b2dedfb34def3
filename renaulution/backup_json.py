"""
Django's JSON serialization format, with datetimes and times kept to the
microsecond.

`DjangoJSONEncoder` cuts them to milliseconds (ECMAScript's precision): an
archive dumped with it gives back rows a few hundred microseconds off, and a
restore must give back the rows it was made from. What this writes is plain
JSON that Django's own "json" deserializer reads.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.timezone import is_aware


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            if is_aware(o):
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder


Deserializer = django_json.Deserializer
