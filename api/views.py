"""
The endpoints of /api/v1/: a list and a detail for each kind of public
content, and the search.

Each reads only published objects, through the same `published()` and
listing QuerySets as the pages. Lists are pages of at most `limit` items
(1 to API_MAX_LIMIT, API_DEFAULT_LIMIT by default) in a fixed order, paged
by `cursor` (api/cursors.py). A detail is found by its slug in the asked
language (English fallback), else in any language; none is a 404. A
filter's value that names nothing public (`?company=unknown`) is a 400
naming the parameter: the list exists, the value is wrong.
"""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja import Query, Router

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from renaulution import invalidation, surrogate_keys
from renaulution.search import MAX_RESULTS, clean_query, is_searchable, search
from timeline.models import Milestone

from . import schemas
from . import serializers as out
from .cursors import Key, Ordering, page
from .errors import ApiError
from .languages import ALL, Language, Localizer, codes, requested
from .responses import json_response, newest

router = Router()

ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}
LANG = Query(
    None,
    description=(
        "The language of localized values (default: Accept-Language, else English); "
        "`all`: every language side by side, with translation states."
    ),
)
LIMIT = Query(
    settings.API_DEFAULT_LIMIT,
    ge=1,
    le=settings.API_MAX_LIMIT,
    description=f"Items per page, at most {settings.API_MAX_LIMIT}.",
)
CURSOR = Query(None, description="`next_cursor` of the previous page.", max_length=500)
SLUG = "A slug in any language (the English one is canonical)."

ORDERINGS = {
    "series": Ordering("series", (Key("pk"),)),
    "episodes": Ordering("episodes", (Key("series_id"), Key("number"))),
    "companies": Ordering("companies", (Key("sort_name", kind=str), Key("pk"))),
    "people": Ordering("people", (Key("name", kind=str), Key("pk"))),
    "press": Ordering("press", (Key("issued_on", True, datetime.date), Key("pk", True))),
    "milestones": Ordering("milestones", (Key("date", kind=datetime.date), Key("pk"))),
}


class Answer:
    """One answer being built: its language, and the objects it shows."""

    def __init__(self, request, lang):
        self.request = request
        self.language = requested(request, lang)
        self.negotiated = lang is None
        self.localizer = Localizer(self.language)
        self.ctx = out.Context(request, self.localizer)

    def __enter__(self):
        # Names and labels (and error messages) in the answer's language.
        self.override = translation.override(
            settings.LANGUAGE_CODE if self.language == ALL else self.language
        )
        self.override.__enter__()
        return self

    def __exit__(self, *exc):
        self.override.__exit__(*exc)

    def respond(self, data):
        self.localizer.fill_states()
        return json_response(
            self.request,
            data,
            # Every language side by side: Content-Language lists them all.
            language=", ".join(codes()) if self.language == ALL else self.language,
            negotiated=self.negotiated,
            last_modified=newest(self.ctx.shown),
        )

    def listing(self, queryset, ordering, cursor, limit, serialize):
        """One page of `queryset` in `ordering`; `serialize(rows, ctx)` gives its items."""
        rows, next_cursor = page(queryset, ORDERINGS[ordering], cursor, limit)
        return self.page(serialize(rows, self.ctx), limit, next_cursor)

    def detail(self, queryset, slug, message, serialize):
        """The object of `queryset` with `slug` (any language), or a 404 saying `message`."""
        return self.one(by_slug(queryset, slug, self.lookup_language()), message, serialize)

    def one(self, found, message, serialize):
        """`found` serialized, or a 404 saying `message` when it is None."""
        if found is None:
            raise Http404(message)
        (data,) = serialize([found], self.ctx)
        return self.respond(data)

    def page(self, items, limit, next_cursor):
        following = None
        if next_cursor:
            query = {k: v for k, v in self.request.GET.items() if k != "cursor"}
            query["cursor"] = next_cursor
            following = self.request.build_absolute_uri(f"{self.request.path}?{urlencode(query)}")
        return self.respond(
            {
                "items": items,
                "limit": limit,
                "language": self.language,
                "next_cursor": next_cursor,
                "next": following,
            }
        )

    def lookup_language(self):
        return settings.LANGUAGE_CODE if self.language == ALL else self.language


def first(queryset):
    """The answer's own object (no `:list` key, as a detail page's), or None."""
    with invalidation.lookup():
        return queryset.first()


def by_slug(queryset, slug, language):
    """
    The object whose slug is `slug` in `language` (English fallback), else
    in any language, or None. The first lookup is the answer's own object
    (no `:list` key, as a detail page); the second may change with any
    object of the model.
    """
    found = first(queryset.by_slug(slug, language))
    return found if found is not None else queryset.by_any_slug(slug).first()


