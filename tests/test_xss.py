"""
Stored cross-site scripting: every payload of tests/xss_payloads.py in every
localized field of every translatable model, in every language, written the
way people write them:

- English by an editor, through the admin's add forms (images uploaded, the
  person's position in its inline);
- French by a French translator, through the admin's change forms;
- Italian by an Italian translator, through an XLIFF file uploaded to the
  import page (tests/translations/test_exchange.py shows the route): plain
  text takes the payloads as text, rich text refuses them (its tags can only
  be the source's, tests/translations/test_exchange_tags.py).

The English source is then changed, so that French and Italian are outdated
and the queues and word diffs have something to show. Then every channel
that shows the text is parsed as a browser would (tests.xss_payloads
.executable_markup): public pages in three languages, feeds, sitemaps,
JSON-LD, search results, the admin's change forms and lists, the
translators' change forms with their source and diff, the dashboard and the
queues. Nothing may come out executable.

Every admin round trip costs, so payloads travel in groups: a group is as
many payloads as fit in the shortest text field (200 characters), joined by
spaces, and object k of each model carries group k in all its fields. Every
payload so meets every field of every model in every language, on about a
quarter of the objects and requests one payload per object would need. The
data is built once for the module and every page is read once; the tests
below assert on what was read.
"""

import datetime
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

import lxml.html
import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from lxml import etree

from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode, Series
from renaulution.languages import codes
from renaulution.richtext import RichTextField
from tests.factories import image_file
from tests.translations.test_exchange import translated_xliff
from tests.xss_payloads import (
    GROUPS,
    PAYLOADS,
    VALUES,
    executable_markup,
    json_ld_blocks,
    json_strings,
)
from timeline.models import Milestone
from translations.exchange import export_units
from translations.registry import translatable_fields

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
PUBLISHED = {"status": "published", "published_at_0": "2024-12-01", "published_at_1": "10:00:00"}
# Models with pages of their own, in the order their objects are made.
MODELS = (Company, Person, PressRelease, Series, Episode, Milestone)
# Plain text that readers see but that is not localized (names).
UNLOCALIZED = {Company: ["name"], Person: ["name"], PressRelease: ["press_contact"]}
# Admin's auxiliary scripts that are same-origin and ours.
OWN_SCRIPTS = ("/admin/jsi18n/",)


def localized_fields(model):
    return translatable_fields(model)


def is_rich(model, name):
    return isinstance(model._meta.get_field(name), RichTextField)


def admin_url(obj, action="change"):
    meta = obj._meta
    if action == "add":
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def form_data(response):
    """What a browser would submit from the admin form on `response`, unchanged."""
    assert response.status_code == 200, response.status_code
    document = lxml.html.fromstring(response.content)
    form = next(f for f in document.forms if (f.get("id") or "").endswith("_form"))
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def post_form(client, url, data):
    """Submit an admin form, which must save (a redirect), else say why not."""
    response = client.post(url, data)
    if response.status_code != 302:
        errors = response.context and response.context.get("errors")
        raise AssertionError(f"{url}: {response.status_code} {errors}")
    return response


def upload(name):
    """A small PNG, uploaded as a browser would."""
    content = image_file(name, (48, 32), "PNG").read()
    return SimpleUploadedFile(name, content, content_type="image/png")


def staff(username, group):
    user = User.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Stored:
    objects: dict = field(default_factory=dict)  # model -> [object k]
    payload_of: dict = field(default_factory=dict)  # (model label, pk) -> k
    tried: Counter = field(default_factory=Counter)  # channel -> payload × field writes
    media: object = None


def localized(model, language, payload, skip=()):
    return {f"{name}_{language}": payload for name in localized_fields(model) if name not in skip}


