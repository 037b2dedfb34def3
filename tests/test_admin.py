import datetime
import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from companies.models import Company, PressRelease
from renaulution import fields
from renaulution.conflicts import SNAPSHOT_FIELD
from renaulution.roles import EDITORS, translator_group_names
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
    SeriesProducerFactory,
)
from tests.html import read_page

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def menu_script():
    """Every public page's one script of code: the phone menu (templates/base.html)."""
    return {"src": static("js/menu.js"), "defer": None}


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def png_upload(name="image.png", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "gold").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def press_release_form(company, **overrides):
    data = {
        "title_en": "Ampere starts",
        "title_fr": "Ampere démarre",
        "title_it": "Ampere parte",
        "slug_en": "ampere-starts",
        "slug_fr": "ampere-demarre",
        "slug_it": "",
        "summary_en": "The electric arm is launched.",
        "summary_fr": "La branche électrique est lancée.",
        "summary_it": "Il ramo elettrico è lanciato.",
        "body_en": "<p>English <strong>body</strong>.</p>",
        "body_fr": "<p>Corps français.</p>",
        "body_it": "<p>Corpo italiano.</p>",
        "image_alt_en": "",
        "image_alt_fr": "",
        "image_alt_it": "",
        "kind": "release",
        "company": company.pk,
        "issued_on": "2023-11-01",
        "original_language": "en",
        "source_name": "",
        "source_url": "",
        "press_contact": "",
        "status": "draft",
        "published_at_0": "2023-11-01",
        "published_at_1": "09:00:00",
    }
    return data | overrides


def test_the_role_groups_exist_with_their_permissions():
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_pressrelease", "change_episode", "delete_company", "view_person"} <= codenames
    for name in translator_group_names():
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert "change_pressrelease" in codenames
        assert "view_company" in codenames
        assert not any(code.startswith(("add_", "delete_")) for code in codenames)


def test_an_editor_creates_publishes_and_readers_see_it_in_each_language(client, editor):
    company = CompanyFactory(name="Renault Group")
    person = PersonFactory()
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(company, people=[person.pk], image=png_upload()),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get(slug_en="ampere-starts")
    assert release.slug_it is None
    assert release.image_width == 40
    assert client.get("/en/press/ampere-starts/").status_code == 200  # staff preview
    client.logout()
    assert client.get("/en/press/ampere-starts/").status_code == 404  # still a draft

    client.force_login(editor)
    response = client.post(
        reverse("admin:companies_pressrelease_changelist"),
        {"action": "publish", "_selected_action": [release.pk]},
    )
    assert response.status_code == 302
    client.logout()
    for path, title in [
        ("/en/press/ampere-starts/", "Ampere starts"),
        ("/fr/press/ampere-demarre/", "Ampere démarre"),
        ("/it/press/ampere-starts/", "Ampere parte"),
    ]:
        response = client.get(path)
        assert response.status_code == 200
        assert read_page(response).h1 == title
    assert "Corps français." in client.get("/fr/press/ampere-demarre/").content.decode()
    assert "Ampere parte" in client.get("/it/press/").content.decode()


def test_unpublish_hides_from_readers(client, editor):
    release = PressReleaseFactory(slug_en="visible")
    client.post(
        reverse("admin:companies_pressrelease_changelist"),
        {"action": "unpublish", "_selected_action": [release.pk]},
    )
    client.logout()
    assert client.get("/en/press/visible/").status_code == 404


PUBLISHABLE_ADMINS = {
    "companies_company": CompanyFactory,
    "companies_person": PersonFactory,
    "companies_pressrelease": PressReleaseFactory,
    "episodes_series": SeriesFactory,
    "episodes_episode": EpisodeFactory,
    "timeline_milestone": MilestoneFactory,
}


