"""
The shipped texts read as one site in three languages, in our own words:

- every figure and date of a text appears identically in its English, French
  and Italian versions;
- French, in the content and in the fr interface catalog, sets a narrow
  no-break space (U+202F) before `;` `:` `!` `?`, inside « », in figures and
  before `%` (`renaulution.content.typography`);
- no run of 8 consecutive words of a seed document (`../shared/seeds/`)
  appears in any shipped text, in any language. One exception, a citation:
  a press release marked `cited_title` is cited by the title its issuer gave
  it, in its original language (that one value; its translations and every
  other text are checked).

The seeds are not part of the repository, so the copy check compares against
their fingerprints (tests/seed_fingerprints.txt: one hash per 8-word run);
`test_the_fingerprints_are_those_of_the_seeds` checks them against the seeds
wherever these are present. Regenerate after a seed changes with
`DJANGO_DEBUG=1 DJANGO_SETTINGS_MODULE=renaulution.settings
.venv/bin/python -m tests.test_content_quality ../shared/seeds`.
"""

import hashlib
import html
import re
import sys
from collections import Counter
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from renaulution.content import data, links

RUN_LENGTH = 8
FINGERPRINTS = Path(__file__).with_name("seed_fingerprints.txt")
SEEDS_DIR = settings.BASE_DIR.parent / "shared" / "seeds"
FRENCH_CATALOG = settings.LOCALE_PATHS[0] / "fr" / "LC_MESSAGES" / "django.po"
NARROW_NBSP = "\u202f"


