"""
Rich text: one editor configuration, one allow-list, used everywhere.

django-prose-editor derives an nh3 allow-list from the editor's extensions
and cleans in form validation. That leaves ORM writes and imports unchecked,
so `RichTextField` also cleans in `pre_save`, and templates render through
the `richtext` filter, which cleans again: stored data written by any other
route still cannot inject a script.
"""

from functools import cache

import nh3
from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from django_prose_editor.fields import ProseEditorField

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}


@cache
def _cleaner():
    allowlist = allowlist_from_extensions(expand_extensions(EXTENSIONS))
    return nh3.Cleaner(**allowlist)


def sanitize_html(html):
    """Return `html` with everything outside the editor's allow-list removed."""
    if not html:
        return html
    cleaned = _cleaner().clean(html)
    # ProseMirror saves an empty document as one empty paragraph.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


class RichTextField(ProseEditorField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        cleaned = sanitize_html(value)
        if cleaned != value:
            setattr(model_instance, self.attname, cleaned)
        return cleaned
