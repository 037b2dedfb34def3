"""`manage.py load_renaulution`: the shipped content, and reruns that change nothing."""

import datetime
import hashlib
import itertools
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation
from modeltranslation.translator import translator
from PIL import Image

from companies.models import Company, Person, Position, PressRelease
from episodes.models import Episode, Series
from renaulution import search_index
from renaulution.content import data, images
from renaulution.content.glossary import GLOSSARY
from renaulution.content.loader import load_content
from renaulution.languages import codes
from renaulution.richtext import RichTextField, sanitize_html
from renaulution.search import search
from tests.content_snapshot import restore_snapshot
from timeline.models import Milestone

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ITALIAN_TITLES = [
    "Rivoluzione o morte",
    "Superare le tempeste",
    "Spirito combattivo",
    "Il futuro è già qui",
]
# Localized fields that may legitimately read the same in every language.
MAY_BE_IDENTICAL = {"slug", "headquarters"}


def content_models():
    """Every table of the content apps, M2M tables included."""
    models = []
    for label in ("companies", "episodes", "timeline"):
        models += apps.get_app_config(label).get_models(include_auto_created=True)
    return models


def translated_models():
    registered = set(translator.get_registered_models())
    return [model for model in content_models() if model in registered]


def dump_database():
    return {
        model._meta.label: serializers.serialize("json", model.objects.order_by("pk"))
        for model in content_models()
    }