def editor_writes(client, k, payload):
    """English (and the unlocalized names) through the admin's add forms, as an editor."""
    en = "en"
    made = {}

    def add(model, values, files=(), extra=()):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        blank = ADD_FORMS.setdefault(model, None) or form_data(client.get(url))
        ADD_FORMS[model] = blank
        data = {**blank, **PUBLISHED, **localized(model, en, payload), **values, **dict(extra)}
        for name in UNLOCALIZED.get(model, []):
            data[name] = payload
        for name in files:
            data[name] = upload(f"{name}.png")
        post_form(client, url, data)
        obj = model.objects.latest("pk")
        made[model] = obj
        return obj

    company = add(
        Company,
        {"slug_en": f"payload-company-{k}", "kind": "brand"},
        files=["logo"],
    )
    person = add(
        Person,
        {"slug_en": f"payload-person-{k}"},
        files=["portrait"],
        extra={
            "positions-0-company": str(company.pk),
            "positions-0-title_en": payload,
            "positions-0-start_date": "2020-07-01",
        },
    )
    release = add(
        PressRelease,
        {
            "slug_en": f"payload-release-{k}",
            "company": str(company.pk),
            "people": [str(person.pk)],
            "issued_on": (datetime.date(2024, 12, 13) - datetime.timedelta(days=k)).isoformat(),
            "original_language": "en",
        },
        files=["image"],
    )
    series = add(
        Series,
        {
            "premiere_date": "2024-12-13",
            "platform": str(company.pk),
            "subject": str(company.pk),
            "seriesproducer_set-0-company": str(company.pk),
        },
        files=["poster"],
    )
    episode = add(
        Episode,
        {
            "series": str(series.pk),
            "number": "1",
            "slug_en": f"payload-episode-{k}",
            "runtime_minutes": "40",
            "release_date": "2024-12-13",
            "people": [str(person.pk)],
            "episodecompany_set-0-company": str(company.pk),
        },
        files=["still"],
    )
    add(
        Milestone,
        {
            "date": (datetime.date(2021, 1, 14) + datetime.timedelta(days=k)).isoformat(),
            "precision": "day",
            "slug": f"payload-milestone-{k}",
            "companies": [str(company.pk)],
            "people": [str(person.pk)],
            "episodes": [str(episode.pk)],
            "press_releases": [str(release.pk)],
        },
        files=["image"],
    )
    made[Position] = person.positions.get()
    return made


ADD_FORMS = {}


def translator_writes(client, obj, payload, language):
    """A translator's change form, its fields in `language` set to `payload`, saved."""
    url = admin_url(obj)
    response = client.get(url)
    data = form_data(response)
    data.update(localized(type(obj), language, payload))
    if isinstance(obj, Person):
        data.update({f"positions-0-title_{language}": payload})
    post_form(client, url, data)
    return response


