"""
Exact invalidation, proved on the shipped content: every public URL
(the sitemap's, in all three languages, plus feeds, filters, search and
robots.txt) is rendered into the page cache; then a change is made, object
type by object type, through the ORM as the admin, the loader, the XLIFF
import and the shell do; then every URL is rendered afresh, without the
cache, and compared with what the cache held:

- no stale page: a page whose HTML changed must have been invalidated;
- no broad flush: an invalidated page must have changed, or show the
  object (its address or its text, before or after the change), or be a
  search page or a sitemap whose lastmod is the newest of everything.

The tests share one copy of the content and of the filled cache (built
once for the module, in a transaction rolled back at the end); each test's
change is rolled back after it and the cache put back as it was.
"""

import re
from html import escape

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.utils import timezone, translation
from lxml import etree

from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode, Series
from renaulution import invalidation, pagecache
from renaulution.publishing import Status
from tests.factories import image_file
from timeline.models import Milestone

LANGUAGES = [code for code, _name in settings.LANGUAGES]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root():
    """The module keeps one media folder (the shipped images) for all its tests."""


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PAGE_CACHE=True),
        translation.override(settings.LANGUAGE_CODE),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_renaulution", verbosity=0)
            cache.clear()
            state = Site()
            state.snapshot()
            yield state
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


class Site:
    """The URLs, and what the page cache holds for each."""

    def __init__(self):
        self.client = Client()
        self.urls = self.discover()
        self.served = {url: self.get(url) for url in self.urls}

    def snapshot(self):
        """The filled local-memory cache and the pages, to start each test from."""
        self.saved = (dict(cache._cache), dict(cache._expire_info), dict(self.served))

    def restore(self):
        entries, expiry, served = self.saved
        cache.clear()
        cache._cache.update(entries)
        cache._expire_info.update(expiry)
        self.served = dict(served)

    def get(self, url):
        """The page's text; a page gone (a release deleted) is its status."""
        response = self.client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        return response.content.decode() if response.status_code == 200 else "404"

    def discover(self):
        namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        urls = ["/sitemap.xml", "/robots.txt"]
        index = etree.fromstring(self.client.get("/sitemap.xml").content)
        for section in index.findall("s:sitemap/s:loc", namespace):
            path = re.sub(r"^https?://[^/]+", "", section.text)
            urls.append(path)
            tree = etree.fromstring(self.client.get(path).content)
            for loc in tree.iter():
                href = loc.text if loc.tag.endswith("loc") else loc.get("href")
                if href and "sitemap" not in href:
                    urls.append(re.sub(r"^https?://[^/]+", "", href))
        release = PressRelease.objects.published().first()
        for code in LANGUAGES:
            urls += [
                f"/{code}/press/feed/",
                f"/{code}/press/feed/atom/",
                f"/{code}/press/?company={release.company.slug}",
                f"/{code}/press/?year={release.issued_on.year}",
                f"/{code}/press/?kind=release",
                f"/{code}/press/?kind=article",
                f"/{code}/search/?q=renault",
                f"/{code}/search/?q=ampere",
            ]
        # Year pages of a year inside the span and of its first year, and
        # one company's releases of one year.
        urls += ["/en/press/?year=2021", "/en/press/?year=2023", company_year_url(release)]
        # One kind of one year, and of one company.
        urls += [
            "/en/press/?kind=article&year=2021",
            "/en/press/?kind=release&company=renault-group",
        ]
        return sorted(set(urls))

    def check(self, change, markers):
        """
        Apply `change`, then compare every page with what the cache held:
        none stale, and every dropped page changed or shows the object.
        """
        with TestCase.captureOnCommitCallbacks(execute=True):
            change()
        invalidated = {url for url in self.urls if self.is_invalidated(url)}
        # Each page rendered once: the kept ones without the cache (to catch
        # a stale one), the dropped ones through it (a miss renders afresh).
        with override_settings(PAGE_CACHE=False):
            fresh = {url: self.get(url) for url in self.urls if url not in invalidated}
        fresh.update({url: self.get(url) for url in invalidated})
        changed = {url for url in self.urls if fresh[url] != self.served[url]}
        stale = sorted(changed - invalidated)
        assert not stale, f"stale pages: {stale}"
        assert changed, "the change shows on no page: the test proves nothing"
        markers = [m for m in markers if m]
        broad = sorted(
            url
            for url in invalidated
            # Sitemaps' lastmod is the newest change of what they list.
            if url not in changed
            and "/search/" not in url
            and url not in ("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-timeline.xml")
            and not any(m in self.served[url] or m in fresh[url] for m in markers)
        )
        assert not broad, f"invalidated pages that do not show it: {broad}"
        # Through the middleware, every page now answers its fresh version.
        for url in self.urls:
            assert fresh[url] == "404" or not self.is_invalidated(url), url
            assert self.get(url) == fresh[url], url
        self.served = fresh
        print(f"{len(changed)} changed, {len(invalidated)} invalidated of {len(self.urls)}")
        return changed, invalidated

    def is_invalidated(self, url):
        from django.test import RequestFactory

        entry = cache.get(pagecache.cache_key(RequestFactory().get(url)))
        return entry is None or pagecache._stale(entry)