def each(serialize, **options):
    """Items serialized one by one, for `Answer.listing` and `Answer.detail`."""
    return lambda rows, ctx: [serialize(row, ctx, **options) for row in rows]


def filter_by_slug(queryset, slug, parameter, language, message):
    """A filter's object, published; a value that names none is a 400 naming `parameter`."""
    found = by_slug(queryset.published(), slug, language)
    if found is None:
        raise ApiError(parameter, message)
    return found


# Series --------------------------------------------------------------------


def series_queryset():
    return (
        Series.objects.published()
        .for_home()
        .prefetch_related(
            Prefetch(
                "episodes",
                queryset=Episode.objects.published().order_by("number"),
                to_attr="public_episodes",
            )
        )
    )


@router.get("/series/", response={200: schemas.SeriesPage, **ERRORS}, tags=["series"])
def series_list(
    request, lang: Language | None = LANG, limit: int = LIMIT, cursor: str | None = CURSOR
):
    """The published series, oldest first, with their published episodes."""
    with Answer(request, lang) as answer:
        return answer.listing(series_queryset(), "series", cursor, limit, each(out.series))


@router.get("/series/{int:series_id}/", response={200: schemas.Series, **ERRORS}, tags=["series"])
def series_detail(request, series_id: int, lang: Language | None = LANG):
    """One published series, by its id (a series has no slug)."""
    with Answer(request, lang) as answer:
        found = first(series_queryset().filter(pk=series_id))
        return answer.one(found, _("There is no such series."), each(out.series))


# Episodes ------------------------------------------------------------------


def episode_queryset():
    return (
        Episode.objects.published()
        .for_listing()
        .prefetch_related(
            Prefetch("people", queryset=Person.objects.published()),
            Prefetch("companies", queryset=Company.objects.published()),
        )
    )


@router.get("/episodes/", response={200: schemas.EpisodePage, **ERRORS}, tags=["episodes"])
def episode_list(
    request, lang: Language | None = LANG, limit: int = LIMIT, cursor: str | None = CURSOR
):
    """Published episodes in series and number order."""
    with Answer(request, lang) as answer:
        return answer.listing(episode_queryset(), "episodes", cursor, limit, each(out.episode))


@router.get(
    "/episodes/{slug}/",
    response={200: schemas.Episode, **ERRORS},
    tags=["episodes"],
    description=SLUG,
)
def episode_detail(request, slug: str, lang: Language | None = LANG):
    with Answer(request, lang) as answer:
        return answer.detail(
            episode_queryset(), slug, _("There is no such episode."), each(out.episode)
        )


# Companies -----------------------------------------------------------------


def company_queryset():
    return Company.objects.published().for_listing().annotate(sort_name=Lower("name"))


def companies_with_children(companies, ctx):
    """Each company with its first published children: one query for the page."""
    limit = settings.DETAIL_CHILDREN
    below = {}
    for child in Company.objects.first_children_of([c.pk for c in companies], limit + 1):
        below.setdefault(child.parent_id, []).append(child)
    return [
        out.company(
            company,
            ctx,
            below.get(company.pk, [])[:limit],
            len(below.get(company.pk, [])) > limit,
        )
        for company in companies
    ]


@router.get("/companies/", response={200: schemas.CompanyPage, **ERRORS}, tags=["companies"])
def company_list(
    request,
    lang: Language | None = LANG,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    parent: str | None = Query(
        None, description="Only the children of this company (a slug).", max_length=200
    ),
    roots: bool = Query(
        False, description="Only the top of the group tree (companies without a public parent)."
    ),
):
    """Published companies by name, each with its parent and first children (the group tree)."""
    with Answer(request, lang) as answer:
        queryset = company_queryset()
        if parent:
            found = filter_by_slug(
                Company.objects,
                parent,
                "parent",
                answer.lookup_language(),
                _("There is no such company."),
            )
            queryset = queryset.filter(parent=found)
        if roots:
            queryset = queryset & Company.objects.roots()
        return answer.listing(queryset, "companies", cursor, limit, companies_with_children)


@router.get(
    "/companies/{slug}/",
    response={200: schemas.Company, **ERRORS},
    tags=["companies"],
    description=SLUG,
)
def company_detail(request, slug: str, lang: Language | None = LANG):
    with Answer(request, lang) as answer:
        return answer.detail(
            company_queryset(), slug, _("There is no such company."), companies_with_children
        )


# People --------------------------------------------------------------------


def person_queryset():
    return Person.objects.published().for_listing()


@router.get("/people/", response={200: schemas.PersonPage, **ERRORS}, tags=["people"])
def person_list(
    request, lang: Language | None = LANG, limit: int = LIMIT, cursor: str | None = CURSOR
):
    """Published people by name, with their latest positions at published companies."""
    with Answer(request, lang) as answer:
        return answer.listing(person_queryset(), "people", cursor, limit, each(out.person))