@pytest.mark.parametrize("admin_name", PUBLISHABLE_ADMINS)
def test_publishing_keeps_an_embargo_and_says_what_was_scheduled(client, editor, admin_name):
    """The bulk action never lifts an embargo: a future date makes the item scheduled."""
    factory = PUBLISHABLE_ADMINS[admin_name]
    embargo = timezone.now() + datetime.timedelta(days=60)
    embargoed = factory(draft=True, published_at=embargo)
    ready = factory(draft=True, published_at=timezone.now() - datetime.timedelta(days=10))
    before = timezone.now()
    response = client.post(
        reverse(f"admin:{admin_name}_changelist"),
        {"action": "publish", "_selected_action": [embargoed.pk, ready.pk]},
        follow=True,
    )
    assert [str(message) for message in response.context["messages"]] == [
        "1 item published.",
        "1 item scheduled: it appears on its publication date.",
    ]
    embargoed.refresh_from_db()
    ready.refresh_from_db()
    assert (embargoed.status, embargoed.published_at) == ("published", embargo)
    assert not embargoed.is_published
    assert ready.is_published
    assert ready.published_at >= before


def test_an_embargoed_release_published_in_bulk_stays_hidden_until_its_date(client, editor):
    embargoed = PressReleaseFactory(
        draft=True, slug_en="embargoed", published_at=timezone.now() + datetime.timedelta(days=60)
    )
    response = client.post(
        reverse("admin:companies_pressrelease_changelist"),
        {"action": "publish", "_selected_action": [embargoed.pk]},
        follow=True,
        headers={"accept-language": "fr"},
    )
    assert [str(message) for message in response.context["messages"]] == [
        "1 élément programmé\u202f: il paraîtra à sa date de publication."
    ]
    client.logout()
    assert client.get("/en/press/embargoed/").status_code == 404
    assert "embargoed" not in client.get("/en/press/").content.decode()


@pytest.mark.parametrize(
    "field", ["title_fr", "summary_it", "body_en", "body_fr", "image_alt_it", "press_contact"]
)
def test_a_script_in_any_field_is_never_rendered_as_a_script(client, editor, field):
    company = CompanyFactory()
    data = press_release_form(company, status="published", image=png_upload())
    data[field] = data[field] + SCRIPT if data[field] else "Text " + SCRIPT
    response = client.post(reverse("admin:companies_pressrelease_add"), data)
    assert response.status_code == 302
    client.logout()
    for path in [
        "/en/press/ampere-starts/",
        "/fr/press/ampere-demarre/",
        "/it/press/ampere-starts/",
        "/it/press/",
        "/fr/",
    ]:
        response = client.get(path)
        assert response.status_code == 200
        page = read_page(response)
        # The only scripts are the site's own menu script and JSON-LD: data,
        # never run, and the injected text stays a string inside it.
        data = [script for script in page.scripts if script != menu_script()]
        assert len(data) == len(page.scripts) - 1
        assert all(script == {"type": "application/ld+json"} for script in data)
        assert len(page.structured_data()) == len(data)
        assert "<script>" not in response.content.decode()


def test_rich_text_is_sanitized_when_written_outside_forms():
    release = PressReleaseFactory(
        body_en='<p onclick="x()">Hi<script>bad()</script><a href="javascript:x()">l</a></p>',
        body_fr='<iframe src="https://evil"></iframe><p><em>ok</em></p>',
    )
    release.refresh_from_db()
    assert "script" not in release.body_en and "onclick" not in release.body_en
    assert "javascript:" not in release.body_en
    assert release.body_fr == "<p><em>ok</em></p>"


def test_the_slug_must_be_unique_per_language(client, editor):
    PressReleaseFactory(slug_en="taken", slug_fr="pris")
    company = CompanyFactory()
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(company, slug_en="free", slug_fr="pris"),
    )
    assert response.status_code == 200
    assert "slug_fr" in response.context["adminform"].form.errors


def encoded(format, size=(40, 30), mode="RGB"):
    """An image of noise (so every byte matters) encoded in `format`."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert(mode).save(buffer, format)
    return buffer.getvalue()


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb."""
    data = bytearray(encoded("PNG", size=(8, 8), mode="L"))
    # IHDR is the first chunk: length, type, then width and height at 16..24.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def truncated(format):
    data = encoded(format, size=(200, 150))
    return data[: len(data) // 2]


def corrupt_png():
    data = bytearray(encoded("PNG", size=(200, 150)))
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)  # zeroes inside the pixel data
    return bytes(data)


