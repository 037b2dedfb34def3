"""Reading the parts of a rendered page that tests assert on."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    lang: str = ""
    alternates: dict = field(default_factory=dict)
    switcher: dict = field(default_factory=dict)
    h1: str = ""
    fallback_texts: list = field(default_factory=list)
    scripts: list = field(default_factory=list)
    links: list = field(default_factory=list)
    # <meta> by name or property: {"og:title": ["…"], …} (a property may repeat).
    meta: dict = field(default_factory=dict)
    canonical: str = ""
    feeds: dict = field(default_factory=dict)  # type -> href
    json_ld: list = field(default_factory=list)  # raw text of each ld+json script

    def one(self, key):
        """The content of the only <meta> named `key`."""
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def structured_data(self):
        return [json.loads(text) for text in self.json_ld]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = Page()
        self._in_switcher = False
        self._in_h1 = False
        self._lang_stack = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page.lang = attrs.get("lang", "")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.page.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "alternate" and "type" in attrs:
            self.page.feeds[attrs["type"]] = attrs["href"]
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.page.canonical = attrs["href"]
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.page.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.page.switcher[attrs.get("hreflang")] = attrs.get("href")
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "script":
            self.page.scripts.append(attrs)
            if attrs.get("type") == "application/ld+json":
                self._in_ld = True
                self.page.json_ld.append("")
        if tag == "a" and "href" in attrs:
            self.page.links.append(attrs["href"])
        if tag not in {"html", "img", "link", "meta", "br", "input"}:
            self._lang_stack.append(attrs.get("lang"))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False
        if tag == "nav":
            self._in_switcher = False
        if tag == "h1":
            self._in_h1 = False
        if tag not in {"html", "img", "link", "meta", "br", "input"} and self._lang_stack:
            self._lang_stack.pop()

    def handle_data(self, data):
        if self._in_ld:
            self.page.json_ld[-1] += data
            return
        if self._in_h1:
            self.page.h1 += data
        nearest = next((lang for lang in reversed(self._lang_stack) if lang), None)
        if data.strip() and nearest == "en":
            self.page.fallback_texts.append(data.strip())


def read_page(response):
    reader = _Reader()
    reader.feed(response.content.decode())
    reader.page.h1 = reader.page.h1.strip()
    return reader.page