def urls_of(obj):
    """The object's address in every language (what pages link to)."""
    found = []
    for code in LANGUAGES:
        with translation.override(code):
            found.append(
                obj.get_absolute_url().split("#")[0]
                if "#" not in obj.get_absolute_url()
                else obj.get_absolute_url().split("#")[1]
            )
    return found


@pytest.fixture(autouse=True)
def _fresh_start(site):
    site.restore()


def test_the_site_is_all_cached_to_begin_with(site):
    assert len(site.urls) > 60
    assert not [url for url in site.urls if site.is_invalidated(url)]


def test_editing_a_press_release_text(site):
    release = PressRelease.objects.published().first()

    def change():
        release.title_fr = "Un titre tout neuf"
        release.save()

    changed, invalidated = site.check(change, [*urls_of(release), "Un titre tout neuf"])
    assert any(url.startswith("/fr/") for url in changed)


def test_renaming_a_press_release_slug_refreshes_the_sitemap_that_lists_it(site):
    # A text-only edit announces only the object's key; the sitemap section
    # reads its rows as values() and must still be dropped: its URL changed.
    release = PressRelease.objects.published().first()

    def change():
        release.slug_fr = "un-nom-tout-neuf"
        release.save()

    changed, invalidated = site.check(change, [*urls_of(release), "un-nom-tout-neuf"])
    assert "/sitemap-press.xml" in changed
    assert "/sitemap-press.xml" in invalidated


def test_publishing_a_draft_press_release(site):
    release = PressRelease.objects.published().first()
    with TestCase.captureOnCommitCallbacks(execute=True):
        draft = PressRelease.objects.create(
            slug_en="a-fresh-release",
            title_en="A fresh release",
            summary_en="Fresh news.",
            body_en="<p>Fresh news.</p>",
            company=release.company,
            issued_on=timezone.localdate(),
            status=Status.DRAFT,
        )
    # A new draft shows nowhere: no page was dropped for it.
    assert not [url for url in site.urls if site.is_invalidated(url)]

    def change():
        draft.status = Status.PUBLISHED
        draft.save()

    changed, _invalidated = site.check(change, [*urls_of(draft), "A fresh release"])
    assert "/en/" in changed and "/en/press/feed/" in changed


def test_unpublishing_with_the_admin_action(site):
    """The admin's action is a queryset update: no model signal."""
    release = PressRelease.objects.published().first()

    def change():
        PressRelease.objects.filter(pk=release.pk).update(status=Status.DRAFT)

    changed, _ = site.check(change, [*urls_of(release)])
    assert "/en/" in changed


def test_deleting_a_press_release(site):
    release = PressRelease.objects.published().last()
    markers = [*urls_of(release)]
    site.check(release.delete, markers)


def company_year_url(release):
    return f"/en/press/?company={release.company.slug}&year={release.issued_on.year}"