@pytest.fixture(scope="module")
def stored(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("xss-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        data = Stored(media=media, objects={model: [] for model in (*MODELS, Position)})
        editor = staff("xss-editor", "Editors")
        for k, value in enumerate(VALUES):
            made = editor_writes(editor, k, value)
            for model, obj in made.items():
                data.objects[model].append(obj)
                data.payload_of[(obj._meta.label_lower, obj.pk)] = k
                fields = len(localized_fields(model)) + len(UNLOCALIZED.get(model, []))
                data.tried["admin add form (editor, en)"] += fields * len(GROUPS[k])

        french = staff("xss-traductrice", "Translators (fr)")
        data.translator_pages = []
        for model in MODELS:
            for k, obj in enumerate(data.objects[model]):
                response = translator_writes(french, obj, VALUES[k], "fr")
                fields = len(localized_fields(model)) + (model is Person)
                data.tried["admin change form (translator, fr)"] += fields * len(GROUPS[k])
                data.translator_pages.append((admin_url(obj), response.content.decode()))

        italian = staff("xss-traduttore", "Translators (it)")

        # Plain text takes a payload as text. Rich text takes no markup from a
        # file but the source's own tags: a payload pasted into it is refused.
        targets, rich = {}, {}
        for unit in export_units("it"):
            k = data.payload_of.get((unit.model_label, unit.object_id))
            if k is not None:
                (rich if unit.rich_text else targets)[unit.id] = VALUES[k]
                data.tried["XLIFF import (translator, it)"] += len(GROUPS[k])
        response = italian.post(
            reverse("translations:import"),
            {"file": SimpleUploadedFile("it.xlf", translated_xliff("it", targets=targets))},
        )
        assert response.status_code == 200
        report = response.context["report"]
        assert report.errors == []
        response = italian.post(
            reverse("translations:import"),
            {"file": SimpleUploadedFile("it.xlf", translated_xliff("it", targets=rich))},
        )
        assert response.status_code == 200
        refused = {error.split(" ", 1)[0] for error in response.context["report"].errors}
        assert refused == set(rich)

        # The English source changes: French and Italian become outdated, so the
        # queues list every object and the change forms show a word diff.
        for model in (*MODELS, Position):
            for obj in data.objects[model]:
                obj.refresh_from_db()
                for name in localized_fields(model):
                    if getattr(obj, f"{name}_en"):
                        setattr(obj, f"{name}_en", f"{getattr(obj, f'{name}_en')} v2")
                obj.save()
        data.editor = editor
        data.french = french
        data.italian = italian
        yield data
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_root(settings, stored):
    """The module's uploads, not a new empty folder per test (tests/conftest.py)."""
    settings.MEDIA_ROOT = stored.media


@dataclass
class Reading:
    channel: str
    url: str
    html: str
    problems: list
    obj: object = None


@dataclass
class Readings:
    pages: list = field(default_factory=list)
    seconds: Counter = field(default_factory=Counter)
    last: float = field(default_factory=time.monotonic)

    def add(self, channel, url, html, problems=None, obj=None):
        now = time.monotonic()
        self.seconds[channel.split(" (")[0]] += now - self.last
        self.last = now
        if problems is None:
            problems = executable_markup(html, own_scripts=OWN_SCRIPTS)
        self.pages.append(Reading(channel, url, html, problems, obj))
        return self.pages[-1]

    def problems(self):
        return [
            (page.channel, page.url, problem) for page in self.pages for problem in page.problems
        ]

    def by_channel(self):
        return Counter(page.channel for page in self.pages)


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return response.content.decode()


def read_feed(readings, client, language, name):
    """Each item's HTML-typed text, parsed as the HTML a feed reader renders."""
    with translation.override(language):
        url = reverse(name)
    root = etree.fromstring(client.get(url).content)
    texts = [el.text or "" for el in root.iter("description", "{*}summary")]
    problems = [p for text in texts for p in executable_markup(f"<div>{text}</div>")]
    readings.add(f"feed ({language})", url, "", problems)


def read_sitemaps(readings, client):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    for loc in index.iter("{*}loc"):
        path = loc.text.removeprefix("http://testserver")
        root = etree.fromstring(client.get(path).content)
        # Addresses only: no element of a payload may have become XML here.
        problems = [
            element.tag
            for element in root.iter()
            if isinstance(element.tag, str)
            and etree.QName(element).namespace
            not in {"http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.w3.org/1999/xhtml"}
        ]
        readings.add("sitemap", path, "", problems)


def paged(client, url, limit=20):
    """Every page of a paginated list (at most `limit`)."""
    pages = []
    for number in range(1, limit + 1):
        response = client.get(url, {"page": number} if number > 1 else {})
        assert response.status_code == 200, f"{url} page {number}: {response.status_code}"
        pages.append((f"{url}?page={number}", response.content.decode()))
        page = response.context.get("page_obj")
        if page is None or not page.has_next():
            break
    return pages


def read_public(readings, stored, language):
    client = Client()
    with translation.override(language):
        lists = {
            "home": reverse("home"),
            "episode list": reverse("episodes:episode_list"),
            "company list": reverse("companies:company_list"),
            "person list": reverse("companies:person_list"),
            "timeline": reverse("timeline:index"),
        }
        for channel, url in lists.items():
            readings.add(f"{channel} ({language})", url, get_html(client, url))
        for url, html in paged(client, reverse("companies:pressrelease_list")):
            readings.add(f"press list ({language})", url, html)
        search = reverse("search")
        for url, html in paged(client, f"{search}?q=xss", limit=3):
            readings.add(f"search results ({language})", url, html)
        # Each group typed as the query: echoed in the form and the heading,
        # and matched in the snippets' highlighting.
        for value in VALUES:
            url = f"{search}?{urlencode({'q': value})}"
            readings.add(f"search for the payloads ({language})", url, get_html(client, url))
        for model in (Company, Person, PressRelease, Episode):
            for obj in stored.objects[model]:
                url = obj.get_absolute_url()
                html = get_html(client, url)
                readings.add(f"{model._meta.model_name} page ({language})", url, html, obj=obj)
    for name in ("companies:pressrelease_feed", "companies:pressrelease_feed_atom"):
        read_feed(readings, client, language, name)


def read_admin(readings, stored):
    editor, french, italian = stored.editor, stored.french, stored.italian
    for model in MODELS:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        readings.add("admin list", changelist, get_html(editor, changelist))
        readings.add("admin search", changelist, get_html(editor, f"{changelist}?q=xss"))
        for obj in stored.objects[model]:
            url = admin_url(obj)
            readings.add("admin change form (editor)", url, get_html(editor, url), obj=obj)
            # Outdated now: the source beside the target, with its word diff.
            html = get_html(french, url)
            readings.add("admin change form (translator, diff)", url, html, obj=obj)
    for url, html in stored.translator_pages:
        readings.add("admin change form (translator)", url, html)
    for client, language in ((french, "fr"), (italian, "it")):
        readings.add(
            "translations dashboard", "/", get_html(client, reverse("translations:dashboard"))
        )
        queue = reverse("translations:queue", args=[language])
        for url, html in paged(client, queue):
            readings.add(f"translations queue ({language})", url, html)


@pytest.fixture(scope="module")
def readings(stored, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=stored.media):
        result = Readings()
        for language in LANGUAGES:
            read_public(result, stored, language)
        read_sitemaps(result, Client())
        read_admin(result, stored)
        return result


def test_no_payload_comes_out_executable(stored, readings, capsys):
    """The figure to quote: payload × field writes per channel, pages read, executable found."""
    problems = readings.problems()
    writes = sum(stored.tried.values())
    with capsys.disabled():
        print(
            f"\nXSS: {len(PAYLOADS)} payloads in {len(GROUPS)} groups; "
            f"{writes} payload × field × language writes ({dict(stored.tried)}); "
            f"{len(readings.pages)} pages, feeds and sitemaps read "
            f"({len(readings.by_channel())} channels); {len(problems)} executable"
        )
    assert len(PAYLOADS) >= 50
    assert problems == []


def readings_of(readings, channel_start):
    pages = [page for page in readings.pages if page.channel.startswith(channel_start)]
    assert pages, channel_start
    return pages


def value_of(stored, obj):
    return VALUES[stored.payload_of[obj._meta.label_lower, obj.pk]]


@pytest.mark.parametrize("model", ["company", "person", "pressrelease", "episode"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_text_shows_as_the_characters_written(stored, readings, model, language):
    """Escaped, not stripped: each page's heading reads exactly the group of payloads."""
    for page in readings_of(readings, f"{model} page ({language})"):
        heading = lxml.html.document_fromstring(page.html).find(".//h1").text_content()
        assert value_of(stored, page.obj) in heading, page.url


@pytest.mark.parametrize("model", ["company", "person", "pressrelease", "episode"])
def test_json_ld_carries_the_payloads_as_strings(stored, readings, model):
    for language in LANGUAGES:
        for page in readings_of(readings, f"{model} page ({language})"):
            blocks = json_ld_blocks(page.html)
            assert blocks, page.url
            assert any(value_of(stored, page.obj) in text for text in json_strings(blocks)), (
                page.url
            )


def test_rich_text_keeps_its_formatting_and_loses_the_rest(stored):
    """Every rich-text field in every language: allowed formatting kept, dangerous parts gone."""
    kept = {
        "<strong>xss</strong>": 0,
        "<em>xss</em>": 0,
        "<blockquote>": 0,
        "<li>": 0,
        "<h2>xss</h2>": 0,
        '<a href="https://example.org">xss</a>': 0,
    }
    checked = 0
    for model, objects in stored.objects.items():
        rich = [name for name in localized_fields(model) if is_rich(model, name)]
        for obj in objects:
            obj.refresh_from_db()
            for name in rich:
                for language in LANGUAGES:
                    html = getattr(obj, f"{name}_{language}")
                    assert executable_markup(html) == [], (obj, name, language)
                    for tag in kept:
                        kept[tag] += tag in html
                    checked += 1
    assert checked >= len(GROUPS) * 3
    # Each formatting payload is in one group: its tag survives in every rich field there.
    assert all(count >= 3 for count in kept.values()), kept


def test_translators_see_a_plain_text_source_as_text(readings):
    """
    Beside a plain-text field, the source shows as the characters it is, as
    readers see it: a title reading "<strong>xss</strong>" is not bold. Only
    rich-text sources may hold elements.
    """
    for page in readings_of(readings, "admin change form (translator, diff)"):
        model = type(page.obj)
        rich = sum(is_rich(model, name) for name in localized_fields(model))
        document = lxml.html.document_fromstring(page.html)
        sources = document.find_class("translation-source__text")
        assert sources, page.url
        with_elements = [source for source in sources if len(source)]
        assert len(with_elements) <= rich, page.url


def test_queues_and_diffs_show_every_outdated_object(stored, readings):
    diffs = readings_of(readings, "admin change form (translator, diff)")
    assert all('class="translation-diff"' in page.html for page in diffs)
    queued = "".join(page.html for page in readings_of(readings, "translations queue (fr)"))
    for model in MODELS:
        for obj in stored.objects[model]:
            assert admin_url(obj) in queued, obj
    # A position is edited inline: the queue links to its person's form.
    for position in stored.objects[Position]:
        assert f"{admin_url(position.person)}#positions-group" in queued, position
