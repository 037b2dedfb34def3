"""
The translator's form: rich text keeps its structure (source box, diff,
read-only columns, the queue's diff), and the "reviewed" box sits on its
field's line under its human name.
"""

import random

import lxml.html
import pytest
from django.urls import reverse

from companies.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.translations.test_rights import form_data
from tests.xss_payloads import PAYLOADS, executable_markup
from translations.diff import html_diff
from translations.models import FieldTranslation, State

pytestmark = pytest.mark.django_db

STRUCTURED = (
    "<h2>Ampere</h2><p>The company <strong>starts</strong>.</p>"
    "<ul><li>Eleven sites</li><li>LFP cells</li></ul>"
    "<blockquote><p>A new chapter.</p></blockquote><ol><li>First</li></ol>"
)


def change_url(obj):
    return reverse("admin:companies_pressrelease_change", args=[obj.pk])


def outdated(body_en, new_body_en, **fields):
    """A release whose French body was written for `body_en`, then `body_en` changed."""
    release = PressReleaseFactory(
        body_en=body_en, body_fr="<p>Corps.</p>", summary_en="", image_alt_en="", **fields
    )
    release.body_en = new_body_en
    release.save()
    row = FieldTranslation.objects.for_object(release).get(field="body", language="fr")
    assert row.state == State.OUTDATED
    return release


def element(html, css_class):
    document = lxml.html.document_fromstring(html)
    [found] = document.find_class(css_class)
    return found


def pair_of(html, field_id):
    """The translation pair (source box, diff, target) of the field with `field_id`."""
    document = lxml.html.document_fromstring(html)
    [pair] = document.xpath(f'//div[@class="translation-pair"][.//*[@id="{field_id}"]]')
    return pair


# html_diff


def test_html_diff_marks_words_inside_the_new_structure():
    assert html_diff(
        "<p>Ampere starts in France</p>", "<p>Ampere starts in northern France</p>"
    ) == ("<p>Ampere starts in <ins>northern</ins> France</p>")
    old = "<h2>Plan</h2><ul><li>Eleven sites</li></ul>"
    new = "<h2>Plan</h2><ul><li>Eleven sites</li><li>LFP cells</li></ul>"
    assert html_diff(old, new) == (
        "<h2>Plan</h2><ul><li>Eleven sites</li><li><ins>LFP cells</ins></li></ul>"
    )


def test_html_diff_puts_deleted_words_in_a_block_of_their_own():
    # Between two list items a deleted item stays an item; between
    # paragraphs, a paragraph: never bare text inside a <ul>.
    assert html_diff("<ul><li>one</li><li>two</li></ul>", "<ul><li>one</li></ul>") == (
        "<ul><li>one</li><li><del>two</del></li></ul>"
    )
    assert html_diff("<p>a b</p><p>c d</p>", "<p>a b</p>") == "<p>a b</p><p><del>c d</del></p>"
    # Inside a paragraph, in place.
    assert html_diff("<p>Sales rose sharply</p>", "<p>Sales rose</p>") == (
        "<p>Sales rose <del>sharply</del></p>"
    )


@pytest.mark.parametrize(
    ("old", "new", "diff"),
    [
        # A whole item removed or added shows as an item, not as words
        # glued to its neighbour (difflib alone may cut "b</li><li>").
        (
            "<ol><li>a</li><li>b</li><li>c</li></ol>",
            "<ol><li>a</li><li>c</li></ol>",
            "<ol><li>a</li><li><del>b</del></li><li>c</li></ol>",
        ),
        (
            "<ol><li>a</li><li>c</li></ol>",
            "<ol><li>a</li><li>b</li><li>c</li></ol>",
            "<ol><li>a</li><li><ins>b</ins></li><li>c</li></ol>",
        ),
        ("<p>a</p><p>b</p><p>c</p>", "<p>a</p><p>c</p>", "<p>a</p><p><del>b</del></p><p>c</p>"),
        (
            "<blockquote><p>a</p><p>b</p></blockquote>",
            "<blockquote><p>a</p></blockquote>",
            "<blockquote><p>a</p><p><del>b</del></p></blockquote>",
        ),
        # A heading that changed level keeps its old words inside the new one.
        (
            "<h2>Old title</h2><p>x</p>",
            "<h3>New title</h3><p>x</p>",
            "<h3><del>Old</del><ins>New</ins> title</h3><p>x</p>",
        ),
        # A paragraph turned into a list: the same words, the new structure.
        (
            "<p>one two</p>",
            "<ul><li>one</li><li>two</li></ul>",
            "<ul><li>one</li><li>two</li></ul>",
        ),
        ("<p>a<br>b</p>", "<p>a<br>c</p>", "<p>a<br><del>b</del><ins>c</ins></p>"),
        # A link's new address is the new text's; its words did not change.
        (
            '<p><a href="https://a.example">site</a></p>',
            '<p><a href="https://b.example">site</a></p>',
            '<p><a href="https://b.example">site</a></p>',
        ),
    ],
)
def test_html_diff_keeps_blocks_whole(old, new, diff):
    assert html_diff(old, new) == diff