def media_files():
    """Every file under MEDIA_ROOT, with a hash of its bytes."""
    root = settings.MEDIA_ROOT
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def load():
    out = StringIO()
    call_command("load_renaulution", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(content_snapshot):
    """
    What the loader's first run leaves: its rows and files, restored from the
    session's one real load (tests/content_snapshot.py; test_content_snapshot.py
    checks the copy). The tests of a first run call `load()` themselves.
    """
    restore_snapshot(content_snapshot, settings.MEDIA_ROOT)


# Reruns ---------------------------------------------------------------------------


def test_first_run_reports_what_it_created():
    output = load()
    assert output.startswith(
        f"Created {len(GLOSSARY)} glossary terms, {len(data.COMPANIES)} companies,"
        f" {len(data.PEOPLE)} people, 7 positions, 1 series,"
    )
    assert "4 episodes" in output
    assert f"{len(data.PRESS_RELEASES)} press releases" in output
    assert output.strip().endswith(f"{len(data.MILESTONES)} milestones.")


def test_second_run_changes_nothing(loaded):
    before, files_before = dump_database(), media_files()

    output = load()

    assert output.strip() == "Nothing to do: the content is already loaded."
    assert dump_database() == before
    assert media_files() == files_before


def test_load_content_returns_counts_and_they_drop_to_zero():
    first = load_content()
    assert first["companies"] == len(data.COMPANIES)
    assert first["people"] == len(data.PEOPLE)
    assert first["episodes"] == 4
    assert first["milestones"] == len(data.MILESTONES) >= 10
    assert first["existing"] == 0

    second = load_content()
    assert {key: value for key, value in second.items() if key != "existing"} == {
        key: 0 for key in first if key != "existing"
    }
    assert first["terms"] == len(GLOSSARY)
    shipped = (
        len(GLOSSARY)
        + len(data.COMPANIES)
        + len(data.PEOPLE)
        + 1
        + 4
        + len(data.PRESS_RELEASES)
        + len(data.MILESTONES)
    )
    assert second["existing"] == shipped


def test_editors_changes_survive_a_rerun(loaded):
    renault_group = Company.objects.get(slug_en="renault-group")
    renault_group.tagline_fr = "Texte revu par la rédaction"
    renault_group.save()
    episode = Episode.objects.get(number=1)
    episode.still_alt_it = ""
    episode.status = "draft"
    episode.save()
    episode.people.remove(Person.objects.get(slug_en="carlos-ghosn"))
    Position.objects.filter(person__slug_en="carlos-ghosn").delete()
    arrest = Milestone.objects.get(slug="carlos-ghosn-arrested")
    arrest.summary_it = "Riassunto rivisto"
    arrest.save()
    arrest.companies.clear()
    logo_name = renault_group.logo.name

    output = load()

    assert output.strip() == "Nothing to do: the content is already loaded."
    renault_group.refresh_from_db()
    assert renault_group.tagline_fr == "Texte revu par la rédaction"
    assert renault_group.logo.name == logo_name
    episode.refresh_from_db()
    assert episode.still_alt_it == ""
    assert episode.status == "draft"
    assert not episode.people.filter(slug_en="carlos-ghosn").exists()
    assert not Position.objects.filter(person__slug_en="carlos-ghosn").exists()
    arrest.refresh_from_db()
    assert arrest.summary_it == "Riassunto rivisto"
    assert not arrest.companies.exists()


def test_a_deleted_object_is_created_again_and_nothing_else_is_touched(loaded):
    Company.objects.get(slug_en="numerama").delete()
    before = dump_database()

    output = load()

    assert output.startswith("Created 1 company.")
    assert Company.objects.filter(slug_en="numerama").count() == 1
    after = dump_database()
    for label in before:
        if label != "companies.Company":
            assert after[label] == before[label], label


def test_an_object_whose_english_slug_an_editor_changed_is_not_duplicated(loaded):
    person = Person.objects.get(slug_en="luca-de-meo")
    person.slug_en = "luca-de-meo-ceo"
    person.save()
    episode = Episode.objects.get(number=2)
    episode.slug_en = "storms"
    episode.slug_fr = "tempetes"
    episode.slug_it = "tempeste"
    episode.save()
    Milestone.objects.filter(slug="ampere-launched").update(slug="ampere")

    output = load()

    assert output.strip() == "Nothing to do: the content is already loaded."
    assert Person.objects.filter(name="Luca de Meo").count() == 1
    assert Episode.objects.count() == 4
    assert Milestone.objects.count() == len(data.MILESTONES)


def test_a_failure_rolls_everything_back_and_leaves_no_file(monkeypatch):
    broken = {**data.PRESS_RELEASES[-1], "slug": data.L("not a slug!", "x", "y")}
    monkeypatch.setattr(data, "PRESS_RELEASES", [*data.PRESS_RELEASES, broken])

    with pytest.raises(ValidationError):
        load_content()

    for model in content_models():
        assert not model.objects.exists(), model
    assert media_files() == {}


# Content facts ---------------------------------------------------------------------


def test_the_series(loaded):
    series = Series.objects.get()
    assert series.title_en == "Anatomy of a Comeback"
    assert series.title_fr == "Anatomie d'un come-back"
    assert series.title_it == "Anatomia di un come-back"
    assert series.premiere_date == datetime.date(2024, 12, 13)
    assert series.platform.name == "Prime Video"
    assert series.platform.kind == Company.Kind.BROADCASTER
    # The series' page on Prime Video as seed 000 gives it, without its share tracking.
    assert series.watch_url == "https://www.primevideo.com/-/it/detail/0N72ADUR7LQ9WG35KJGC4SPB6S"
    assert series.subject.name == "Renault Group"
    assert sorted(series.producers.values_list("name", flat=True)) == ["Breath Film", "Elephant"]
    assert set(series.producers.values_list("kind", flat=True)) == {Company.Kind.PRODUCER}


def test_the_four_episodes(loaded):
    episodes = list(Episode.objects.order_by("number"))
    assert [episode.number for episode in episodes] == [1, 2, 3, 4]
    with translation.override("it"):
        assert [episode.title for episode in episodes] == ITALIAN_TITLES
    with translation.override("en"):
        assert episodes[0].title == "Revolution or Death"
    for episode in episodes:
        assert episode.series.title_en == "Anatomy of a Comeback"
        assert episode.runtime_minutes == 40
        assert episode.release_date == datetime.date(2024, 12, 13)
        assert episode.people.exists()
        assert episode.companies.exists()
    assert episodes[0].people.filter(slug_en="carlos-ghosn").exists()
    assert episodes[2].companies.filter(slug_en="alpine-f1-team").exists()


def test_companies_and_the_group_tree(loaded):
    assert Company.objects.count() >= 12
    group = Company.objects.get(slug_en="renault-group")
    assert group.kind == Company.Kind.GROUP
    assert group.parent is None
    for slug in ("renault", "dacia", "alpine", "ampere"):
        assert Company.objects.get(slug_en=slug).parent == group, slug
    assert Company.objects.get(slug_en="ampere").kind == Company.Kind.BUSINESS_UNIT
    assert Company.objects.get(slug_en="alpine-f1-team").parent.slug_en == "alpine"
    for slug in ("nissan", "mitsubishi-motors"):
        assert Company.objects.get(slug_en=slug).kind == Company.Kind.PARTNER
    assert set(Company.objects.values_list("kind", flat=True)) == set(Company.Kind.values)
    assert group.founded_year == 1899
    assert group.headquarters_it == "Boulogne-Billancourt, Francia"


def test_people_and_their_positions(loaded):
    people = Person.objects.all()
    assert people.count() >= 5
    for person in people:
        assert person.positions.exists(), person
    de_meo = Person.objects.get(slug_en="luca-de-meo")
    left = datetime.date(2025, 7, 15)
    assert {(p.company.slug_en, p.start_date, p.end_date) for p in de_meo.positions.all()} == {
        ("renault-group", datetime.date(2020, 7, 1), left),
        ("ampere", datetime.date(2023, 11, 1), left),
    }
    ghosn = Person.objects.get(slug_en="carlos-ghosn")
    assert all(not position.is_current for position in ghosn.positions.all())
    rossi = Person.objects.get(slug_en="laurent-rossi")
    assert [(p.company.slug_en, p.is_current) for p in rossi.positions.all()] == [("alpine", False)]


def test_de_meo_is_not_presented_as_the_current_ceo(loaded):
    """He left in July 2025; François Provost is the group's chief executive."""
    current_ceos = Position.objects.filter(
        company__slug_en="renault-group",
        title_en="Chief Executive Officer",
        end_date__isnull=True,
    )
    assert [position.person.name for position in current_ceos] == ["François Provost"]
    de_meo = Person.objects.get(slug_en="luca-de-meo")
    for language in LANGUAGES:
        assert "2025" in getattr(de_meo, f"headline_{language}"), language
        assert "Provost" in getattr(de_meo, f"biography_{language}"), language
    # The group's chief executives follow one another without overlapping.
    terms = sorted(
        Position.objects.filter(
            company__slug_en="renault-group", title_en__contains="Chief Executive"
        ).values_list("start_date", "end_date")
    )
    for (_start, end), (next_start, _next_end) in itertools.pairwise(terms):
        assert end is not None and end <= next_start


def test_people_outside_the_series_are_not_in_any_episode(loaded):
    for slug in ("laurent-rossi", "francois-provost"):
        assert not Episode.objects.filter(people__slug_en=slug).exists(), slug


def test_press_releases(loaded):
    releases = PressRelease.objects.all()
    assert releases.count() >= 4
    assert set(releases.values_list("original_language", flat=True)) == {"en", "fr", "it"}
    ampere = PressRelease.objects.get(slug_en="ampere-launches")
    assert ampere.issued_on == datetime.date(2023, 11, 1)
    assert ampere.company.slug_en == "renault-group"
    assert ampere.people.filter(slug_en="luca-de-meo").exists()
    premiere = releases.get(issued_on=datetime.date(2024, 12, 13))
    assert premiere.people.count() == 3


def test_press_releases_are_companies_releases_and_the_rest_articles(loaded):
    """A release has its source; the site's own write-ups are background articles."""
    kinds = {spec["slug"]["en"]: spec["kind"] for spec in data.PRESS_RELEASES}
    stored = dict(PressRelease.objects.values_list("slug_en", "kind"))
    assert stored == kinds
    releases = PressRelease.objects.filter(kind=PressRelease.Kind.RELEASE)
    assert releases.count() == 2
    for release in releases:
        assert release.source_name and release.source_url and release.press_contact, release
    for article in PressRelease.objects.filter(kind=PressRelease.Kind.ARTICLE):
        assert not (article.source_name or article.source_url or article.press_contact)
        assert not article.date_estimated


def test_the_italian_release_is_cited_with_its_issuer_and_an_estimated_date(loaded):
    bet = PressRelease.objects.get(slug_en="luca-de-meo-bets-on-european-industry")
    assert bet.original_language == "it"
    assert (
        bet.title_it == "La scommessa di Luca de Meo: Renault Group investe sull'industria europea"
    )
    assert bet.company.slug_en == "pressreleaseldm"
    assert bet.company.kind == Company.Kind.PRESS_OFFICE
    assert bet.company.parent is None
    assert "Franco Nottiani" in bet.press_contact
    assert bet.date_estimated and bet.issued_on == datetime.date(2023, 11, 1)
    assert list(bet.people.values_list("slug_en", flat=True)) == ["luca-de-meo"]


def test_everything_is_published_in_the_past(loaded):
    now = timezone.now()
    for model in (Company, Person, PressRelease, Series, Episode, Milestone):
        for obj in model.objects.all():
            assert obj.is_published, obj
            assert obj.published_at < now


def describes_no_image(obj, field):
    """A text alternative of an image the object does not have (milestones ship none)."""
    image = field.removesuffix("_alt")
    return field.endswith("_alt") and hasattr(obj, image) and not getattr(obj, image)


def test_every_localized_field_is_filled_in_every_language(loaded):
    for model in translated_models():
        fields = translator.get_options_for_model(model).fields
        objects = list(model.objects.all())
        assert objects, model
        for obj in objects:
            for field in fields:
                if describes_no_image(obj, field):
                    assert model is Milestone, (model, obj.pk, field)
                    continue
                for language in LANGUAGES:
                    value = getattr(obj, f"{field}_{language}")
                    assert value and str(value).strip(), (model, obj.pk, field, language)


def test_french_and_italian_are_translations_not_copies(loaded):
    for model in translated_models():
        fields = set(translator.get_options_for_model(model).fields) - MAY_BE_IDENTICAL
        for obj in model.objects.all():
            for field in fields:
                if describes_no_image(obj, field):
                    continue
                english = getattr(obj, f"{field}_en")
                for language in ("fr", "it"):
                    assert getattr(obj, f"{field}_{language}") != english, (
                        model,
                        obj.pk,
                        field,
                        language,
                    )


def test_localized_slugs_are_ascii_and_given_where_titles_differ(loaded):
    episode = Episode.objects.get(number=1)
    assert (episode.slug_en, episode.slug_fr, episode.slug_it) == (
        "revolution-or-death",
        "revolution-ou-la-mort",
        "rivoluzione-o-morte",
    )
    for model in (Company, Person, PressRelease, Episode):
        for obj in model.objects.all():
            for language in LANGUAGES:
                assert getattr(obj, f"slug_{language}").isascii()


def test_stored_rich_text_is_already_clean(loaded):
    checked = 0
    for model in translated_models():
        for field in translator.get_options_for_model(model).fields:
            if not isinstance(model._meta.get_field(field), RichTextField):
                continue
            for obj in model.objects.all():
                for language in LANGUAGES:
                    value = getattr(obj, f"{field}_{language}")
                    assert sanitize_html(value) == value, (model, obj.pk, field, language)
                    checked += 1
    assert checked > 50


def test_the_milestones_of_the_story(loaded):
    """The required milestones, dated to the precision the sources support, in order."""
    dated = {(m.slug, m.date, m.precision) for m in Milestone.objects.all()}
    Precision = Milestone.Precision
    assert {
        ("carlos-ghosn-arrested", datetime.date(2018, 11, 1), Precision.MONTH),
        ("record-loss-2020", datetime.date(2020, 7, 30), Precision.DAY),
        ("full-year-loss-2020", datetime.date(2021, 2, 19), Precision.DAY),
        ("luca-de-meo-chief-executive", datetime.date(2020, 7, 1), Precision.MONTH),
        ("renaulution-plan", datetime.date(2021, 1, 14), Precision.DAY),
        ("exit-from-russia", datetime.date(2022, 1, 1), Precision.YEAR),
        ("new-alliance-announced", datetime.date(2023, 2, 1), Precision.MONTH),
        ("ampere-launched", datetime.date(2023, 11, 1), Precision.DAY),
        ("new-alliance-in-force", datetime.date(2023, 11, 6), Precision.DAY),
        ("renault-5-geneva", datetime.date(2024, 2, 26), Precision.DAY),
        ("scenic-car-of-the-year", datetime.date(2024, 2, 26), Precision.DAY),
        ("anatomy-of-a-comeback-premiere", datetime.date(2024, 12, 13), Precision.DAY),
    } <= dated
    with translation.override("fr"):
        assert Milestone.objects.get(slug="luca-de-meo-chief-executive").display_date == (
            "juillet 2020"
        )
    with translation.override("it"):
        loss = Milestone.objects.get(slug="record-loss-2020")
        assert "7,3 miliardi" in loss.title


def test_milestones_link_the_shipped_pages_involved(loaded):
    premiere = Milestone.objects.get(slug="anatomy-of-a-comeback-premiere")
    assert sorted(premiere.episodes.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert premiere.press_releases.get().issued_on == premiere.date
    assert premiere.companies.filter(slug_en="prime-video").exists()
    arrest = Milestone.objects.get(slug="carlos-ghosn-arrested")
    assert list(arrest.people.values_list("slug_en", flat=True)) == ["carlos-ghosn"]
    ampere = Milestone.objects.get(slug="ampere-launched")
    assert ampere.press_releases.get().slug_en == "ampere-launches"
    for milestone in Milestone.objects.all():
        assert milestone.companies.exists(), milestone.slug
        # A milestone linked to a press release is dated on or before its issue.
        for release in milestone.press_releases.all():
            assert milestone.date <= release.issued_on, milestone.slug
    # Every shipped episode is on the timeline.
    assert set(
        Episode.objects.filter(milestones__isnull=False).values_list("number", flat=True)
    ) == {
        1,
        2,
        3,
        4,
    }


def test_the_shipped_content_has_nothing_left_to_translate(loaded):
    out = StringIO()
    call_command("translation_status", "--fail-on-missing", stdout=out)
    assert "milestones" in out.getvalue()
    assert "Consistency issues: 0" in out.getvalue()


# Images ------------------------------------------------------------------------------

IMAGE_FIELDS = [
    (Company, "logo", images.LOGO_SIZE),
    (Person, "portrait", images.PORTRAIT_SIZE),
    (PressRelease, "image", images.PRESS_SIZE),
    (Series, "poster", images.POSTER_SIZE),
    (Episode, "still", images.STILL_SIZE),
]


@pytest.mark.parametrize(("model", "field", "size"), IMAGE_FIELDS)
def test_images_exist_on_disk_with_their_dimensions(loaded, model, field, size):
    for obj in model.objects.all():
        file = getattr(obj, field)
        assert file, obj
        assert (getattr(obj, f"{field}_width"), getattr(obj, f"{field}_height")) == size
        with Image.open(file.path) as image:
            assert image.size == size
            image.verify()


def test_images_are_deterministic():
    """Drawn twice (bypassing the per-process cache), a picture has the same bytes."""
    for render, kwargs in (
        (images.poster_image, {"background": "navy", "accent": "yellow"}),
        (images.still_image, {"number": 3, "background": "blue", "accent": "white"}),
        (images.logo_image, {"mark": "RG", "shape": "diamond", "colour": "yellow", "ink": "black"}),
        (images.portrait_image, {"initials": "LM", "colour": "navy"}),
        (images.press_image, {"label": "2023", "background": "teal", "accent": "yellow"}),
    ):
        first = render.__wrapped__(**kwargs)
        assert render.__wrapped__(**kwargs) == first
        assert render(**kwargs) == first


def test_alt_texts_describe_the_drawn_picture(loaded):
    renault_group = Company.objects.get(slug_en="renault-group")
    assert "RG" in renault_group.logo_alt_en
    assert "yellow diamond" in renault_group.logo_alt_en
    assert "losange jaune" in renault_group.logo_alt_fr
    assert "rombo giallo" in renault_group.logo_alt_it


def test_a_rerun_makes_the_shipped_content_searchable_without_accents(loaded):
    # An index that lost its rows (a database filled another way) is caught
    # up by the next run; PostgreSQL's search columns need no catching up.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for language in codes():
                cursor.execute(f"DELETE FROM {search_index.table(language)}")  # noqa: S608
    load()
    ampere = Company.objects.get(slug_en="ampere")
    for language, query in [("en", "ampere"), ("fr", "Ampère"), ("it", "AMPERE")]:
        with translation.override(language):
            found = [result.object for result in search(query, language=language)[:20]]
        assert ampere in found
    assert search("electrique", language="fr").count() > 0
    assert search_index.is_complete()
