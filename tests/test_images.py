"""Responsive renditions and the {% picture %} tag (renaulution/images.py)."""

import io
import logging
import re
import shutil
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from imagekit.utils import get_cache, sanitize_cache_key
from PIL import Image

from companies.models import PressRelease
from renaulution.images import PRESETS, generate_all_renditions, rendition_url
from renaulution.languages import codes
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
    SeriesProducerFactory,
    image_file,
)
from tests.servers import RedisServer
from tests.test_admin import editor, press_release_form  # noqa: F401 - editor is a fixture

pytestmark = pytest.mark.django_db


class _Pictures(HTMLParser):
    """Every <picture> of a page: its <source> and <img> attributes."""

    def __init__(self):
        super().__init__()
        self.pictures = []
        self.loose_images = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._open = {"sources": [], "img": None}
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(attrs)
        elif tag == "img":
            if self._open is None:
                self.loose_images.append(attrs)
            else:
                self._open["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture":
            self.pictures.append(self._open)
            self._open = None


def pictures(html):
    parser = _Pictures()
    parser.feed(html)
    return parser


def render_picture(obj, field, **options):
    arguments = " ".join(f"{key}={value!r}" for key, value in options.items())
    template = Template("{% load renaulution %}{% picture obj field " + arguments + " %}")
    return template.render(Context({"obj": obj, "field": field}))


def srcset(value):
    """[(url, width)] from a srcset attribute."""
    entries = []
    for entry in value.split(","):
        url, descriptor = entry.split()
        assert descriptor.endswith("w")
        entries.append((url, int(descriptor[:-1])))
    return entries


def media_name(url):
    return url.removeprefix(settings.MEDIA_URL)


def media_file(url):
    return Path(settings.MEDIA_ROOT) / media_name(url)


def rendition_states(urls):
    """What the cache says of each rendition (None: nothing, it was never seen or evicted)."""
    keys = [
        sanitize_cache_key(f"{settings.IMAGEKIT_CACHE_PREFIX}{media_name(url)}-state")
        for url in urls
    ]
    states = get_cache().get_many(keys)
    return [states.get(key) for key in keys]


def rendition_files():
    """{path: mtime} of every rendition written so far."""
    root = Path(settings.MEDIA_ROOT) / settings.IMAGEKIT_CACHEFILE_DIR
    return {path: path.stat().st_mtime_ns for path in root.rglob("*") if path.is_file()}


# Renditions ---------------------------------------------------------------


def test_each_rendition_has_its_width_format_and_the_original_aspect_ratio():
    episode = EpisodeFactory(with_image=True)  # a 1280×720 JPEG
    picture = pictures(render_picture(episode, "still", preset="detail")).pictures[0]
    webp = srcset(picture["sources"][0]["srcset"])
    jpeg = srcset(picture["img"]["srcset"])
    # 1792 is left out: it would upscale the 1280-pixel original.
    assert [width for _url, width in webp] == [480, 768, 1024, 1280]
    assert [width for _url, width in jpeg] == [480, 768, 1024, 1280]
    for entries, image_format in ((webp, "WEBP"), (jpeg, "JPEG")):
        for url, width in entries:
            with Image.open(media_file(url)) as image:
                assert image.format == image_format
                assert image.size == (width, round(width * 720 / 1280))


def test_a_cropping_preset_cuts_the_original_to_its_aspect_ratio():
    episode = EpisodeFactory(with_image=True, still=image_file("wide.jpg", (1000, 750)))  # 4:3
    picture = pictures(render_picture(episode, "still", preset="card")).pictures[0]
    entries = srcset(picture["img"]["srcset"])
    # Every card width fits in the 1000 pixels of the original.
    assert [width for _url, width in entries] == [320, 480, 640, 960]
    for url, width in entries:
        with Image.open(media_file(url)) as image:
            assert image.size == (width, width * 9 // 16)
    assert (picture["img"]["width"], picture["img"]["height"]) == ("960", "540")


def test_an_original_smaller_than_every_width_is_offered_at_its_own_size_only():
    episode = EpisodeFactory(with_image=True, still=image_file("small.jpg", (300, 200)))
    picture = pictures(render_picture(episode, "still", preset="detail")).pictures[0]
    assert [w for _url, w in srcset(picture["sources"][0]["srcset"])] == [300]
    ((url, _width),) = srcset(picture["img"]["srcset"])
    with Image.open(media_file(url)) as image:
        assert image.size == (300, 200)
    assert (picture["img"]["width"], picture["img"]["height"]) == ("300", "200")


def test_a_transparent_logo_keeps_its_transparency_in_png_and_webp():
    company = CompanyFactory(with_image=True)  # RGBA PNG, transparent frame
    picture = pictures(render_picture(company, "logo", preset="logo")).pictures[0]
    assert [w for _u, w in srcset(picture["img"]["srcset"])] == [128, 256, 384]
    for entries, image_format in (
        (srcset(picture["img"]["srcset"]), "PNG"),
        (srcset(picture["sources"][0]["srcset"]), "WEBP"),
    ):
        for url, width in entries:
            with Image.open(media_file(url)) as image:
                assert image.format == image_format
                assert image.size == (width, width)
                rgba = image.convert("RGBA")
                assert rgba.getpixel((0, 0))[3] == 0  # the corner stays transparent
                assert rgba.getpixel((width // 2, width // 2))[3] == 255
    assert picture["img"]["src"].endswith(".png")


def test_an_opaque_photograph_falls_back_to_jpeg():
    release = PressReleaseFactory(with_image=True)
    picture = pictures(render_picture(release, "image")).pictures[0]
    assert all(url.endswith(".jpg") for url, _w in srcset(picture["img"]["srcset"]))
    assert all(url.endswith(".webp") for url, _w in srcset(picture["sources"][0]["srcset"]))


def test_rendition_url_gives_a_1200_pixel_jpeg_for_sharing():
    release = PressReleaseFactory(with_image=True, image=image_file("big.jpg", (2400, 1260)))
    with Image.open(media_file(rendition_url(release.image))) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))


def test_rendition_url_is_empty_for_a_rendition_that_was_not_made():
    release = PressReleaseFactory(with_image=True, image=image_file("big.jpg", (2400, 1260)))
    written = rendition_files()
    assert rendition_url(release.image, 600, "WEBP") == ""  # no page shows that one
    assert rendition_files() == written


def test_rendition_url_never_upscales_and_is_empty_without_an_image():
    release = PressReleaseFactory(with_image=True, image=image_file("small.jpg", (800, 420)))
    with Image.open(media_file(rendition_url(release.image))) as image:
        assert image.size == (800, 420)
    assert rendition_url(PressReleaseFactory().image) == ""


# HTML -----------------------------------------------------------------------


def test_the_picture_offers_webp_then_a_fallback_with_sizes_and_dimensions():
    episode = EpisodeFactory(with_image=True)
    page = pictures(render_picture(episode, "still", css_class="detail__image", preset="detail"))
    assert page.loose_images == []
    (picture,) = page.pictures
    (source,) = picture["sources"]
    img = picture["img"]
    assert source["type"] == "image/webp"
    assert source["sizes"] == img["sizes"] == PRESETS["detail"].sizes
    assert img["src"] == srcset(img["srcset"])[-1][0]
    assert (img["width"], img["height"]) == ("1280", "720")
    assert img["class"] == "detail__image"
    assert img["decoding"] == "async"


def test_the_main_image_loads_eagerly_first_and_the_others_lazily():
    episode = EpisodeFactory(with_image=True)
    main = pictures(render_picture(episode, "still", eager=True)).pictures[0]["img"]
    assert (main["loading"], main["fetchpriority"]) == ("eager", "high")
    other = pictures(render_picture(episode, "still", preset="card")).pictures[0]["img"]
    assert other["loading"] == "lazy"
    assert "fetchpriority" not in other


def test_a_sizes_argument_overrides_the_presets():
    episode = EpisodeFactory(with_image=True)
    picture = pictures(render_picture(episode, "still", sizes="50vw")).pictures[0]
    assert picture["sources"][0]["sizes"] == picture["img"]["sizes"] == "50vw"


@pytest.mark.parametrize("language", ["en", "fr", "it"])
def test_alt_text_is_in_the_readers_language(language):
    episode = EpisodeFactory(with_image=True)
    with translation.override(language):
        img = pictures(render_picture(episode, "still")).pictures[0]["img"]
    assert (
        img["alt"] == {"en": "The still", "fr": "L'image still", "it": "L'immagine still"}[language]
    )
    assert "lang" not in img


@pytest.mark.parametrize("language", ["fr", "it"])
def test_alt_text_that_fell_back_to_english_is_marked(language):
    episode = EpisodeFactory(with_image=True, still_alt_fr="", still_alt_it="")
    with translation.override(language):
        img = pictures(render_picture(episode, "still")).pictures[0]["img"]
    assert (img["alt"], img["lang"]) == ("The still", "en")


def test_the_pages_use_pictures_with_their_presets(client):
    series = SeriesFactory(with_image=True)
    episode = EpisodeFactory(series=series, with_image=True)
    home = pictures(client.get("/en/").content.decode())
    assert [p["img"]["class"] for p in home.pictures] == ["poster", "card__image"]
    assert home.pictures[0]["img"]["sizes"] == PRESETS["poster"].sizes
    assert home.pictures[1]["img"]["sizes"] == PRESETS["card"].sizes
    detail = pictures(client.get(episode.get_absolute_url()).content.decode())
    (main,) = detail.pictures
    assert main["img"]["sizes"] == PRESETS["detail"].sizes
    assert main["img"]["loading"] == "eager"


def test_no_image_renders_nothing():
    assert render_picture(EpisodeFactory(), "still") == ""


def test_an_image_whose_size_is_unknown_is_shown_as_the_original():
    episode = EpisodeFactory(with_image=True)
    written = rendition_files()
    episode.still_width = episode.still_height = None  # as in rows saved before sizes were stored
    page = pictures(render_picture(episode, "still"))
    assert page.pictures == []
    assert page.loose_images[0]["src"] == episode.still.url
    assert rendition_files() == written


def forget_renditions():
    """As for an image stored before renditions were made at upload."""
    shutil.rmtree(Path(settings.MEDIA_ROOT) / settings.IMAGEKIT_CACHEFILE_DIR)
    cache.clear()


def test_rendition_url_is_empty_when_the_rendition_is_missing():
    release = PressReleaseFactory(with_image=True)
    forget_renditions()
    assert rendition_url(release.image) == ""
    assert rendition_files() == {}


def test_an_unknown_preset_is_named_in_the_error():
    with pytest.raises(ValueError, match="Unknown picture preset 'thumb'"):
        render_picture(EpisodeFactory(with_image=True), "still", preset="thumb")


def test_an_image_without_renditions_is_shown_as_the_original_and_none_is_made(client):
    episode = EpisodeFactory(with_image=True)
    forget_renditions()
    response = client.get(episode.get_absolute_url())
    assert response.status_code == 200
    page = pictures(response.content.decode())
    assert page.pictures == []
    (img,) = [img for img in page.loose_images if img["src"] == episode.still.url]
    assert (img["width"], img["height"]) == ("1280", "720")
    assert rendition_files() == {}


# Caching --------------------------------------------------------------------


def test_a_second_render_writes_no_file_and_makes_no_query(django_assert_num_queries):
    episode = EpisodeFactory(with_image=True)
    written = rendition_files()
    # Made when the episode was saved: card and detail, 4 widths × (WebP,
    # JPEG) each, and the 1200-pixel share JPEG (the preview is detail's 480).
    assert len(written) == 17
    first = render_picture(episode, "still", preset="detail")
    assert rendition_files() == written
    with django_assert_num_queries(0):
        second = render_picture(episode, "still", preset="detail")
    assert second == first
    assert rendition_files() == written  # same files, none rewritten


def test_after_the_cache_is_lost_renditions_are_found_on_disk_not_remade(
    django_assert_num_queries,
):
    episode = EpisodeFactory(with_image=True)
    first = render_picture(episode, "still", preset="card")
    written = rendition_files()
    cache.clear()
    with django_assert_num_queries(0):
        assert render_picture(episode, "still", preset="card") == first
    assert rendition_files() == written


@pytest.fixture(scope="module")
def redis_location(tmp_path_factory):
    """A private Redis server on a socket, so the test shares no data with anyone."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server.url
    server.stop()


def redis_cache(location):
    """The cache settings.py builds from REDIS_URL, at `location`."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
    }


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_rendition_states_are_kept_by_either_cache_backend(
    backend, request, django_assert_num_queries
):
    if backend == "redis":
        location = request.getfixturevalue("redis_location")
        config = redis_cache(location)
    else:
        config = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"}
    episode = EpisodeFactory(with_image=True)
    with override_settings(CACHES={"default": config}):
        caches["default"].clear()
        backend_cache = get_cache()
        assert (
            type(backend_cache).__name__
            == {"locmem": "LocMemCache", "redis": "RedisCache"}[backend]
        )
        written = rendition_files()
        first = render_picture(episode, "still", preset="card")
        assert rendition_files() == written
        urls = [url for url, _w in srcset(pictures(first).pictures[0]["img"]["srcset"])]
        # The cache now says each rendition exists, under a key named after its file.
        assert rendition_states(urls) == ["exists"] * len(urls)
        with django_assert_num_queries(0):
            assert render_picture(episode, "still", preset="card") == first
        assert rendition_files() == written
        caches["default"].clear()


def test_pictures_render_while_redis_is_down(tmp_path, caplog):
    """
    Without Redis the states are not remembered, the disk is asked instead:
    known renditions keep their URLs, new ones are written, and the log says
    so in at most one line, without a traceback.
    """
    server = RedisServer(tmp_path).start()
    seen, unseen = EpisodeFactory(with_image=True), EpisodeFactory(with_image=True)
    with override_settings(CACHES={"default": redis_cache(server.url)}):
        first = render_picture(seen, "still", preset="card")
        server.stop()
        with caplog.at_level(logging.INFO):
            for _ in range(5):
                assert render_picture(seen, "still", preset="card") == first
            new = pictures(render_picture(unseen, "still", preset="card")).pictures[0]
    for url, _width in srcset(new["img"]["srcset"]):
        assert media_file(url).is_file()
    records = [record for record in caplog.records if record.name == "renaulution.cache"]
    assert len(records) <= 1
    assert all(record.exc_info is None for record in records)
    assert "Traceback" not in caplog.text


# List pages: no query per image, for a few rows and many -------------------


def small_still(number):
    # Small, so 300 rows stay quick: one rendition per format, no upscaling.
    return image_file(f"still-{number}.jpg", (64, 36))


@pytest.mark.parametrize("rows", [3, 300])
@pytest.mark.parametrize("warm", [False, True], ids=["cold cache", "warm cache"])
def test_episode_list_with_images_costs_the_same_queries(
    client, django_assert_num_queries, rows, warm
):
    series = SeriesFactory()
    for number in range(1, rows + 1):
        EpisodeFactory(series=series, number=number, with_image=True, still=small_still(number))
    written = rendition_files()
    # Made at save: per row, card and detail in two formats (share and
    # preview are detail's JPEG: the original is narrower than both).
    assert len(written) == rows * 4
    if warm:
        client.get("/en/episodes/")
    else:
        cache.clear()  # a new process: every state is found on disk
    # 2 queries: the count, then a page of published episodes with their
    # series; images cost none, cold (states found on disk) or warm (read
    # from the cache).
    with django_assert_num_queries(2):
        response = client.get("/en/episodes/")
    page = pictures(response.content.decode())
    shown = min(rows, settings.EPISODES_PER_PAGE)
    assert len(page.pictures) == shown
    assert rendition_files() == written
    # The default cache keeps every state: none evicted by the next cards'.
    urls = [srcset(p["img"]["srcset"])[0][0] for p in page.pictures]
    urls += [srcset(p["sources"][0]["srcset"])[0][0] for p in page.pictures]
    assert rendition_states(urls) == ["exists"] * shown * 2


@pytest.mark.parametrize("rows", [3, 300])
@pytest.mark.parametrize("warm", [False, True], ids=["cold cache", "warm cache"])
def test_people_list_with_portraits_costs_the_same_queries(
    client, django_assert_num_queries, rows, warm
):
    company = CompanyFactory()
    for number in range(rows):
        person = PersonFactory(
            with_image=True, portrait=image_file(f"p-{number}.png", (40, 40), "PNG")
        )
        PositionFactory(person=person, company=company)
    if warm:
        client.get("/en/people/")
    # the count, a page's keys, then its people (renaulution/pagination.py);
    # portraits none.
    with django_assert_num_queries(3):
        response = client.get("/en/people/")
    assert len(pictures(response.content.decode()).pictures) == min(rows, settings.PEOPLE_PER_PAGE)


@pytest.mark.parametrize("rows", [3, 300])
def test_home_with_images_costs_the_same_queries(client, django_assert_num_queries, rows):
    series = SeriesFactory(with_image=True, poster=image_file("poster.jpg", (80, 120)))
    SeriesProducerFactory.create_batch(2, series=series)
    for number in range(1, 5):
        EpisodeFactory(series=series, number=number, with_image=True, still=small_still(number))
    PressReleaseFactory.create_batch(rows, with_image=True, image=image_file("p.jpg", (60, 30)))
    # series with platform and subject, its producers, its episodes and their
    # count, the latest press releases with their companies: the same 5 as
    # without images.
    with django_assert_num_queries(5):
        response = client.get("/en/")
    assert len(pictures(response.content.decode()).pictures) == 5


# Pre-generation -------------------------------------------------------------


def test_pre_generation_covers_every_model_with_an_image(client):
    """A milestone's image (the timeline app) is pre-generated like the others'."""
    milestone = MilestoneFactory(image=image_file("milestone.jpg", (1600, 900)))
    assert generate_all_renditions() > 0
    written = rendition_files()
    assert any("milestone" in str(path) for path in written)
    cache.clear()  # a new process: nothing known, everything found on disk
    assert milestone.title in client.get(reverse("timeline:index")).content.decode()
    assert rendition_files() == written


# Made at upload, never in a reader's request --------------------------------


def media_urls(html):
    """Every /media/ address a page shows: <img src>, srcsets, og:image, JSON-LD."""
    return set(re.findall(rf'{re.escape(settings.MEDIA_URL)}[^"\s,<>\\]+', html))


def every_media_file():
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def upload(name, size, format):
    buffer = io.BytesIO()
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.save(buffer, format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{format.lower()}")


def publish_with_image(client, company, slug, image):
    data = press_release_form(company, slug_en=slug, slug_fr="", image=image, status="published")
    return client.post(reverse("admin:companies_pressrelease_add"), data)


ACCEPTED_SHAPES = {
    "photograph": ((1280, 720), "JPEG"),
    "banner at the 20:1 limit": ((2000, 100), "PNG"),
    "strip at the 1:20 limit": ((100, 2000), "JPEG"),
    "one pixel": ((1, 1), "PNG"),
    "39 megapixels": ((7900, 4950), "JPEG"),
}


@pytest.mark.usefixtures("editor")
def test_every_accepted_upload_renders_and_pages_make_no_image(client):
    company = CompanyFactory()
    for number, (shape, (size, format)) in enumerate(ACCEPTED_SHAPES.items()):
        extension = {"JPEG": "jpg", "PNG": "png"}[format]
        response = publish_with_image(
            client, company, f"release-{number}", upload(f"u{number}.{extension}", size, format)
        )
        assert response.status_code == 302, (shape, response.content.decode()[:3000])
    client.logout()
    cache.clear()  # a reader's process, that knows nothing yet
    stored = every_media_file()
    shown = set()
    for release in PressRelease.objects.all():
        for language in codes():
            with translation.override(language):
                response = client.get(release.get_absolute_url())
            assert response.status_code == 200
            urls = media_urls(response.content.decode())
            # The page's picture is made of renditions, not the original.
            assert release.image.url not in urls, release.image.name
            shown |= urls
    # Reading pages wrote nothing: every file was there after the upload.
    assert every_media_file() == stored
    for url in shown:
        assert media_file(url).is_file(), url
        assert client.get(url).status_code == 200, url
    assert len(shown) > len(ACCEPTED_SHAPES) * 2


@pytest.mark.usefixtures("editor")
@pytest.mark.parametrize("size", [(1, 30000), (50000, 2), (2100, 100)])
def test_an_image_of_an_extreme_aspect_ratio_is_refused_with_its_reason(client, size):
    response = publish_with_image(client, CompanyFactory(), "strip", upload("s.png", size, "PNG"))
    assert response.status_code == 200
    (error,) = response.context["adminform"].form.errors["image"]
    width, height = size
    assert f"{width} × {height} pixels" in error
    assert "Crop it to at most 20:1" in error
    assert PressRelease.objects.count() == 0
    assert every_media_file() == set()


@pytest.mark.parametrize("size", [(1, 30000), (50000, 2)])
def test_an_extreme_image_saved_without_the_form_still_renders(client, size):
    """Rows written before the limit (or by a script) show only files that exist."""
    episode = EpisodeFactory(with_image=True, still=image_file("strip.png", size, "PNG"))
    stored = every_media_file()
    for url in (episode.get_absolute_url(), reverse("episodes:episode_list")):
        urls = media_urls(client.get(url).content.decode())
        assert urls
        for media in urls:
            assert client.get(media).status_code == 200, media
    assert every_media_file() == stored


def test_the_loader_makes_the_renditions_so_pages_make_none(client):
    call_command("load_renaulution", stdout=StringIO())
    written = rendition_files()
    assert written
    # What `load_renaulution --renditions` runs, for images stored before: nothing left.
    generate_all_renditions()
    assert rendition_files() == written
    cache.clear()  # a new process: nothing known, everything found on disk
    for url in ("/en/", "/fr/episodes/", "/it/people/"):
        page = client.get(url).content.decode()
        assert media_urls(page)
        assert all(media_file(media).is_file() for media in media_urls(page))
    assert rendition_files() == written