BAD_UPLOADS = {
    "text renamed .jpg": ("photo.jpg", b"Just some words, not a photograph.", "is not an image"),
    "a PDF": ("brochure.pdf", PDF, "is not an image"),
    "text renamed .png": ("fake.png", b"not an image at all", "is not an image"),
    "a truncated JPEG": ("cut.jpg", truncated("JPEG"), "damaged or incomplete"),
    "a truncated PNG": ("cut.png", truncated("PNG"), "damaged or incomplete"),
    "a corrupt PNG": ("broken.png", corrupt_png(), "damaged or incomplete"),
    "a decompression bomb": ("bomb.png", png_claiming(100_000, 100_000), "too many pixels"),
    # Over our 40 megapixels but under twice that: Pillow only warns.
    "a bomb just over the limit": ("big.png", png_claiming(8000, 6000), "too many pixels"),
    "an SVG": ("logo.svg", SVG, "SVG images are not accepted"),
    "an SVG renamed .png": ("logo.png", SVG, "SVG images are not accepted"),
    "a BMP": ("scan.bmp", encoded("BMP"), "BMP images are not accepted"),
    "a TIFF": ("scan.tif", encoded("TIFF"), "TIFF images are not accepted"),
}


@pytest.mark.parametrize(("name", "content", "message"), BAD_UPLOADS.values(), ids=BAD_UPLOADS)
def test_an_upload_we_would_not_serve_is_refused_with_its_reason(
    client, editor, name, content, message
):
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(CompanyFactory(), image=SimpleUploadedFile(name, content)),
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["image"])
    assert not PressRelease.objects.exists()


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_the_formats_we_serve_are_accepted(client, editor, format):
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(
            CompanyFactory(),
            image=SimpleUploadedFile(f"picture.{format.lower()}", encoded(format)),
        ),
    )
    assert response.status_code == 302
    assert PressRelease.objects.get().image_width == 40


def test_an_accepted_upload_is_decoded_once(client, editor, monkeypatch):
    """The admin's field checks it; the model's validator, seeing the same file, does not again."""
    decoded = []
    check = fields._check_pixels
    monkeypatch.setattr(fields, "_check_pixels", lambda *args: decoded.append(args) or check(*args))
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(
            CompanyFactory(), image=SimpleUploadedFile("picture.jpg", encoded("JPEG"))
        ),
    )
    assert response.status_code == 302
    assert len(decoded) == 1


def test_an_image_over_the_pixel_limit_is_refused(client, editor, settings):
    settings.MAX_IMAGE_PIXELS = 1000  # the upload has 40 × 30 = 1200
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(CompanyFactory(), image=png_upload()),
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["image"])
    assert "too many pixels" in errors
    assert "0.001 megapixels" in errors


def test_a_refused_replacement_keeps_the_stored_image(client, editor):
    release = PressReleaseFactory(with_image=True)
    stored_name, stored_width = release.image.name, release.image_width
    data = press_release_form(
        release.company,
        title_en="Changed title",
        slug_en=release.slug_en,
        image=SimpleUploadedFile("new.svg", SVG),
    )
    response = client.post(reverse("admin:companies_pressrelease_change", args=[release.pk]), data)
    assert response.status_code == 200
    assert "SVG images are not accepted" in " ".join(
        response.context["adminform"].form.errors["image"]
    )
    release.refresh_from_db()
    assert (release.image.name, release.image_width) == (stored_name, stored_width)
    assert release.title_en != "Changed title"
    assert release.image.storage.exists(stored_name)
    with release.image.open() as file:
        assert Image.open(file).size == (1200, 630)


def test_content_saved_outside_the_admin_is_checked_too():
    release = PressReleaseFactory.build(
        company=CompanyFactory(), image=ContentFile(SVG, name="logo.svg")
    )
    with pytest.raises(ValidationError) as refused:
        release.full_clean()
    assert [error.code for error in refused.value.error_dict["image"]] == ["unaccepted_format"]