@router.get(
    "/people/{slug}/",
    response={200: schemas.Person, **ERRORS},
    tags=["people"],
    description=SLUG,
)
def person_detail(request, slug: str, lang: Language | None = LANG):
    with Answer(request, lang) as answer:
        return answer.detail(
            person_queryset(), slug, _("There is no such person."), each(out.person)
        )


# Press releases ------------------------------------------------------------


def press_queryset():
    return (
        PressRelease.objects.published()
        .for_listing()
        .prefetch_related(Prefetch("people", queryset=Person.objects.published()))
    )


@router.get(
    "/press-releases/",
    response={200: schemas.PressReleasePage, **ERRORS},
    tags=["press releases"],
)
def press_release_list(
    request,
    lang: Language | None = LANG,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    company: str | None = Query(
        None, description="Only those issued by this company (a slug).", max_length=200
    ),
    person: str | None = Query(
        None, description="Only those mentioning this person (a slug).", max_length=200
    ),
    year: int | None = Query(None, ge=1000, le=9999, description="Only those issued that year."),
):
    """Published press releases, newest first, filtered as the press page is."""
    with Answer(request, lang) as answer:
        queryset = press_queryset()
        language = answer.lookup_language()
        if company:
            found = filter_by_slug(
                Company.objects, company, "company", language, _("There is no such company.")
            )
            queryset = queryset.filter(company=found)
        if person:
            found = filter_by_slug(
                Person.objects, person, "person", language, _("There is no such person.")
            )
            queryset = queryset.filter(people=found)
        if year:
            queryset = queryset.filter(issued_on__year=year)
        return answer.listing(queryset, "press", cursor, limit, each(out.press_release, body=False))


@router.get(
    "/press-releases/{slug}/",
    response={200: schemas.PressReleaseDetail, **ERRORS},
    tags=["press releases"],
    description=SLUG,
)
def press_release_detail(request, slug: str, lang: Language | None = LANG):
    with Answer(request, lang) as answer:
        return answer.detail(
            press_queryset(),
            slug,
            _("There is no such press release."),
            each(out.press_release, body=True),
        )


# Milestones ----------------------------------------------------------------


def milestone_queryset():
    return Milestone.objects.published().for_timeline().with_year_position()


@router.get("/milestones/", response={200: schemas.MilestonePage, **ERRORS}, tags=["milestones"])
def milestone_list(
    request,
    lang: Language | None = LANG,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
    year: int | None = Query(None, ge=1000, le=9999, description="Only that year's milestones."),
):
    """Published milestones of the timeline, oldest first."""
    with Answer(request, lang) as answer:
        queryset = milestone_queryset()
        if year:
            queryset = queryset.in_year(year)
        return answer.listing(queryset, "milestones", cursor, limit, each(out.milestone))


@router.get(
    "/milestones/{slug}/",
    response={200: schemas.Milestone, **ERRORS},
    tags=["milestones"],
    description="The milestone's anchor (the same in every language).",
)
def milestone_detail(request, slug: str, lang: Language | None = LANG):
    with Answer(request, lang) as answer:
        found = first(milestone_queryset().filter(slug=slug))
        return answer.one(found, _("There is no such milestone."), each(out.milestone))


# Search --------------------------------------------------------------------


@router.get("/search/", response={200: schemas.SearchPage, **ERRORS}, tags=["search"])
def search_list(
    request,
    q: str = Query(..., description="What to look for, as on the search page.", max_length=1000),
    lang: Language | None = LANG,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
):
    """Published content matching `q` in one language, best first: the engine of /search/."""
    with Answer(request, lang) as answer:
        if answer.language == ALL:
            raise ApiError("lang", _("A search is made in one language."))
        query, _truncated = clean_query(q)
        if not is_searchable(query):
            raise ApiError("q", _("Type at least two letters or digits."))
        invalidation.add_keys(surrogate_keys.SEARCH)
        ordering = Ordering(f"search:{answer.language}:{query}", (Key("offset"),))
        start = ordering.load(cursor)[0] if cursor else 0
        if start < 0 or start >= MAX_RESULTS:
            raise ApiError("cursor", _("This cursor is not one this list gave."))
        results = search(query, language=answer.language)[start : start + limit + 1]
        more = len(results) > limit and start + limit < MAX_RESULTS
        items = [
            {
                "kind": result.kind,
                "id": result.object.pk,
                "slug": getattr(result.object, "slug_en", None) or result.object.slug,
                "url": request.build_absolute_uri(result.url),
                "title": str(result.title),
                "snippet": str(result.snippet),
            }
            for result in results[:limit]
        ]
        next_cursor = ordering.dump_values([start + limit]) if more else None
        return answer.page(items, limit, next_cursor)
