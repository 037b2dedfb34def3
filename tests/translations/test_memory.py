"""
The translation memory (translations.memory): segmentation and alignment,
entries that follow the current translations, and suggestions, exact and
fuzzy with the same percentages on SQLite and PostgreSQL.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from companies.models import PressRelease
from tests.factories import PressReleaseFactory
from translations import memory
from translations.models import MemoryEntry
from translations.tracking import mark_reviewed

pytestmark = pytest.mark.django_db

BODY_EN = (
    "<h2>A new plant</h2>"
    "<p>The plant opens in <strong>Douai</strong>. It builds 400,000 cars a year.</p>"
    "<ul><li><p>Batteries from Verkor.</p></li><li><p>Motors from Cléon.</p></li></ul>"
)
BODY_FR = (
    "<h2>Une nouvelle usine</h2>"
    "<p>L'usine ouvre à <strong>Douai</strong>. Elle produit 400\u202f000 voitures par an.</p>"
    "<ul><li><p>Batteries de Verkor.</p></li><li><p>Moteurs de Cléon.</p></li></ul>"
)


def entries(obj, language="fr"):
    return dict(
        obj.translation_memory.filter(target_language=language)
        .order_by("pk")
        .values_list("source_text", "target_text")
    )


# Segmentation and alignment


def test_rich_text_splits_into_blocks_then_sentences_keeping_inline_tags():
    html = (
        "<h2>Title</h2><p>One. Two <strong>bold. Still</strong> bold! M. de Meo agreed.</p>"
        "<ul><li><p>Item &amp; more</p></li></ul>"
        "<blockquote><p>Quoted « ici » ! Et là.</p></blockquote>"
    )
    assert memory.segments(html, markup=True) == [
        "Title",
        "One.",
        # No boundary inside an element: every segment is well-formed.
        "Two <strong>bold. Still</strong> bold!",
        # An abbreviation does not end a sentence.
        "M. de Meo agreed.",
        "Item &amp; more",
        "Quoted « ici » !",
        "Et là.",
    ]


def test_plain_text_is_split_into_sentences_and_keeps_its_characters():
    assert memory.segments("A <b> title. Another one", markup=False) == [
        "A <b> title.",
        "Another one",
    ]
    assert memory.normalize("<p>Fish &amp;  <em>chips</em></p>", markup=True) == "Fish & chips"


def test_alignment_pairs_sentences_then_blocks_then_the_whole_field():
    pairs = memory.aligned_pairs(BODY_EN, BODY_FR, markup=True)
    assert pairs[:3] == [
        ("A new plant", "Une nouvelle usine"),
        ("The plant opens in <strong>Douai</strong>.", "L'usine ouvre à <strong>Douai</strong>."),
        ("It builds 400,000 cars a year.", "Elle produit 400\u202f000 voitures par an."),
    ]
    assert len(pairs) == 5
    # A translator merged two sentences: the paragraph pairs as a whole.
    merged = "<p>One. Two.</p><p>Three.</p>"
    assert memory.aligned_pairs(merged, "<p>Un et deux.</p><p>Trois.</p>", True) == [
        ("One. Two.", "Un et deux."),
        ("Three.", "Trois."),
    ]
    # Different block counts: the whole field.
    assert memory.aligned_pairs(merged, "<p>Un, deux, trois.</p>", True) == [
        (merged, "<p>Un, deux, trois.</p>")
    ]


# The memory follows the current translations


def test_a_current_translation_is_in_the_memory_segment_by_segment():
    release = PressReleaseFactory(
        title_en="Ampere starts", title_fr="Ampere démarre", body_en=BODY_EN, body_fr=BODY_FR
    )
    stored = entries(release)
    assert stored["Ampere starts"] == "Ampere démarre"
    assert stored["It builds 400,000 cars a year."] == "Elle produit 400\u202f000 voitures par an."
    assert stored["Motors from Cléon."] == "Moteurs de Cléon."
    entry = MemoryEntry.objects.get(source_text="Ampere starts", target_language="fr")
    assert (entry.source_language, entry.field, entry.markup) == ("en", "title", False)
    assert MemoryEntry.objects.get(source_text="Motors from Cléon.").markup is True


def test_an_outdated_translation_leaves_the_memory_and_a_review_brings_it_back():
    release = PressReleaseFactory(title_en="Ampere starts", title_fr="Ampere démarre")
    release.title_en = "Ampere starts today"
    release.save()
    assert "Ampere starts" not in entries(release)
    assert "Ampere starts today" not in entries(release)  # outdated: not a translation of it
    mark_reviewed(release, "title", "fr")
    assert entries(release)["Ampere starts today"] == "Ampere démarre"


def test_a_changed_translation_replaces_its_entries_and_a_deleted_object_drops_them():
    release = PressReleaseFactory(body_en=BODY_EN, body_fr=BODY_FR)
    release.body_fr = BODY_FR.replace("Moteurs de Cléon.", "Des moteurs de Cléon.")
    release.save()
    assert entries(release)["Motors from Cléon."] == "Des moteurs de Cléon."
    assert list(entries(release).values()).count("Moteurs de Cléon.") == 0
    release.body_fr = ""
    release.save()
    assert not release.translation_memory.filter(field="body", target_language="fr").exists()
    assert release.translation_memory.exists()  # the title's and the summary's
    pk = release.pk
    release.delete()
    assert not MemoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(PressRelease), object_id=pk
    ).exists()


def test_saving_again_changes_nothing():
    release = PressReleaseFactory(body_en=BODY_EN, body_fr=BODY_FR)
    before = list(MemoryEntry.objects.order_by("pk").values())
    PressRelease.objects.get(pk=release.pk).save()
    assert list(MemoryEntry.objects.order_by("pk").values()) == before


def test_rebuild_makes_the_same_entries_as_the_saves():
    release = PressReleaseFactory(body_en=BODY_EN, body_fr=BODY_FR, title_fr="Ampere démarre")
    before = entries(release)
    MemoryEntry.objects.all().delete()
    assert not memory.is_filled()
    assert memory.rebuild() >= len(before)
    assert entries(release) == before
    assert memory.is_filled()


# Suggestions


@pytest.fixture
def stocked():
    PressReleaseFactory(
        title_en="Renault opens a new battery plant in Douai",
        title_fr="Renault ouvre une nouvelle usine de batteries à Douai",
        title_it="Renault apre un nuovo stabilimento di batterie a Douai",
    )
    PressReleaseFactory(
        title_en="Renault opens a new battery plant in Cléon",
        title_fr="Renault ouvre une nouvelle usine de batteries à Cléon",
    )
    PressReleaseFactory(
        title_en="The Scenic is Car of the Year", title_fr="Le Scenic est Voiture de l'année"
    )


def test_an_exact_match_comes_first_at_100_percent(stocked):
    matches = memory.suggest("Renault opens a new battery plant in Douai", "en", "fr")
    assert matches[0].target == "Renault ouvre une nouvelle usine de batteries à Douai"
    assert matches[0].percent == 100 and matches[0].exact
    # The other plant is similar enough to be suggested, below.
    assert [m.target for m in matches[1:]] == [
        "Renault ouvre une nouvelle usine de batteries à Cléon"
    ]
    assert matches[1].percent == round(
        memory.similarity(
            "Renault opens a new battery plant in Cléon",
            "Renault opens a new battery plant in Douai",
        )
        * 100
    )
    assert 50 <= matches[1].percent < 100


def test_a_fuzzy_match_has_the_same_percentage_on_both_databases(stocked):
    matches = memory.suggest("Renault opens a new battery plant in Douai today", "en", "fr")
    assert matches[0].target == "Renault ouvre une nouvelle usine de batteries à Douai"
    # pg_trgm's similarity, computed by hand: PostgreSQL and SQLite agree.
    assert matches[0].percent == 88
    assert not matches[0].exact


def test_case_and_spaces_differences_are_fuzzy_never_100(stocked):
    (match, *_rest) = memory.suggest("renault OPENS a new battery plant in  Douai", "en", "fr")
    assert match.percent == 99


def test_no_suggestion_below_the_threshold_or_in_another_pair(stocked):
    assert memory.suggest("Twelve sites and eleven thousand people", "en", "fr") == []
    assert memory.suggest("Renault opens a new battery plant in Douai", "fr", "en") == []
    italian = memory.suggest("Renault opens a new battery plant in Douai", "en", "it")
    assert italian[0].target == "Renault apre un nuovo stabilimento di batterie a Douai"
    assert italian[0].exact


def test_the_limit_and_the_same_translation_suggested_once(stocked):
    PressReleaseFactory(
        title_en="Renault opens a new battery plant in Douai",
        title_fr="Renault ouvre une nouvelle usine de batteries à Douai",
    )
    matches = memory.suggest("Renault opens a new battery plant in Douai", "en", "fr", limit=3)
    targets = [m.target for m in matches]
    assert len(targets) == len(set(targets)) == 2
    assert (
        len(memory.suggest("Renault opens a new battery plant in Douai", "en", "fr", limit=1)) == 1
    )


def test_suggestions_for_many_segments_cost_a_fixed_number_of_queries(
    stocked, django_assert_num_queries
):
    texts = [
        "Renault opens a new battery plant in Douai",
        "The Scenic is Car of the Year",
        "Nothing like it",
        "",
    ] * 8
    # SQLite: one query for every candidate. PostgreSQL: one per higher
    # threshold, one more at ours for the segments that got too few there.
    postgres = len(memory.FIRST_THRESHOLDS) + 1
    with django_assert_num_queries(postgres if connection.vendor == "postgresql" else 1):
        results = memory.suggest_many(texts, "en", "fr")
    assert [len(r) > 0 for r in results[:4]] == [True, True, False, False]
    assert results[1][0].target == "Le Scenic est Voiture de l'année"


def test_matches_below_the_first_threshold_are_still_found():
    for title in (
        "Renault opens a new battery plant in Douai, its biggest",  # 81 %
        "Renault opens a new battery plant in northern France",  # 64 %
        "Renault opens a battery factory near Douai",  # 60 %
    ):
        PressReleaseFactory(title_en=title, title_fr=f"{title} (fr)")
    matches = memory.suggest("Renault opens a new battery plant in Douai", "en", "fr")
    assert [m.percent for m in matches] == [81, 64, 60]


def test_the_best_matches_are_those_of_every_entry_compared():
    """More close matches than asked: the best of all, as comparing every entry finds."""
    query = "Renault opens a new battery plant in Douai"
    suffixes = ["today", "now", "soon", "again", "in 2025", "with Verkor", "at last", "too"]
    suffixes += ["this year", "for Ampere", "next year", "in March", "and Cléon", "as planned"]
    for suffix in suffixes:
        PressReleaseFactory(title_en=f"{query} {suffix}", title_fr=f"Usine {suffix}")
    PressReleaseFactory(title_en=query, title_fr="Usine")
    scores = sorted(
        (
            memory.similarity(text, query)
            for text in MemoryEntry.objects.filter(
                source_language="en", target_language="fr", normalized__startswith=f"{query} "
            ).values_list("normalized", flat=True)
        ),
        reverse=True,
    )
    matches = memory.suggest(query, "en", "fr")
    assert (matches[0].percent, matches[0].target) == (100, "Usine")
    assert [m.percent for m in matches[1:]] == [round(score * 100) for score in scores[:2]]


# Words added to the query of the test below make its entries: each count
# of added words gives a band of similarity (1 word: 0.90 to 0.96, 4: 0.74
# to 0.81, 8: 0.60 to 0.66, 10: 0.55 to 0.59), so that the first, middle and
# last of PostgreSQL's passes (FIRST_THRESHOLDS, then THRESHOLD) each have
# to give the answer in one case.
EXTRA_WORDS = ["now", "soon", "again", "today", "later", "twice", "early", "still", "first"]
EXTRA_WORDS += ["quickly", "quietly", "finally", "anyway", "instead", "together", "outside"]


@pytest.mark.parametrize(
    ("added", "first_pass_enough"),
    [
        ({1: 16, 4: 6, 8: 6}, 0.85),  # more rows than asked at 0.85 or above
        ({1: 3, 4: 14, 8: 6}, 0.7),  # too few at 0.85, enough at 0.7
        ({1: 3, 4: 4, 8: 8, 10: 6}, 0.5),  # too few at 0.7: everything at THRESHOLD
    ],
)
def test_every_threshold_pass_gives_the_best_of_all_entries(added, first_pass_enough):
    """Whichever pass gives a segment its matches, they are those comparing every entry finds."""
    query = "Renault opens a new battery plant in Douai with Verkor for the Ampere cars"
    texts = []
    for count, number in added.items():
        for start in range(number):
            words = [EXTRA_WORDS[(start + k) % len(EXTRA_WORDS)] for k in range(count)]
            texts.append(f"{query} {' '.join(words)}")
    for text in texts:
        memory.new_entry(text, f"{text} (fr)", False, "en", "fr").save()
    scores = sorted((memory.similarity(text, query) for text in texts), reverse=True)
    # The bands are those of the passes, and the data puts the answer in the
    # pass the case names: the first with `rows` matches (limit=5 below).
    assert memory.FIRST_THRESHOLDS == (0.85, 0.7)
    rows = 5 * 3
    enough = [t for t in (0.85, 0.7) if sum(score >= t for score in scores) >= rows]
    assert (enough[0] if enough else memory.THRESHOLD) == first_pass_enough
    matches = memory.suggest(query, "en", "fr", limit=5)
    expected = [min(round(score * 100), 99) for score in scores if score >= memory.THRESHOLD]
    assert [m.percent for m in matches] == expected[:5]


def test_rich_text_suggestions_insert_as_html_or_text():
    PressReleaseFactory(body_en=BODY_EN, body_fr=BODY_FR)
    (match,) = memory.suggest(
        "The plant opens in <em>Douai</em>.", "en", "fr", markup=True, limit=1
    )
    assert match.exact  # the text is the same; tags do not count
    assert match.target_html == "L'usine ouvre à <strong>Douai</strong>."
    assert match.target_text == "L'usine ouvre à Douai."


def test_prefill_gives_the_exact_translation_only(stocked):
    assert (
        memory.prefill("The Scenic is Car of the Year", "en", "fr")
        == "Le Scenic est Voiture de l'année"
    )
    assert memory.prefill("The Scenic is Car of the Year 2024", "en", "fr") is None
    assert memory.prefill("", "en", "fr") is None


def test_prefill_joins_the_exact_translations_of_every_sentence(django_assert_num_queries):
    PressReleaseFactory(body_en=BODY_EN, body_fr=BODY_FR)
    source = "<p>The plant opens in Douai. It builds 400,000 cars a year.</p>"
    with django_assert_num_queries(1):
        joined = memory.prefill(source, "en", "fr", markup=True)
    assert joined == (
        "L'usine ouvre à <strong>Douai</strong>. Elle produit 400\u202f000 voitures par an."
    )
    # Into a plain field: the text without its tags.
    assert memory.prefill("The plant opens in Douai.", "en", "fr") == "L'usine ouvre à Douai."
    # One sentence unknown: no pre-fill.
    assert memory.prefill("The plant opens in Douai. It is new.", "en", "fr") is None
