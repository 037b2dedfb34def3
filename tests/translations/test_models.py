"""What the translations models tell editors about their fields."""

from django.utils import translation

from translations.models import FINDINGS, FieldTranslation


def test_the_issues_help_text_names_every_kind_of_finding_in_each_language():
    field = FieldTranslation._meta.get_field("issues")
    english = str(field.help_text)
    # One phrase per kind the checks store (FINDINGS): a new kind needs its words here.
    named = {"figures": "numbers", "terms": "glossary terms", "other_language": "another language"}
    assert set(named) == set(FINDINGS)
    assert all(phrase in english for phrase in named.values())
    for language in ("fr", "it"):
        with translation.override(language):
            assert str(field.help_text) not in ("", english)
