"""Reading the parts of a rendered page that tests assert on."""

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


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.page = Page()
        self._in_switcher = False
        self._in_h1 = False
        self._lang_stack = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page.lang = attrs.get("lang", "")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.page.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.page.switcher[attrs.get("hreflang")] = attrs.get("href")
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "script":
            self.page.scripts.append(attrs)
        if tag == "a" and "href" in attrs:
            self.page.links.append(attrs["href"])
        if tag not in {"html", "img", "link", "meta", "br", "input"}:
            self._lang_stack.append(attrs.get("lang"))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False
        if tag == "h1":
            self._in_h1 = False
        if tag not in {"html", "img", "link", "meta", "br", "input"} and self._lang_stack:
            self._lang_stack.pop()

    def handle_data(self, data):
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
