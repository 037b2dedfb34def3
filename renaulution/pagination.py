"""
A paginator for long lists: a page's keys first, then its rows.

Django's paginator asks for `OFFSET n LIMIT k` of the whole query, joins
included, so page 2,000 of the press list reads 20,000 rows with their
companies to keep ten. Here the offset runs over the primary keys alone,
which an index holding the filter and ordering columns answers without
visiting the table; the page's rows are then fetched by key (one more
query, the same at any depth).
"""

from django.core.paginator import Paginator


class KeysFirstPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.filter(pk__in=keys).in_bulk() if keys else {}
        return self._get_page([rows[key] for key in keys if key in rows], number, self)