BLOCKS = [
    "<h2>Ampere</h2>",
    "<p>The company <strong>starts</strong> in France.</p>",
    "<ul><li>Eleven sites</li><li>LFP cells</li></ul>",
    "<blockquote><p>A new chapter.</p></blockquote>",
    "<ol><li>First</li><li>Second <em>step</em></li></ol>",
    "<p>Sales &amp; margins rose.</p>",
    "<h3>Next</h3>",
]


def words_of(html, drop):
    """The words of `html` as read, with the elements named `drop` left out."""
    document = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for element in document.iter(drop):
        element.drop_tree()
    # Blocks are apart even when no space separates their tags (BLOCKS has
    # no word cut by an inline tag).
    return " ".join(document.itertext()).split()


def test_html_diff_reads_as_the_new_text_without_deletions_and_the_old_without_insertions():
    rng = random.Random(12)
    for _ in range(300):
        old = "".join(rng.sample(BLOCKS, rng.randint(0, len(BLOCKS))))
        new = "".join(rng.sample(BLOCKS, rng.randint(0, len(BLOCKS))))
        diff = html_diff(old, new)
        assert words_of(diff, "del") == words_of(new, "del"), (old, new, diff)
        assert words_of(diff, "ins") == words_of(old, "ins"), (old, new, diff)
        # Lists hold only items and the top level only blocks, whatever was deleted.
        document = lxml.html.fragment_fromstring(diff or "<p></p>", create_parent="div")
        assert not document.xpath("//ul/*[not(self::li)] | //ol/*[not(self::li)]"), diff
        assert {child.tag for child in document} <= {"h2", "h3", "p", "ul", "ol", "blockquote"}
        assert not (document.text or "").strip(), diff


def test_html_diff_keeps_inline_formatting_and_reads_entities_as_characters():
    assert (
        html_diff(
            "<p>Sales &amp; <strong>profits</strong> rose</p>",
            "<p>Sales &amp; <strong>margins</strong> rose</p>",
        )
        == "<p>Sales &amp; <strong><del>profits</del><ins>margins</ins></strong> rose</p>"
    )
    # The same words in another formatting are not a change of words.
    assert html_diff("<p>Renault 5</p>", "<p><em>Renault</em> 5</p>") == "<p><em>Renault</em> 5</p>"
    assert html_diff("", "") == ""


def test_html_diff_of_the_same_text_is_the_sanitized_text():
    assert html_diff(STRUCTURED, STRUCTURED) == STRUCTURED


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_diff_lets_no_payload_through(payload):
    diff = html_diff(f"<p>Old {payload}</p>", f"<ul><li>New {payload} xss</li></ul>")
    assert executable_markup(diff) == [], diff
    assert "<ins>" in diff or "<del>" in diff


# The form


def test_the_source_box_keeps_headings_lists_and_quotes(client, translator_fr):
    release = PressReleaseFactory(body_en=STRUCTURED, body_fr="", summary_en="")
    pair = pair_of(client.get(change_url(release)).content.decode(), "id_body_fr")
    [source] = pair.find_class("translation-source__text")
    assert [child.tag for child in source] == ["h2", "p", "ul", "blockquote", "ol"]
    assert [li.text_content() for li in source.findall("ul/li")] == ["Eleven sites", "LFP cells"]
    assert source.find("blockquote/p").text_content() == "A new chapter."


def test_a_script_stored_past_the_sanitizer_does_not_reach_the_source_box(client, translator_fr):
    release = PressReleaseFactory(body_en="<p>Body</p>", body_fr="", summary_en="")
    # An update() skips the field's own cleaning: what an import by SQL would leave.
    stored = "<ul><li>Item</li></ul>" + " ".join(PAYLOADS)
    PressRelease.objects.filter(pk=release.pk).update(body_en=stored)
    FieldTranslation.objects.for_object(release).filter(field="body", language="fr").update(
        state=State.OUTDATED, translated_source="<p>Old</p>" + " ".join(PAYLOADS)
    )
    html = client.get(change_url(release)).content.decode()
    pair = pair_of(html, "id_body_fr")
    markup = lxml.html.tostring(pair, encoding="unicode")
    assert executable_markup(markup) == []
    assert pair.find_class("translation-source__text")[0].find("ul/li").text == "Item"
    assert pair.find_class("translation-diff__text")


def test_an_outdated_rich_field_shows_its_diff_in_the_sources_structure(client, translator_fr):
    release = outdated(
        "<h2>Plan</h2><ul><li>Eleven sites</li></ul>",
        "<h2>Plan</h2><ul><li>Eleven sites</li><li>LFP cells</li></ul>",
    )
    pair = pair_of(client.get(change_url(release)).content.decode(), "id_body_fr")
    [diff] = pair.find_class("translation-diff__text")
    assert [child.tag for child in diff] == ["h2", "ul"]
    items = diff.findall("ul/li")
    assert [item.text_content() for item in items] == ["Eleven sites", "LFP cells"]
    assert items[1].find("ins").text == "LFP cells"


