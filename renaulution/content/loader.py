"""
Load the shipped content (`data`, `images`) into the database.

The rules, so that the command is safe to run on every deployment:

- Objects are found by a natural key: the English slug (companies, people,
  press releases, episodes), the English title (the series), the person,
  company and start date (positions), the anchor (milestones). When the English slug was changed by
  an editor, the object is still recognised by its other shipped slugs.
- What is missing is created; what exists is never modified, so an editor's
  changes survive a rerun. Images are only drawn for objects being created.
- Relations (producers, featured people and companies, positions, people
  mentioned, a milestone's links) are set only when their owning object is created: an editor
  who removed one does not see it come back.
- A rich text's link markers (`links.py`) become links to the pages of the
  people and companies they name, in the text's language, once every shipped
  object exists (a company's description may name a person, loaded after it).
  A marker naming a slug the content does not define stops the load; one
  naming an object readers may not see (an editor made it a draft) keeps its
  words and gets no link.
- Everything runs in one transaction, and every object passes `full_clean()`
  before it is saved. If anything fails, the database is rolled back and the
  image files written so far are deleted, with their renditions.
"""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy

from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode, EpisodeCompany, Series, SeriesProducer
from renaulution.images import delete_renditions
from renaulution.publishing import Status
from revisions.services import recording
from timeline.models import Milestone
from translations.models import Term, TermTranslation

from . import data, images, links
from .glossary import GLOSSARY

# The languages the shipped content is written in, not settings.LANGUAGES: a
# language added later (README, "Adding a language") starts empty and falls back.
LANGUAGES = ("en", "fr", "it")

# (key in the counts, singular, plural), in the order of the summary.
KINDS = (
    ("terms", "glossary term", "glossary terms"),
    ("companies", "company", "companies"),
    ("people", "person", "people"),
    ("positions", "position", "positions"),
    ("series", "series", "series"),
    ("episodes", "episode", "episodes"),
    ("press_releases", "press release", "press releases"),
    ("milestones", "milestone", "milestones"),
)


def load_content(*, stdout=None):
    """
    Create the shipped content that is missing. Returns the number of objects
    created per kind (keys of `KINDS`), plus `existing`: how many shipped
    objects were already there and were left alone. Writes a one-line
    summary to `stdout` when given.
    """
    loader = _Loader()
    try:
        # Untranslated attribute access (`company.slug`…) reads the default language.
        with (
            translation.override(settings.LANGUAGE_CODE),
            transaction.atomic(),
            recording(comment=gettext_lazy("Loaded the content shipped with the site")),
        ):
            loader.run()
    except BaseException:
        loader.delete_written_files()
        raise
    counts = {key: loader.created.get(key, 0) for key, _one, _many in KINDS}
    counts["existing"] = loader.existing
    if stdout is not None:
        stdout.write(summarize(counts))
    return counts


def summarize(counts):
    """A sentence for the console from the counts `load_content` returns."""
    parts = []
    for key, one, many in KINDS:
        number = counts.get(key, 0)
        if number:
            parts.append(f"{number} {one if number == 1 else many}")
    if not parts:
        return "Nothing to do: the content is already loaded."
    message = "Created " + ", ".join(parts) + "."
    existing = counts.get("existing", 0)
    if existing == 1:
        message += " 1 shipped object was already there and was left unchanged."
    elif existing:
        message += f" {existing} shipped objects were already there and were left unchanged."
    return message


def localized(field, values):
    """`localized("title", L(en, fr, it))` → `{"title_en": en, "title_fr": fr, "title_it": it}`."""
    return {f"{field}_{language}": values[language] for language in LANGUAGES}


def publication(published_at=None):
    return {"status": Status.PUBLISHED, "published_at": published_at or data.PUBLISHED_AT}


