"""
Loaded objects as the API's JSON: plain dicts, in the shapes api/schemas.py
declares (the tests validate answers against the served schema).

Everything here reads only what the views' QuerySets loaded: no query per
row. Related objects are named only when readers may see them (the models'
`published_*` helpers and the published-only prefetches of the views), so a
draft company is never named under a release, nor a draft person in its list.
"""

from django.utils import translation

from renaulution.publishing import published_or_none
from renaulution.slugs import slug_in

from .languages import codes


class Context:
    """What one answer needs: the request, its `Localizer`, and the objects it shows."""

    def __init__(self, request, localize):
        self.request = request
        self.localize = localize
        self.shown = []

    def show(self, obj):
        """Record `obj` as shown (its `updated_at` counts for Last-Modified)."""
        self.shown.append(obj)
        return obj

    def urls(self, obj):
        """The address of `obj`'s page in every language, absolute."""
        found = {}
        for code in codes():
            with translation.override(code):
                found[code] = self.request.build_absolute_uri(obj.get_absolute_url())
        return found


def slugs(obj):
    return {code: slug_in(obj, code) for code in codes()}


def image(obj, field, ctx):
    file = getattr(obj, field)
    if not file:
        return None
    return {
        "url": ctx.request.build_absolute_uri(file.url),
        "width": getattr(obj, f"{field}_width"),
        "height": getattr(obj, f"{field}_height"),
        "alt": ctx.localize(obj, f"{field}_alt"),
    }


def publication(obj):
    return {"published_at": obj.published_at, "updated_at": obj.updated_at}


def company_ref(company, ctx):
    """A published company named by another object, or None for a draft."""
    company = published_or_none(company)
    if company is None:
        return None
    ctx.show(company)
    return {"id": company.pk, "slug": company.slug_en, "name": company.name}


def person_ref(person, ctx):
    ctx.show(person)
    return {"id": person.pk, "slug": person.slug_en, "name": person.name}


def episode_ref(episode, ctx):
    ctx.show(episode)
    return {
        "id": episode.pk,
        "slug": episode.slug_en,
        "number": episode.number,
        "title": ctx.localize(episode, "title"),
    }


def press_release_ref(release, ctx):
    ctx.show(release)
    return {
        "id": release.pk,
        "slug": release.slug_en,
        "issued_on": release.issued_on,
        "title": ctx.localize(release, "title"),
    }


def series(obj, ctx):
    ctx.show(obj)
    return {
        "id": obj.pk,
        "title": ctx.localize(obj, "title"),
        "tagline": ctx.localize(obj, "tagline"),
        "synopsis": ctx.localize(obj, "synopsis"),
        "premiere_date": obj.premiere_date,
        "watch_url": obj.watch_url or None,
        "platform": company_ref(obj.platform, ctx),
        "subject": company_ref(obj.subject, ctx),
        "producers": [company_ref(c, ctx) for c in obj.producers.all()],
        "episodes": [episode_ref(e, ctx) for e in obj.public_episodes],
        "poster": image(obj, "poster", ctx),
        "urls": ctx.urls(obj),
        **publication(obj),
    }


def episode(obj, ctx):
    ctx.show(obj)
    return {
        "id": obj.pk,
        "slug": obj.slug_en,
        "slugs": slugs(obj),
        "urls": ctx.urls(obj),
        "series": {"id": obj.series_id, "title": ctx.localize(obj.series, "title")},
        "number": obj.number,
        "title": ctx.localize(obj, "title"),
        "synopsis": ctx.localize(obj, "synopsis"),
        "runtime_minutes": obj.runtime_minutes,
        "release_date": obj.release_date,
        "still": image(obj, "still", ctx),
        "people": [person_ref(p, ctx) for p in obj.people.all()],
        "companies": [company_ref(c, ctx) for c in obj.companies.all()],
        **publication(obj),
    }


def company(obj, ctx, children, more_children):
    ctx.show(obj)
    return {
        "id": obj.pk,
        "slug": obj.slug_en,
        "slugs": slugs(obj),
        "urls": ctx.urls(obj),
        "name": obj.name,
        "kind": obj.kind,
        "parent": company_ref(obj.parent, ctx),
        "children": [company_ref(child, ctx) for child in children],
        "more_children": more_children,
        "tagline": ctx.localize(obj, "tagline"),
        "description": ctx.localize(obj, "description"),
        "founded_year": obj.founded_year,
        "headquarters": ctx.localize(obj, "headquarters"),
        "website": obj.website or None,
        "logo": image(obj, "logo", ctx),
        **publication(obj),
    }


def person(obj, ctx):
    ctx.show(obj)
    return {
        "id": obj.pk,
        "slug": obj.slug_en,
        "slugs": slugs(obj),
        "urls": ctx.urls(obj),
        "name": obj.name,
        "headline": ctx.localize(obj, "headline"),
        "biography": ctx.localize(obj, "biography"),
        "portrait": image(obj, "portrait", ctx),
        "positions": [
            {
                "company": company_ref(position.company, ctx),
                "title": ctx.localize(position, "title"),
                "start_date": position.start_date,
                "end_date": position.end_date,
                "current": position.is_current,
            }
            for position in obj.public_positions
        ],
        **publication(obj),
    }


def press_release(obj, ctx, *, body):
    ctx.show(obj)
    data = {
        "id": obj.pk,
        "slug": obj.slug_en,
        "slugs": slugs(obj),
        "urls": ctx.urls(obj),
        "title": ctx.localize(obj, "title"),
        "summary": ctx.localize(obj, "summary"),
        "issued_on": obj.issued_on,
        "original_language": obj.original_language,
        "company": company_ref(obj.company, ctx),
        "people": [person_ref(p, ctx) for p in obj.people.all()],
        "source_url": obj.source_url or None,
        "press_contact": obj.press_contact or None,
        "image": image(obj, "image", ctx),
        **publication(obj),
    }
    if body:
        data["body"] = ctx.localize(obj, "body")
    return data


def milestone(obj, ctx):
    ctx.show(obj)
    return {
        "id": obj.pk,
        "slug": obj.slug,
        "urls": ctx.urls(obj),
        "date": obj.date,
        "precision": obj.precision,
        "title": ctx.localize(obj, "title"),
        "summary": ctx.localize(obj, "summary"),
        "image": image(obj, "image", ctx),
        "companies": [company_ref(c, ctx) for c in obj.companies.all()],
        "people": [person_ref(p, ctx) for p in obj.people.all()],
        "episodes": [episode_ref(e, ctx) for e in obj.episodes.all()],
        "press_releases": [press_release_ref(r, ctx) for r in obj.press_releases.all()],
        **publication(obj),
    }