def test_a_plain_field_keeps_its_word_diff(client, translator_fr):
    release = PressReleaseFactory(title_en="Ampere starts", title_fr="Ampere démarre")
    release.title_en = "Ampere starts <b>now</b>"
    release.save()
    pair = pair_of(client.get(change_url(release)).content.decode(), "id_title_fr")
    assert not pair.find_class("translation-diff__text")
    assert [ins.text for ins in pair.iter("ins")] == ["now"]


def test_read_only_rich_text_keeps_its_structure(client, translator_fr):
    release = PressReleaseFactory(body_en=STRUCTURED, body_it=STRUCTURED, summary_en="")
    html = client.get(change_url(release)).content.decode()
    document = lxml.html.document_fromstring(html)
    # The Italian body, which a French translator only reads.
    [readonly] = document.xpath(
        '//div[contains(@class, "field-body_it_rendered")]//div[@class="readonly"]'
    )
    assert [child.tag for child in readonly] == ["h2", "p", "ul", "blockquote", "ol"]


def test_the_queue_shows_a_rich_fields_diff_in_its_structure(client, translator_fr):
    outdated(
        "<ul><li>Eleven sites</li></ul>",
        "<ul><li>Eleven sites</li><li>LFP cells</li></ul>",
        title_fr="Titre",
        title_it="Titolo",
    )
    response = client.get(reverse("translations:queue", args=["fr"]))
    [entry] = response.context["entries"]
    body = next(field for field in entry["fields"] if field["field"] == "body")
    assert body["diff_html"] == "<ul><li>Eleven sites</li><li><ins>LFP cells</ins></li></ul>"
    # The plain diff is still there for who reads words.
    assert ("insert", "LFP cells") in body["diff"]
    diff = element(response.content.decode(), "queue-diff--rich")
    assert diff.tag == "div" and diff.get("lang") == "en"
    assert diff.find("ul/li/ins").text == "LFP cells"


# The "reviewed" box


def test_the_reviewed_box_sits_under_its_field_with_its_human_name(client, translator_fr):
    release = PressReleaseFactory(title_en="Ampere starts", title_fr="Ampere démarre")
    release.title_en = "Ampere starts now"
    release.save()
    response = client.get(change_url(release))
    document = lxml.html.document_fromstring(response.content.decode())
    [box] = document.xpath('//input[@name="reviewed__title_fr"]')
    assert box.get("type") == "checkbox"
    # On the line right after the French title's.
    [row] = box.xpath('ancestor::div[contains(@class, "form-row")]')
    [previous] = row.xpath('preceding-sibling::div[contains(@class, "form-row")][1]')
    assert previous.xpath('.//*[@id="id_title_fr"]')
    [label] = document.xpath(f'//label[@for="{box.get("id")}"]')
    assert label.text_content().strip() == "Title (French): reviewed, no change needed"
    # No separate "Review" section any more.
    assert not document.xpath('//h2[normalize-space()="Review"]')


def test_the_reviewed_box_is_labelled_in_the_interface_language(client, translator_fr):
    release = PressReleaseFactory(title_en="Ampere starts", title_fr="Ampere démarre")
    release.title_en = "Ampere starts now"
    release.save()
    response = client.get(change_url(release), headers={"accept-language": "fr"})
    field = response.context["adminform"].form.fields["reviewed__title_fr"]
    # The catalog sets French typography: a no-break space before the colon.
    label = str(field.label).replace("\u202f", " ").replace("\xa0", " ")
    assert label == "Titre (Français) : relu, aucune modification nécessaire"


def test_only_outdated_fields_have_a_reviewed_box(client, translator_fr):
    release = PressReleaseFactory(
        title_en="Ampere starts", title_fr="Ampere démarre", body_fr="<p>Corps.</p>"
    )
    release.body_en = "<p>A new body.</p>"
    release.save()
    form = client.get(change_url(release)).context["adminform"].form
    reviewed = sorted(name for name in form.fields if name.startswith("reviewed__"))
    assert reviewed == ["reviewed__body_fr"]


def test_checking_the_box_still_makes_the_translation_current_unchanged(client, translator_fr):
    release = outdated("<ul><li>One</li></ul>", "<ul><li>One</li><li>Two</li></ul>")
    response = client.get(change_url(release))
    data = form_data(response) | {"reviewed__body_fr": "on"}
    assert client.post(change_url(release), data).status_code == 302
    row = FieldTranslation.objects.for_object(release).get(field="body", language="fr")
    assert row.state == State.CURRENT
    release.refresh_from_db()
    assert release.body_fr == "<p>Corps.</p>"