class _Loader:
    def __init__(self):
        self.created = {}
        self.existing = 0
        self.companies = {}  # English slug in `data` → Company
        self.people = {}  # English slug in `data` → Person
        self.episodes = {}  # number in `data` → Episode
        self.press_releases = {}  # English slug in `data` → PressRelease
        self.written = []  # (storage, name) of every file saved
        self.to_link = []  # (instance, rich-text fields) created with link markers

    # Helpers ------------------------------------------------------------------

    def count(self, kind):
        self.created[kind] = self.created.get(kind, 0) + 1

    def save(self, instance, files=()):
        """
        Attach the new image files, validate, save. `files` holds
        (field name, file name, bytes); a file is written to storage only
        when the instance is saved, i.e. after it passed validation.
        """
        for field, filename, content in files:
            setattr(instance, field, ContentFile(content, name=filename))
        instance.full_clean()
        try:
            instance.save()
        finally:
            # Remember what reached the storage, even if the row then failed.
            for field, _filename, _content in files:
                file = getattr(instance, field)
                if file._committed:
                    self.written.append((file.storage, file.name))
        return instance

    def delete_written_files(self):
        for storage, name in self.written:
            storage.delete(name)
            delete_renditions(storage, name)  # made when the image was saved
        self.written = []

    @staticmethod
    def find_by_slug(model, slugs):
        """The object whose English slug is ours, else one holding any of our slugs."""
        found = model.objects.by_slug(slugs["en"], language="en").first()
        if found is not None:
            return found
        return model.objects.by_any_slug(*slugs.values()).order_by("pk").first()

    def resolve(self, registry, key, what):
        try:
            return registry[key]
        except KeyError:
            raise ValueError(
                f"The shipped content refers to {what} {key!r} before defining it."
            ) from None

    def link_later(self, instance, *fields):
        """Note `instance`'s `fields` for `link_markers` if a language's text has a marker."""
        texts = [
            getattr(instance, f"{field}_{language}") or ""
            for field in fields
            for language in LANGUAGES
        ]
        if any(links.has_markers(text) for text in texts):
            self.to_link.append((instance, fields))

    def link_markers(self):
        for instance, fields in self.to_link:
            for field in fields:
                for language in LANGUAGES:
                    name = f"{field}_{language}"
                    text = getattr(instance, name)
                    if text:
                        with translation.override(language):
                            setattr(instance, name, links.resolve(text, self.url_for))
            self.save(instance)

    def url_for(self, kind, slug):
        """The page of the shipped person or company `slug`, in the active language."""
        registry = self.people if kind == "person" else self.companies
        try:
            target = registry[slug]
        except KeyError:
            raise ValueError(
                f"The shipped content links to the {kind} {slug!r}, which it does not define."
            ) from None
        return target.get_absolute_url() if target.is_published else None

    # Steps ---------------------------------------------------------------------

    def run(self):
        # The glossary first: every translation saved below is checked against it.
        for spec in GLOSSARY:
            self.term(spec)
        for spec in data.COMPANIES:
            self.companies[spec["slug"]["en"]] = self.company(spec)
        for spec in data.PEOPLE:
            self.people[spec["slug"]["en"]] = self.person(spec)
        series = self.series(data.SERIES)
        for spec in data.EPISODES:
            self.episodes[spec["number"]] = self.episode(series, spec)
        for spec in data.PRESS_RELEASES:
            self.press_releases[spec["slug"]["en"]] = self.press_release(spec)
        for spec in data.MILESTONES:
            self.milestone(spec)
        self.link_markers()

    def term(self, spec):
        if Term.objects.filter(text=spec["text"]).exists():
            self.existing += 1
            return
        term = self.save(
            Term(text=spec["text"], do_not_translate=spec["do_not_translate"], note=spec["note"])
        )
        for language, text in spec["translations"].items():
            self.save(TermTranslation(term=term, language=language, text=text))
        self.count("terms")

    def company(self, spec):
        existing = self.find_by_slug(Company, spec["slug"])
        if existing is not None:
            self.existing += 1
            return existing
        parent = None
        if spec["parent"]:
            parent = self.resolve(self.companies, spec["parent"], "the parent company")
        company = Company(
            name=spec["name"],
            kind=spec["kind"],
            parent=parent,
            founded_year=spec["founded_year"],
            website=spec["website"],
            **localized("slug", spec["slug"]),
            **localized("tagline", spec["tagline"]),
            **localized("description", spec["description"]),
            **localized("headquarters", spec["headquarters"]),
            **localized("logo_alt", images.logo_alt(**spec["logo"])),
            **publication(),
        )
        self.save(
            company,
            files=[("logo", f"{spec['slug']['en']}.png", images.logo_image(**spec["logo"]))],
        )
        self.count("companies")
        self.link_later(company, "description")
        return company

    def person(self, spec):
        existing = self.find_by_slug(Person, spec["slug"])
        if existing is not None:
            self.existing += 1
            return existing
        person = Person(
            name=spec["name"],
            **localized("slug", spec["slug"]),
            **localized("headline", spec["headline"]),
            **localized("biography", spec["biography"]),
            **localized("portrait_alt", images.portrait_alt(**spec["portrait"])),
            **publication(),
        )
        self.save(
            person,
            files=[
                (
                    "portrait",
                    f"{spec['slug']['en']}.png",
                    images.portrait_image(**spec["portrait"]),
                )
            ],
        )
        self.count("people")
        self.link_later(person, "biography")
        for position in spec["positions"]:
            self.position(person, position)
        return person

    def position(self, person, spec):
        company = self.resolve(self.companies, spec["company"], "the company")
        if Position.objects.filter(
            person=person, company=company, start_date=spec["start_date"]
        ).exists():
            return
        self.save(
            Position(
                person=person,
                company=company,
                start_date=spec["start_date"],
                end_date=spec["end_date"],
                **localized("title", spec["title"]),
            )
        )
        self.count("positions")

    def series(self, spec):
        existing = Series.objects.filter(title_en=spec["title"]["en"]).first()
        if existing is None:
            titles = sorted(set(spec["title"].values()))
            query = Q()
            for language in LANGUAGES:
                query |= Q(**{f"title_{language}__in": titles})
            existing = Series.objects.filter(query).order_by("pk").first()
        if existing is not None:
            self.existing += 1
            return existing
        series = Series(
            premiere_date=spec["premiere_date"],
            platform=self.resolve(self.companies, spec["platform"], "the platform"),
            watch_url=spec["watch_url"],
            subject=self.resolve(self.companies, spec["subject"], "the subject"),
            **localized("title", spec["title"]),
            **localized("tagline", spec["tagline"]),
            **localized("synopsis", spec["synopsis"]),
            **localized("reception", spec["reception"]),
            **localized("poster_alt", images.poster_alt(**spec["poster"])),
            **publication(),
        )
        self.save(
            series,
            files=[("poster", spec["poster_filename"], images.poster_image(**spec["poster"]))],
        )
        self.count("series")
        self.link_later(series, "synopsis", "reception")
        for key in spec["producers"]:
            producer = self.resolve(self.companies, key, "the producer")
            self.save(SeriesProducer(series=series, company=producer))
        return series

    def episode(self, series, spec):
        existing = self.find_by_slug(Episode, spec["slug"])
        if existing is None:
            existing = Episode.objects.filter(series=series, number=spec["number"]).first()
        if existing is not None:
            self.existing += 1
            return existing
        still = {"number": spec["number"], **spec["still"]}
        episode = Episode(
            series=series,
            number=spec["number"],
            runtime_minutes=data.RUNTIME_MINUTES,
            release_date=data.RELEASE_DATE,
            **localized("slug", spec["slug"]),
            **localized("title", spec["title"]),
            **localized("synopsis", spec["synopsis"]),
            **localized("still_alt", images.still_alt(**still)),
            **publication(),
        )
        self.save(
            episode,
            files=[("still", f"{spec['slug']['en']}.jpg", images.still_image(**still))],
        )
        self.count("episodes")
        self.link_later(episode, "synopsis")
        episode.people.set([self.resolve(self.people, key, "the person") for key in spec["people"]])
        for key in spec["companies"]:
            company = self.resolve(self.companies, key, "the company")
            self.save(EpisodeCompany(episode=episode, company=company))
        return episode

    def press_release(self, spec):
        existing = self.find_by_slug(PressRelease, spec["slug"])
        if existing is not None:
            self.existing += 1
            return existing
        issued_on = spec["issued_on"]
        release = PressRelease(
            company=self.resolve(self.companies, spec["company"], "the issuing company"),
            kind=spec["kind"],
            issued_on=issued_on,
            date_estimated=spec["date_estimated"],
            original_language=spec["original_language"],
            source_name=spec["source_name"],
            source_url=spec["source_url"],
            press_contact=spec["press_contact"],
            **localized("slug", spec["slug"]),
            **localized("title", spec["title"]),
            **localized("summary", spec["summary"]),
            **localized("body", spec["body"]),
            **localized("image_alt", images.press_alt(**spec["image"])),
            # A release appears on the site from the morning of its date.
            **publication(
                datetime.datetime.combine(issued_on, datetime.time(9, 0), tzinfo=data.PARIS)
            ),
        )
        self.save(
            release,
            files=[("image", f"{spec['slug']['en']}.jpg", images.press_image(**spec["image"]))],
        )
        self.count("press_releases")
        release.people.set([self.resolve(self.people, key, "the person") for key in spec["people"]])
        return release

    def milestone(self, spec):
        existing = Milestone.objects.filter(slug=spec["slug"]).first()
        if existing is None:
            # An editor may have changed the anchor: the title still tells.
            titles = sorted(set(spec["title"].values()))
            query = Q()
            for language in LANGUAGES:
                query |= Q(**{f"title_{language}__in": titles})
            existing = Milestone.objects.filter(query).order_by("pk").first()
        if existing is not None:
            self.existing += 1
            return existing
        date = spec["date"]
        # Shipped with the series, or on the day of a milestone that came later.
        published_at = max(
            data.PUBLISHED_AT,
            datetime.datetime.combine(date, datetime.time(9, 0), tzinfo=data.PARIS),
        )
        milestone = self.save(
            Milestone(
                slug=spec["slug"],
                date=date,
                precision=spec["precision"],
                **localized("title", spec["title"]),
                **localized("summary", spec["summary"]),
                **publication(published_at),
            )
        )
        self.count("milestones")
        milestone.companies.set(
            [self.resolve(self.companies, key, "the company") for key in spec["companies"]]
        )
        milestone.people.set(
            [self.resolve(self.people, key, "the person") for key in spec["people"]]
        )
        milestone.episodes.set(
            [self.resolve(self.episodes, key, "the episode") for key in spec["episodes"]]
        )
        milestone.press_releases.set(
            [
                self.resolve(self.press_releases, key, "the press release")
                for key in spec["press_releases"]
            ]
        )
        return milestone