def test_an_oversized_image_is_refused(client, editor, settings):
    settings.MAX_IMAGE_UPLOAD_SIZE = 100
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(CompanyFactory(), image=png_upload(size=(400, 400))),
    )
    assert response.status_code == 200
    assert "largest accepted" in str(response.context["adminform"].form.errors["image"])


def test_deleting_a_company_that_content_refers_to_is_refused(client, editor):
    for company in [
        PressReleaseFactory().company,
        EpisodeCompanyFactory().company,
        SeriesProducerFactory().company,
        PositionFactory().company,
        CompanyFactory(parent=CompanyFactory()).parent,
    ]:
        response = client.post(
            reverse("admin:companies_company_delete", args=[company.pk]), {"post": "yes"}
        )
        assert response.status_code == 200  # the "cannot delete" page
        assert Company.objects.filter(pk=company.pk).exists()


@pytest.mark.parametrize(
    "name",
    [
        "companies_company",
        "companies_person",
        "companies_pressrelease",
        "episodes_series",
        "episodes_episode",
    ],
)
def test_every_admin_page_works_for_an_editor(client, editor, name):
    release = PressReleaseFactory()
    episode = EpisodeFactory()
    PositionFactory(company=release.company)
    objects = {
        "companies_company": release.company,
        "companies_person": PositionFactory().person,
        "companies_pressrelease": release,
        "episodes_series": episode.series,
        "episodes_episode": episode,
    }
    changelist = client.get(reverse(f"admin:{name}_changelist"))
    assert changelist.status_code == 200
    assert "language-badges" in changelist.content.decode()
    assert client.get(reverse(f"admin:{name}_changelist") + "?q=a").status_code == 200
    assert client.get(reverse(f"admin:{name}_add")).status_code == 200
    change = client.get(reverse(f"admin:{name}_change", args=[objects[name].pk]))
    assert change.status_code == 200
    content = change.content.decode()
    # Translation tabs load jQuery UI from our static files, not a CDN.
    assert "vendor/jquery-ui/jquery-ui.min.js" in content
    assert "googleapis" not in content
    assert client.get(reverse(f"admin:{name}_history", args=[objects[name].pk])).status_code == 200


def test_view_on_site_opens_the_public_page(client, editor):
    release = PressReleaseFactory(slug_en="on-site")
    content = client.get(
        reverse("admin:companies_pressrelease_change", args=[release.pk])
    ).content.decode()
    assert "viewsitelink" in content
    ct = ContentType.objects.get_for_model(PressRelease)
    response = client.get(reverse("admin:view_on_site", args=[ct.pk, release.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith("/en/press/on-site/")


def test_changelist_query_count_does_not_grow(client, editor, django_assert_max_num_queries):
    PressReleaseFactory.create_batch(60)
    # Sessions, user, permissions, counts, rows with companies, filters: a
    # fixed ceiling whatever the number of rows.
    with django_assert_max_num_queries(12):
        assert client.get(reverse("admin:companies_pressrelease_changelist")).status_code == 200


def test_an_object_with_a_stored_image_can_be_saved_again(client, editor):
    company = CompanyFactory()
    response = client.post(
        reverse("admin:companies_pressrelease_add"),
        press_release_form(company, image=png_upload()),
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    url = reverse("admin:companies_pressrelease_change", args=[release.pk])
    data = press_release_form(company, title_en="Ampere starts, again")
    data[SNAPSHOT_FIELD] = client.get(url).context["conflict_token"]
    response = client.post(url, data)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.title_en == "Ampere starts, again"
    assert release.image_width == 40


def test_the_change_form_previews_a_small_rendition_not_the_original(client, editor, settings):
    release = PressReleaseFactory(with_image=True)  # 1200 × 630
    response = client.get(reverse("admin:companies_pressrelease_change", args=[release.pk]))
    (src,) = re.findall(r'<img src="([^"]+)" alt="[^"]*" class="admin-preview"', response.text)
    assert src != release.image.url
    with Image.open(Path(settings.MEDIA_ROOT) / src.removeprefix(settings.MEDIA_URL)) as image:
        assert (image.format, image.size) == ("JPEG", (480, 252))