def localized_values():
    """Every `L(en, fr, it)` of the shipped content, with where it is."""
    found = []

    def walk(value, where):
        if isinstance(value, dict) and set(value) == {"en", "fr", "it"}:
            found.append((where, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{where}[{index}]")

    for name in ("COMPANIES", "PEOPLE", "SERIES", "EPISODES", "PRESS_RELEASES", "MILESTONES"):
        walk(getattr(data, name), name)
    return found


def plain(text):
    """
    What a reader reads: link markers reduced to their words, tags dropped
    (attributes and URLs with them), entities decoded.
    """
    return html.unescape(re.sub(r"<[^>]+>", " ", links.labels(text)))


def catalog_texts():
    """The translated strings of the French interface catalog, each with its msgid."""
    texts = []
    for entry in polib.pofile(str(FRENCH_CATALOG)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                texts.append((entry.msgid, text))
    return texts


# Figures and dates ----------------------------------------------------------------

# A number as any of the three languages writes it: 11,000 / 11 000 / 11.000, 7.3 / 7,3.
NUMBER = re.compile(r"\d+(?:[.,\u202f\u00a0]\d+)*")


def figures(text):
    """The numbers of `text`, separators normalized: thousands dropped, decimal point."""
    found = Counter()
    for token in NUMBER.findall(plain(text)):
        groups = re.split(r"[.,\u202f\u00a0]", token)
        if len(groups) > 1 and all(len(group) == 3 for group in groups[1:]):
            found["".join(groups)] += 1
        else:
            found[".".join(groups)] += 1
    return found


def test_figures_and_dates_are_the_same_in_the_three_languages():
    values = localized_values()
    assert len(values) > 100
    different = [
        (where, {language: dict(figures(text)) for language, text in value.items()})
        for where, value in values
        if not figures(value["en"]) == figures(value["fr"]) == figures(value["it"])
    ]
    assert different == []


def test_figures_reads_a_figure_as_each_language_writes_it():
    """The check compares values, not spellings (and would see a wrong figure)."""
    english = figures("More than 11,000 people, 35% of them; €7.3 billion on 1 November 2023.")
    french = figures("11\u202f000 personnes, dont 35\u202f% ; 7,3 milliards le 1er novembre 2023")
    italian = figures("Oltre 11.000 persone, per il 35%; 7,3 miliardi il 1° novembre 2023.")
    assert english == french == italian == Counter(["11000", "35", "7.3", "1", "2023"])
    assert figures("€8.0 billion") != figures("7,3 milliards")


# French typography ----------------------------------------------------------------

SPACING_ERRORS = [
    # ; : ! ? after anything but a narrow no-break space (a colon in a URL or a
    # ratio such as 3:1 or an identifier such as app.model:pk:champ is not
    # punctuation; a second sign of a run, "?!", follows the first).
    (
        re.compile(r"(?<![\u202f;:!?])(?:[;!?]|:(?!\w))(?![\d/])"),
        "a narrow no-break space before ;:!?",
    ),
    (re.compile("«(?!\u202f)"), "a narrow no-break space after «"),
    (re.compile("(?<!\u202f)»"), "a narrow no-break space before »"),
    (re.compile(r"\d[ \u00a0]\d{3}(?!\d)"), "narrow no-break spaces between groups of digits"),
    (re.compile(r"\d[ \u00a0]?%(?!\()"), "a narrow no-break space before %"),
]


def spacing_errors(text):
    """What French typography misses in `text`, each with its context."""
    text = plain(text)
    return [
        f"{rule}: …{text[max(0, match.start() - 20) : match.end() + 5]}…"
        for pattern, rule in SPACING_ERRORS
        for match in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        ("Son but : la tête du marché", 1),
        ("Son but\u00a0: la tête du marché", 1),
        ("Son but: la tête du marché", 1),
        ("Son but\u202f: la tête ; vraiment\u202f?", 1),
        ("« vivant ensemble\u202f»", 1),
        ("11 000 personnes, dont 35 %", 2),
        ("11\u202f000 personnes, dont 35%", 1),
        ('<a href="https://example.com">un lien</a>, un format 3:1, %(name)s', 0),
        ("un identifiant (app.model:pk:champ)", 0),
        ("Son but\u202f: «\u202fça\u202f» ; 11\u202f000, 35\u202f%\u202f!", 1),
    ],
)
def test_spacing_errors_sees_each_missing_space(text, errors):
    assert len(spacing_errors(text)) == errors, spacing_errors(text)


def test_french_content_is_set_with_narrow_no_break_spaces():
    errors = [
        (where, error)
        for where, value in localized_values()
        for error in spacing_errors(value["fr"])
    ]
    assert errors == []


def test_the_french_catalog_is_set_with_narrow_no_break_spaces():
    texts = catalog_texts()
    assert len(texts) > 300
    errors = [(msgid, error) for msgid, text in texts for error in spacing_errors(text)]
    assert errors == []


def test_the_french_catalog_keeps_its_placeholders():
    """The spaces added around signs left every python-format placeholder whole."""
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]")
    for entry in polib.pofile(str(FRENCH_CATALOG)):
        if "python-format" not in entry.flags:
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                assert sorted(set(placeholder.findall(text))) == sorted(
                    set(placeholder.findall(entry.msgid_plural or entry.msgid))
                    | set(placeholder.findall(entry.msgid))
                ), entry.msgid


# No copy from the seeds ---------------------------------------------------------------


def words(text):
    """Lower-case words, punctuation and apostrophes dropped: d’euros → d euros."""
    return re.findall(r"\w+", text.lower())


def runs(text):
    """The fingerprint of every run of RUN_LENGTH consecutive words of `text`."""
    found = words(text)
    return {
        hashlib.blake2b(" ".join(found[i : i + RUN_LENGTH]).encode(), digest_size=8).hexdigest()
        for i in range(len(found) - RUN_LENGTH + 1)
    }


def seed_fingerprints(directory):
    found = set()
    for path in sorted(directory.glob("*.txt")):
        found |= runs(path.read_text(encoding="utf-8"))
    return found


def stored_fingerprints():
    lines = FINGERPRINTS.read_text(encoding="ascii").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def cited_titles():
    """Where the citations are: the original-language titles of releases marked `cited_title`."""
    return {
        f"PRESS_RELEASES[{index}].title.{release['original_language']}"
        for index, release in enumerate(data.PRESS_RELEASES)
        if release.get("cited_title") and release["kind"] == "release"
    }


def shipped_texts():
    """
    Every shipped text in every language, the cited titles aside: the
    content and both interface catalogs.
    """
    cited = cited_titles()
    texts = [
        (f"{where}.{language}", plain(text))
        for where, value in localized_values()
        for language, text in value.items()
        if f"{where}.{language}" not in cited
    ]
    for language in ("fr", "it"):
        path = settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"
        for entry in polib.pofile(str(path)):
            for text in [entry.msgid, entry.msgstr, *entry.msgstr_plural.values()]:
                texts.append((f"{language}: {entry.msgid[:40]}", plain(text)))
    return texts


def test_no_run_of_eight_words_of_a_seed_is_shipped():
    seeds = stored_fingerprints()
    assert len(seeds) > 2000
    copied = [where for where, text in shipped_texts() if runs(text) & seeds]
    assert copied == []


def test_only_the_cited_title_of_a_release_is_exempt():
    """The Italian release of seed 003 is cited by its title, as given; nothing else is."""
    cited = cited_titles()
    assert len(cited) == 1
    (where,) = cited
    index = int(re.search(r"\[(\d+)\]", where).group(1))
    release = data.PRESS_RELEASES[index]
    assert where.endswith(".title.it") and release["original_language"] == "it"
    # The title itself is a copy of the seed's: without the exemption it fails.
    assert runs(release["title"]["it"]) & stored_fingerprints()
    # Its translations are ours, and checked.
    shipped = dict(shipped_texts())
    assert f"PRESS_RELEASES[{index}].title.en" in shipped
    assert f"PRESS_RELEASES[{index}].title.fr" in shipped
    assert where not in shipped


def test_the_copy_check_sees_a_copied_run_whatever_its_case_and_punctuation():
    seed = "Ampere operates 11 sites in France, among which four industrial facilities."
    shipped = "<p>As the release put it, AMPERE OPERATES 11 sites in France – among which four!</p>"
    assert runs(plain(shipped)) & runs(seed)
    assert not runs("Ampere had 11 sites in France at its launch, four of them industrial.") & runs(
        seed
    )


def test_the_fingerprints_are_those_of_the_seeds():
    """Where the seeds are (a checkout beside ../shared), the stored fingerprints match them."""
    stored = stored_fingerprints()
    if SEEDS_DIR.is_dir():
        assert seed_fingerprints(SEEDS_DIR) == stored
    # Without the seeds, at least the file holds hashes and nothing readable.
    assert all(re.fullmatch(r"[0-9a-f]{16}", line) for line in stored)


if __name__ == "__main__":
    # python -m tests.test_content_quality ../shared/seeds: rewrite the fingerprints.
    fingerprints = sorted(seed_fingerprints(Path(sys.argv[1])))
    FINGERPRINTS.write_text(
        "# One blake2b-64 hash per run of 8 words of the seed documents (lower case,\n"
        "# punctuation dropped): tests/test_content_quality.py. No seed text is stored.\n"
        + "\n".join(fingerprints)
        + "\n",
        encoding="ascii",
    )


def test_typeset_french_sets_a_new_catalog_string_and_leaves_placeholders(tmp_path):
    """`make messages` runs it: a translation added with plain spaces is set by the rule."""
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalog.append(polib.POEntry(msgid="Sure?", msgstr="Vraiment ?"))
    catalog.append(
        polib.POEntry(
            msgid="%(count)s in %(name)s",
            msgstr="%(count)s dans « %(name)s »",
            flags=["python-format"],
        )
    )
    path = tmp_path / "django.po"
    catalog.save(str(path))

    call_command("typeset_french", str(path), stdout=StringIO())
    typeset = polib.pofile(str(path))
    assert [entry.msgstr for entry in typeset] == [
        "Vraiment\u202f?",
        "%(count)s dans «\u202f%(name)s\u202f»",
    ]
    assert all(not spacing_errors(entry.msgstr) for entry in typeset)

    before = path.read_bytes()
    call_command("typeset_french", str(path), stdout=StringIO())
    assert path.read_bytes() == before
