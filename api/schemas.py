"""
The shapes of the API's answers, for the OpenAPI schema (django-ninja reads
them). The views build plain dicts (api/serializers.py); the tests validate
every answer against the schema served at /api/v1/openapi.json.
"""

import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field, create_model

from .languages import codes


class LocalizedValue(Schema):
    """A localized field in the language asked for (`?lang=<code>`)."""

    value: str | None = Field(description="The text; null when it is empty in every language.")
    language: str = Field(description="The language of `value`.")
    fallback: bool = Field(
        description="True when the asked language has no text and `value` is the English one."
    )


class LanguageValue(Schema):
    value: str | None = Field(description="This language's own text, null when empty.")
    state: Literal["source", "current", "outdated", "missing"] | None = Field(
        description=(
            "`source`: the language translators translate from; else the translation's "
            "state; null when the source is empty (nothing to translate)."
        )
    )


# With `?lang=all`: every language's own value side by side, with its state.
LocalizedAll = create_model(
    "LocalizedAll",
    __base__=Schema,
    **dict.fromkeys(codes(), (LanguageValue, ...)),
)

Localized = LocalizedValue | LocalizedAll
Urls = create_model(
    "Urls",
    __base__=Schema,
    **{code: (str, Field(description=f"The page in {code}.")) for code in codes()},
)
Slugs = create_model(
    "Slugs",
    __base__=Schema,
    **{code: (str, Field(description=f"The slug in {code}.")) for code in codes()},
)


class Image(Schema):
    url: str
    width: int | None
    height: int | None
    alt: Localized


class CompanyRef(Schema):
    id: int
    slug: str = Field(description="The English slug.")
    name: str


class PersonRef(Schema):
    id: int
    slug: str
    name: str


class EpisodeRef(Schema):
    id: int
    slug: str
    number: int
    title: Localized


class PressReleaseRef(Schema):
    id: int
    slug: str
    issued_on: datetime.date
    title: Localized


class Published(Schema):
    published_at: datetime.datetime
    updated_at: datetime.datetime


class Series(Published):
    id: int
    title: Localized
    tagline: Localized
    synopsis: Localized = Field(description="Sanitized HTML.")
    premiere_date: datetime.date | None
    watch_url: str | None
    platform: CompanyRef | None
    subject: CompanyRef | None
    producers: list[CompanyRef]
    episodes: list[EpisodeRef]
    poster: Image | None
    urls: Urls


class SeriesRef(Schema):
    id: int
    title: Localized


class Episode(Published):
    id: int
    slug: str
    slugs: Slugs
    urls: Urls
    series: SeriesRef
    number: int
    title: Localized
    synopsis: Localized = Field(description="Sanitized HTML.")
    runtime_minutes: int | None
    release_date: datetime.date | None
    still: Image | None
    people: list[PersonRef]
    companies: list[CompanyRef]


class Company(Published):
    id: int
    slug: str
    slugs: Slugs
    urls: Urls
    name: str
    kind: str
    parent: CompanyRef | None = Field(description="The parent company, null when none is public.")
    children: list[CompanyRef] = Field(description="The first published children, by name.")
    more_children: bool = Field(
        description="True when there are more children than listed: `?parent=<slug>` lists all."
    )
    tagline: Localized
    description: Localized = Field(description="Sanitized HTML.")
    founded_year: int | None
    headquarters: Localized
    website: str | None
    logo: Image | None


class Position(Schema):
    company: CompanyRef | None
    title: Localized
    start_date: datetime.date
    end_date: datetime.date | None
    current: bool


class Person(Published):
    id: int
    slug: str
    slugs: Slugs
    urls: Urls
    name: str
    headline: Localized
    biography: Localized = Field(description="Sanitized HTML.")
    portrait: Image | None
    positions: list[Position] = Field(description="Latest first, at published companies only.")


class PressRelease(Published):
    id: int
    slug: str
    slugs: Slugs
    urls: Urls
    title: Localized
    summary: Localized
    issued_on: datetime.date
    original_language: str
    company: CompanyRef | None = Field(description="The issuer, null while it is not public.")
    people: list[PersonRef]
    source_url: str | None
    press_contact: str | None
    image: Image | None


class PressReleaseDetail(PressRelease):
    body: Localized = Field(description="Sanitized HTML.")


class Milestone(Published):
    id: int
    slug: str = Field(description="The anchor on its year's timeline page, in every language.")
    urls: Urls
    date: datetime.date
    precision: Literal["day", "month", "year"]
    title: Localized
    summary: Localized
    image: Image | None
    companies: list[CompanyRef]
    people: list[PersonRef]
    episodes: list[EpisodeRef]
    press_releases: list[PressReleaseRef]


class SearchResult(Schema):
    kind: Literal["episode", "company", "person", "pressrelease", "milestone"]
    id: int
    slug: str
    url: str
    title: str = Field(description="HTML: the title, matched words in <mark>.")
    snippet: str = Field(description="HTML: the text around the match, matched words in <mark>.")


def page_of(item, name):
    """The schema of one page of a list of `item`."""
    return create_model(
        name,
        __base__=Schema,
        items=(list[item], ...),
        limit=(int, ...),
        language=(str, Field(description="The language asked for, or `all`.")),
        next_cursor=(
            str | None,
            Field(description="`?cursor=` of the next page; null at the end."),
        ),
        next=(str | None, Field(description="The address of the next page; null at the end.")),
    )


SeriesPage = page_of(Series, "SeriesPage")
EpisodePage = page_of(Episode, "EpisodePage")
CompanyPage = page_of(Company, "CompanyPage")
PersonPage = page_of(Person, "PersonPage")
PressReleasePage = page_of(PressRelease, "PressReleasePage")
MilestonePage = page_of(Milestone, "MilestonePage")
SearchPage = page_of(SearchResult, "SearchPage")


class ErrorBody(Schema):
    status: int
    message: str
    parameter: str | None = Field(None, description="The query parameter at fault (400).")


class Error(Schema):
    error: ErrorBody
