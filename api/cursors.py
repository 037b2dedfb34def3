"""
Cursor pagination: a page is the rows after the last one the client saw, in
a total order of the list (`Ordering`), not an offset. A row published or
withdrawn between two requests does not shift the rows that follow: each
row is seen once, and a newly published one appears where it sorts.

The cursor is the last row's ordering key, signed (an opaque string the
client sends back as `?cursor=`); a cursor of another list, edited or
unreadable, is a 400 naming `cursor`.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db.models import Q

from .errors import ApiError


@dataclass(frozen=True)
class Key:
    """One column of an ordering: its name on the QuerySet, its direction, its type."""

    name: str
    descending: bool = False
    kind: type = int

    def dump(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value

    def load(self, value):
        if self.kind is datetime.date:
            if not isinstance(value, str):
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        if not isinstance(value, self.kind) or isinstance(value, bool):
            raise ValueError(value)
        return value


@dataclass(frozen=True)
class Ordering:
    """A total order of one list (its last key is unique), named for its cursors."""

    name: str
    keys: tuple

    def order_by(self):
        return [f"-{key.name}" if key.descending else key.name for key in self.keys]

    def after(self, values):
        """The rows that come after `values` in this order."""
        condition, equal = Q(), Q()
        for key, value in zip(self.keys, values, strict=True):
            lookup = "lt" if key.descending else "gt"
            condition |= equal & Q(**{f"{key.name}__{lookup}": value})
            equal &= Q(**{key.name: value})
        return condition

    def dump(self, row):
        """The cursor of the rows after `row`."""
        return self.dump_values([getattr(row, key.name) for key in self.keys])

    def dump_values(self, values):
        values = [key.dump(value) for key, value in zip(self.keys, values, strict=True)]
        return signing.dumps(values, salt=self.salt, compress=False)

    def load(self, cursor):
        try:
            values = signing.loads(cursor, salt=self.salt)
            if not isinstance(values, list) or len(values) != len(self.keys):
                raise ValueError(values)
            return [key.load(value) for key, value in zip(self.keys, values, strict=True)]
        except (signing.BadSignature, ValueError, TypeError) as error:
            raise ApiError("cursor", "This cursor is not one this list gave.") from error

    @property
    def salt(self):
        return f"api.cursor.{self.name}"


def page(queryset, ordering, cursor, limit):
    """(the rows of one page, the cursor of the next page or None)."""
    queryset = queryset.order_by(*ordering.order_by())
    if cursor:
        queryset = queryset.filter(ordering.after(ordering.load(cursor)))
    rows = list(queryset[: limit + 1])
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, ordering.dump(rows[-1])
    return rows, None
