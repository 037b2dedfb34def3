"""
Links between the shipped texts and the pages of the people and companies
they mention.

`data.py` writes a link as a marker, `[[person:luca-de-meo|Luca de Meo]]` or
`[[company:alpine|Alpine]]`: the kind, the English slug in `data`, the words
the reader reads. The loader replaces each marker with an `<a href>` to the
object's page in the text's language (`get_absolute_url` under
`translation.override`), when it creates the text. No address is written by
hand, so none can be mistyped, and an address follows the localized slugs
the loader itself stores.
"""

import re

from django.utils.html import escape

MARKER = re.compile(r"\[\[(?P<kind>person|company):(?P<slug>[a-z0-9-]+)\|(?P<label>[^\[\]|]+)\]\]")


def labels(text):
    """`text` as a reader reads it: each marker replaced by its words."""
    return MARKER.sub(lambda match: match["label"], text)


def has_markers(text):
    """Whether `text` holds a marker, or something meant as one."""
    return "[[" in text


def targets(text):
    """The (kind, slug) pairs `text` links to."""
    return {(match["kind"], match["slug"]) for match in MARKER.finditer(text)}


def resolve(text, url_for):
    """
    `text` with each marker made a link. `url_for(kind, slug)` gives the
    page's address, or None to leave the words unlinked (an object readers
    may not see); it raises for a slug it does not know. A marker that is
    not well formed raises too, rather than reach readers as brackets.
    """

    def link(match):
        url = url_for(match["kind"], match["slug"])
        if url is None:
            return match["label"]
        return f'<a href="{escape(url)}">{match["label"]}</a>'

    resolved = MARKER.sub(link, text)
    if "[[" in resolved:
        start = resolved.index("[[")
        raise ValueError(f"A link marker is not well formed: {resolved[start : start + 60]!r}")
    return resolved