def published_release(issued_on, slug, company=None):
    """A new published release of the first company, dated `issued_on` (a string, as forms give)."""
    return PressRelease.objects.create(
        slug_en=slug,
        title_en=slug.replace("-", " ").capitalize(),
        summary_en="Fresh news.",
        body_en="<p>Fresh news.</p>",
        company=company or Company.objects.published().first(),
        issued_on=issued_on,
        status=Status.PUBLISHED,
    )


def test_deleting_a_release_below_home_keeps_home_and_other_years(site):
    """The fourth latest release: out of home's three, dated inside the span of years."""
    release = PressRelease.objects.published()[3]
    assert release.issued_on.year == 2023
    _changed, invalidated = site.check(release.delete, [*urls_of(release)])
    assert "/en/press/?year=2023" in invalidated
    kept = ["/en/", "/fr/", "/it/", "/en/press/?year=2021", "/en/press/?year=2024"]
    assert not invalidated & set(kept)


def test_publishing_an_old_release_keeps_home(site):
    """Dated between the releases, as a string: it fills no place on home."""

    def change():
        published_release("2022-06-01", "an-old-release")

    _changed, invalidated = site.check(change, ["an-old-release", "An old release"])
    assert "/en/press/" in invalidated
    kept = ["/en/", "/en/press/?year=2021", "/en/press/?year=2023", "/en/press/?year=2024"]
    assert not invalidated & set(kept)


def test_publishing_the_latest_release_drops_home(site):
    def change():
        published_release(timezone.localdate().isoformat(), "the-latest-release")

    changed, _invalidated = site.check(change, ["the-latest-release", "The latest release"])
    assert {"/en/", "/fr/", "/it/"} <= changed
    # A new last year: every press list's year choices grow.
    assert "/en/press/?year=2021" in changed


def test_a_company_s_year_is_kept_by_other_companies_and_other_years(site):
    release = PressRelease.objects.published().first()
    other = Company.objects.published().exclude(pk=release.company_id).first()
    year = release.issued_on.year
    both = company_year_url(release)

    def change():
        published_release(f"{year}-05-05", "same-year-other-company", company=other)
        published_release(f"{year - 1}-05-05", "same-company-other-year", company=release.company)

    changed, invalidated = site.check(change, ["same-year-other-company", "other-year"])
    assert {f"/en/press/?company={release.company.slug}", f"/en/press/?year={year - 1}"} <= changed
    assert both not in invalidated


def test_a_company_s_year_is_dropped_by_its_own_new_release(site):
    release = PressRelease.objects.published().first()

    def change():
        published_release(
            f"{release.issued_on.year}-01-02", "same-year-same-company", company=release.company
        )

    changed, _invalidated = site.check(change, ["same-year-same-company"])
    assert company_year_url(release) in changed


@pytest.mark.parametrize("how", ["save", "update"])
def test_changing_a_kind_drops_the_kind_lists_and_keeps_other_years(site, how):
    """Saved (a signal) or as a queryset update (no signal), both kinds' lists are told."""
    article = PressRelease.objects.published().filter(
        kind=PressRelease.Kind.ARTICLE, issued_on__year=2023
    )[0]

    def change():
        if how == "update":
            PressRelease.objects.filter(pk=article.pk).update(kind=PressRelease.Kind.RELEASE)
            return
        article.kind = PressRelease.Kind.RELEASE
        article.save()

    changed, invalidated = site.check(change, [*urls_of(article)])
    assert {"/en/press/?kind=release", "/en/press/?kind=article", "/fr/press/"} <= changed
    assert not invalidated & {"/en/press/?kind=article&year=2021", "/en/press/?year=2021"}


def test_unpublishing_an_episode_drops_its_neighbours_only(site):
    episodes = list(Episode.objects.published().order_by("number"))
    second = episodes[1]

    def unpublish():
        second.status = Status.DRAFT
        second.save()

    changed, invalidated = site.check(unpublish, [*urls_of(second)])
    assert {*urls_of(episodes[0]), *urls_of(episodes[2])} <= changed
    assert not invalidated & set(urls_of(episodes[3]))


