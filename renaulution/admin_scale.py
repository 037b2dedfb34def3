"""
What keeps the content admins fast at 100,000 press releases.

- `VectorSearchMixin`: on PostgreSQL the changelist search and the
  autocomplete endpoints (which call the same `get_search_results`) match
  the stored, GIN-indexed search vectors of every language (`search_en`,
  `search_fr`, `search_it`, see renaulution/search.py) with prefix terms,
  so "électr" finds "électriques" in French text and "Ren" finds Renault,
  instead of `icontains` over every column, which reads every row. On
  SQLite the admin's own `search_fields` lookups are the fallback.
- `EstimatedCountPaginator`: the unfiltered changelist of a big table is
  counted from PostgreSQL's statistics (`pg_class.reltuples`) rather than a
  `COUNT(*)` of every row on every request; the page says "about".
  Filtered lists are counted up to COUNT_LIMIT, small tables exactly.
- `ChangelistRowsMixin`: a changelist's cost is its rows (~0.9 KB of HTML
  and ~0.5 ms each for a press release); it shows 50 a page, not Django's
  100, and writes each row's action checkbox without the template engine.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Max, Min, Q
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext

from . import languages
from .search import WORD, StoredDocument

# Below this many rows (by the statistics) a table is counted exactly: the
# count is cheap and the number on the page is then exact.
ESTIMATE_ABOVE = 10000
# A filtered list is counted up to this many rows ("more than 1000"): 20
# pages of 50. A common word matches most of 100,000 releases, and counting
# 10,000 of them read ~13,000 wide rows (30 ms of a 125 ms search page).
COUNT_LIMIT = 1000
# Words of an admin search used at most.
MAX_SEARCH_TERMS = 10


class EstimatedCountPaginator(Paginator):
    """
    Counts an unfiltered queryset of a big table from the planner's
    statistics (`is_estimate`), and a filtered one only up to COUNT_LIMIT
    (`is_capped`): a search for a common word matches half the table, and
    nobody pages past the twentieth page of it.
    """

    is_estimate = False
    is_capped = False

    @cached_property
    def count(self):
        estimate = self._estimate()
        if estimate is not None and estimate > ESTIMATE_ABOVE:
            self.is_estimate = True
            return estimate
        queryset = self.object_list
        if not hasattr(queryset, "query"):
            return super().count
        # The keys alone: the rows' annotations (a release's pending change
        # is a subquery per row) would be computed for every row counted.
        counted = queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()
        if counted > COUNT_LIMIT:
            self.is_capped = True
            return COUNT_LIMIT
        return counted

    def _estimate(self):
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None or query.where or query.distinct or query.is_sliced:
            return None
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                [connection.ops.quote_name(queryset.model._meta.db_table)],
            )
            row = cursor.fetchone()
        # -1 before the table's first ANALYZE.
        return row[0] if row and row[0] >= 0 else None


class ChangelistRowsMixin:
    """
    A bounded page of rows: at 100 press releases a page the changelist was
    113 KB of HTML; 50 keep it under 100 KB at any size. Django renders each
    row's action checkbox through the form widget templates (a third of the
    changelist's CPU): the same `<input>` is written here directly.
    """

    list_per_page = 50

    def action_checkbox(self, obj):
        # Django's own wording (its catalogue translates it), and its markup.
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )


def vector_match(word):
    """A Q: `word` as a prefix in the stored search vector of any language (PostgreSQL)."""
    from django.contrib.postgres.search import SearchQuery

    # A word of letters and digits only (WORD): nothing of tsquery's syntax.
    raw = f"{word}:*"
    condition = Q()
    for entry in languages.entries():
        config = entry.search_configuration
        condition |= Q(
            **{f"_admin_search_{entry.code}": SearchQuery(raw, search_type="raw", config=config)}
        )
    return condition


def with_vectors(queryset):
    return queryset.alias(
        **{f"_admin_search_{language}": StoredDocument(language) for language in languages.codes()}
    )


class VectorSearchMixin:
    """
    Search (and autocomplete) through the stored search vectors on
    PostgreSQL. `vector_search_related` names foreign keys to models that
    have vectors too (a release found by its company's name).
    """

    show_full_result_count = False
    paginator = EstimatedCountPaginator
    vector_search_related = ()

    def get_search_results(self, request, queryset, search_term):
        connection = connections[queryset.db]
        if connection.vendor != "postgresql" or not search_term.strip():
            return super().get_search_results(request, queryset, search_term)
        words = WORD.findall(search_term)[:MAX_SEARCH_TERMS]
        if not words:
            return queryset.none(), False
        # As Django's own search: every word must be found, each in the
        # object's text or in a related object's (a release's company).
        condition = Q()
        for word in words:
            found = vector_match(word)
            for name in self.vector_search_related:
                related = self.model._meta.get_field(name).related_model
                matching = with_vectors(related._base_manager.all()).filter(vector_match(word))
                found |= Q(**{f"{name}__in": matching.values("pk")})
            condition &= found
        return with_vectors(queryset).filter(condition), False


class YearFilter(admin.SimpleListFilter):
    """
    The years of a date field, from its first and last value (one MIN/MAX
    query through the field's index), for a big table: the admin's
    `date_hierarchy` reads every row's date (`SELECT DISTINCT`), on every
    request, and again for every search. Made per field by `for_field`.
    """

    field_name = None

    @classmethod
    def for_field(cls, field_name):
        return type(
            f"{field_name.title().replace('_', '')}YearFilter",
            (cls,),
            {"field_name": field_name, "parameter_name": f"{field_name}__year", "title": "year"},
        )

    def __init__(self, request, params, model, model_admin):
        self.title = model._meta.get_field(self.field_name).verbose_name
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        bounds = model_admin.model._base_manager.aggregate(
            first=Min(self.field_name), last=Max(self.field_name)
        )
        if bounds["first"] is None:
            return []
        years = range(bounds["last"].year, bounds["first"].year - 1, -1)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit() or not 1 <= int(value) <= 9999:
            raise IncorrectLookupParameters(value)
        return queryset.filter(**{f"{self.field_name}__year": int(value)})


def localized(*fields):
    """Every language's column of `fields`: the fallback search finds any language."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


class ChosenObjectFilter(admin.SimpleListFilter):
    """
    A filter on a relation to a big table (thousands of companies) that
    lists only the chosen object, never all of them: it is shown when
    `?<field>=<id>` is set (by a link, or the "press releases" of a company),
    so the editor sees what filters the list and can clear it. Made per
    field by `for_field`.
    """

    field_name = None

    @classmethod
    def for_field(cls, field_name):
        return type(
            f"Chosen{field_name.title().replace('_', '')}Filter",
            (cls,),
            {"field_name": field_name, "parameter_name": field_name, "title": field_name},
        )

    def __init__(self, request, params, model, model_admin):
        field = model._meta.get_field(self.field_name)
        self.title = field.verbose_name
        self.related_model = field.related_model
        super().__init__(request, params, model, model_admin)

    def has_output(self):
        # Applied whenever it is set, even to an unknown id (an empty list,
        # not every row as if unfiltered).
        return self.value() is not None

    def lookups(self, request, model_admin):
        value = self.value()
        if not value or not value.isdigit():
            return []
        chosen = self.related_model._base_manager.filter(pk=value).first()
        return [(value, str(chosen))] if chosen else []

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(value)
        return queryset.filter(**{self.field_name: value})