def test_moving_a_press_release_to_another_company(site):
    release = PressRelease.objects.published().first()
    other = Company.objects.published().exclude(pk=release.company_id).first()
    markers = [*urls_of(release), *urls_of(other), *urls_of(release.company)]

    def change():
        release.company = other
        release.save()

    site.check(change, markers)


def test_editing_a_company(site):
    company = Company.objects.published().filter(press_releases__isnull=False).first()

    def change():
        company.tagline_it = "Una frase nuova"
        company.save()

    # Pages that name it as a release's company show it too: the press
    # lists' lines and the feeds' categories.
    name = escape(company.name)
    shown = [f"· {name}</p>", f"<category>{name}</category>", f'<category term="{name}"']
    site.check(change, [*urls_of(company), "Una frase nuova", *shown])


def test_publishing_a_new_company(site):
    parent = Company.objects.published().filter(parent__isnull=True).first()

    def change():
        Company.objects.create(
            name="Zeta Motors",
            slug_en="zeta-motors",
            kind=parent.kind,
            parent=parent,
            status=Status.PUBLISHED,
        )

    # Each company page lists its group's companies: all of them are
    # dropped (the `:list` key of companies is on each), not one more.
    site.check(change, ["zeta-motors", "/companies/"])


def test_mentioning_a_person_in_a_press_release(site):
    person = Person.objects.published().first()
    release = PressRelease.objects.published().exclude(people=person).first()
    site.check(lambda: release.people.add(person), [*urls_of(person), *urls_of(release)])


def test_editing_and_adding_a_position(site):
    position = Position.objects.select_related("person", "company").first()

    def change():
        position.title_en = "Chief Everything Officer"
        position.save()

    markers = [*urls_of(position.person), *urls_of(position.company), "Chief Everything"]
    site.check(change, markers)


def test_editing_the_series(site):
    series = Series.objects.published().first()

    def change():
        series.synopsis_en = "<p>A brand new synopsis.</p>"
        series.save()

    site.check(change, ["A brand new synopsis", *urls_of(series)])


def test_changing_an_episodes_runtime_refreshes_the_series_total(site):
    """The home page adds up every episode's runtime: it must not keep the old sum."""
    episode = Episode.objects.published().last()

    def change():
        episode.runtime_minutes += 7
        episode.save()

    changed, _invalidated = site.check(change, [*urls_of(episode)])
    assert {"/en/", "/fr/", "/it/"} <= changed


def test_unpublishing_an_episode(site):
    episode = Episode.objects.published().last()

    def unpublish():
        episode.status = Status.DRAFT
        episode.save()

    site.check(unpublish, [*urls_of(episode)])


def test_editing_a_milestone(site):
    milestone = Milestone.objects.published().first()

    def change():
        milestone.summary_en = "A milestone rewritten."
        milestone.save()

    site.check(change, [milestone.slug, "A milestone rewritten."])


def test_giving_a_press_release_an_image(site):
    release = PressRelease.objects.published().first()

    def change():
        release.image = image_file("new-photo.jpg", (800, 450))
        release.save()

    site.check(change, [*urls_of(release), "new-photo"])


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        # Text read as values(): the page shows it, without an instance.
        (lambda: PressRelease.objects.values("pk", "slug_fr"), {"companies.pressrelease:any"}),
        (
            lambda: PressRelease.objects.values_list("title_en", flat=True),
            {"companies.pressrelease:any"},
        ),
        # A related model's text: that model's key.
        (lambda: PressRelease.objects.values("company__name"), {"companies.company:any"}),
        # Pks and dates change only with a membership or a date, which the
        # `:list` and gap keys announce; instances give their own keys.
        (lambda: PressRelease.objects.values("pk", "issued_on"), set()),
        (lambda: PressRelease.objects.all(), set()),
    ],
)
def test_rows_read_as_values_name_the_model_when_they_show_text(read, expected):
    PressRelease.objects.create(
        slug_en="read",
        title_en="Read",
        company=Company.objects.create(name="C", slug_en="c"),
        issued_on=timezone.localdate(),
    )
    with invalidation.collect() as collector:
        list(read())
    assert {key for key in collector.keys if key.endswith(":any")} == expected
