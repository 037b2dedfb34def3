"""
Property-based fuzzing of every public address with Hypothesis: odd paths,
query parameters, headers (Host, Accept-Language, Cookie) and methods.

Two properties hold for every request: the answer is never a 5xx (bad
input is a 4xx or a clean page), and input the page repeats comes back
escaped: a generated fragment `<x-fuzz-N ...>` or `" x-fuzz-N=` never
appears as written in the response.

Bounded for `make test`: a fixed number of examples per property, no
deadline (the machine is shared), no example database written to disk.
Each test prints how many requests it made and how many answered 5xx.
"""

import string
from collections import Counter
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renaulution.languages import codes
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
)

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Examples for each public address in the per-address property.
PER_ADDRESS = 40

# The site's languages (a fourth-language run adds one).
LANGUAGES = codes()
SLUGS = ["renault-group", "luca-de-meo", "ampere-starts", "episode-one"]
# Every public address, as a template: {lang} and {slug} are filled in.
PATHS = [
    "/",
    "/healthz",
    "/robots.txt",
    "/sitemap.xml",
    "/sitemap-{slug}.xml",
    "/{lang}/",
    "/{lang}/search/",
    "/{lang}/episodes/",
    "/{lang}/episodes/{slug}/",
    "/{lang}/companies/",
    "/{lang}/companies/{slug}/",
    "/{lang}/people/",
    "/{lang}/people/{slug}/",
    "/{lang}/press/",
    "/{lang}/press/{slug}/",
    "/{lang}/press/feed/",
    "/{lang}/press/feed/atom/",
    "/{lang}/timeline/",
    "/{lang}/timeline/{slug}/",
    "/{lang}/timeline/2021/",
    "/media/{slug}",
    "/admin/login/",
    "/admin/",
    "/{slug}/",
]
PARAMETERS = ["page", "company", "year", "q", "next", "p", "lang", "format"]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"]

# Text as a network can send it: any character a URL or form can carry
# (lone surrogates cannot be encoded, so no client can send them).
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
ascii_text = st.text(st.sampled_from(string.printable), max_size=40)


@st.composite
def reflected(draw):
    """A value that may carry a marked fragment, to spot unescaped echoes."""
    token = draw(st.integers(0, 10**6))
    fragment = draw(
        st.sampled_from(
            [
                f"<x-fuzz-{token}>",
                f'" x-fuzz-{token}="',
                f"' x-fuzz-{token}='",
                f"</title><x-fuzz-{token}>",
                f"<script>x-fuzz-{token}</script>",
            ]
        )
    )
    before, after = draw(text), draw(text)
    return before + fragment + after


# Characters that have broken a web app somewhere: NUL (PostgreSQL, file
# systems), line separators, quotes, escapes, the ends of Unicode planes.
odd_pieces = st.lists(
    st.sampled_from(
        ["\x00", "\u2028", "\u2029", "\ufeff", "\uffff", "\U0010ffff", "\x7f", "\x1b", "\r\n"]
        + ["'", '"', "\\", "%", "%00", "&", "#", "?", "/", "..", "' OR 1=1 --", "🚗", "é"]
    ),
    min_size=1,
    max_size=4,
).map("".join)
# NUL on its own too: the one character that broke PostgreSQL lookups here.
odd = st.one_of(st.just("\x00"), odd_pieces)

values = st.one_of(
    st.tuples(text, odd, text).map("".join),
    odd,
    text,
    reflected(),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", "0", "1", "-1", "2024", "99999", "1e9", "%00", "..", "../../etc/passwd"]),
    st.sampled_from(SLUGS),
)
languages = st.one_of(
    st.sampled_from(LANGUAGES),
    st.sampled_from(LANGUAGES),
    ascii_text.map(lambda s: quote(s, safe="")),
)
# Long enough to pass a file system's 255-byte name limit under /media/.
long_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=256, max_size=400)
slugs = st.one_of(
    st.sampled_from(SLUGS),
    text.map(lambda s: quote(s, safe="")),
    long_text.map(lambda s: quote(s, safe="")),
)


@st.composite
def addresses(draw, templates=PATHS):
    template = draw(st.sampled_from(templates))
    path = template.format(lang=draw(languages), slug=draw(slugs))
    # Mostly the parameters pages read, each odd in its own way; now and then
    # a name no page knows.
    params = draw(st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=4))
    extra = draw(st.lists(st.tuples(text, values), max_size=1))
    return path, [*params.items(), *extra]


@pytest.fixture
def content():
    """One published object of each kind, reachable by the slugs above."""
    company = CompanyFactory(name="Renault Group", slug_en="renault-group")
    person = PersonFactory(name="Luca de Meo", slug_en="luca-de-meo")
    PositionFactory(person=person, company=company)
    release = PressReleaseFactory(company=company, slug_en="ampere-starts")
    release.people.add(person)
    EpisodeFactory(slug_en="episode-one")
    MilestoneFactory(companies=[company])


class Tally:
    def __init__(self, name):
        self.name = name
        self.counts = Counter()

    def report(self, capsys):
        with capsys.disabled():
            print(
                f"\nfuzz {self.name}: {self.counts['requests']} requests, "
                f"{self.counts['5xx']} answered 5xx"
            )


def check(client, tally, method, path, params, **extra):
    """Send one request; it must not answer 5xx nor echo a marked fragment unescaped."""
    query = urlencode(params)
    url = f"{path}?{query}" if query else path
    tally.counts["requests"] += 1
    response = client.generic(method, url, **extra)
    if response.status_code >= 500:
        tally.counts["5xx"] += 1
    assert response.status_code < 500, (method, url, extra, response.status_code)
    body = b"" if response.streaming else response.content
    body = body.decode("utf-8", "replace")
    for _name, value in params:
        for marker in ("<x-fuzz-", "<script>x-fuzz-", '" x-fuzz-', "' x-fuzz-"):
            if marker in value:
                token = value.split(marker, 1)[1].split(">")[0].split("=")[0]
                assert f"{marker}{token}" not in body, (url, marker + token)
    return response


@pytest.fixture
def client():
    # A 500 must be counted, not raised from inside the view.
    return Client(raise_request_exception=False)


def fuzz(capsys, title, send, /, examples=None, **strategies):
    """Run `send(tally, **drawn)` on FUZZ's examples; report; no example may answer 5xx."""
    tally = Tally(title)
    bounds = settings(FUZZ, max_examples=examples) if examples else FUZZ
    bounds(given(**strategies)(lambda **drawn: send(tally, **drawn)))()
    tally.report(capsys)
    assert tally.counts["5xx"] == 0


@pytest.mark.parametrize("template", PATHS)
def test_any_address_and_query_answers_below_500(client, settings, content, capsys, template):
    """Each address on its own, so that every one meets the odd values, not a chance few."""
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

    def send(tally, address):
        path, params = address
        check(client, tally, "GET", path, params)

    fuzz(
        capsys,
        f"{template} × query parameters (GET)",
        send,
        address=addresses([template]),
        examples=PER_ADDRESS,
    )


def test_any_method_answers_below_500(client, content, capsys):
    def send(tally, method, address, body, content_type):
        path, params = address
        if path.startswith("/admin/login"):
            return  # a login POST hashes a password: the login suite's business
        extra = {"data": body or b"", "content_type": content_type}
        check(client, tally, method, path, params, **extra)

    fuzz(
        capsys,
        "methods × addresses, with a body",
        send,
        method=st.sampled_from(METHODS),
        address=addresses(),
        body=st.one_of(st.none(), text.map(str.encode), st.binary(max_size=200)),
        content_type=st.sampled_from(
            [
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz",
                "application/json",
                "text/plain",
            ]
        ),
    )


# Header values as an HTTP server hands them over: Latin-1 text.
header_text = st.text(st.characters(max_codepoint=255, exclude_characters="\r\n"), max_size=80)


def test_any_headers_answer_below_500(client, content, capsys):
    def send(tally, address, host, accept_language, cookie, forwarded, referer):
        path, params = address
        headers = {
            "HTTP_HOST": host,
            "HTTP_ACCEPT_LANGUAGE": accept_language,
            "HTTP_COOKIE": cookie,
        }
        if forwarded is not None:
            headers["HTTP_X_FORWARDED_FOR"] = forwarded
            headers["HTTP_X_FORWARDED_PROTO"] = forwarded
        if referer is not None:
            headers["HTTP_REFERER"] = referer
        client.cookies.clear()
        check(client, tally, "GET", path, params, **headers)

    fuzz(
        capsys,
        "Host, Accept-Language, Cookie and other headers",
        send,
        address=addresses(),
        host=st.one_of(st.sampled_from(["testserver", "localhost", "127.0.0.1"]), header_text),
        accept_language=st.one_of(
            st.sampled_from(["fr", "it-IT,it;q=0.9", "*", "en;q=abc", "zz" * 300]), header_text
        ),
        cookie=st.one_of(
            st.sampled_from(["sessionid=abcdefghij", "django_language=fr", "csrftoken=%00"]),
            header_text,
            st.tuples(
                st.sampled_from(["sessionid", "django_language", "csrftoken", "messages"]),
                header_text,
            ).map(lambda pair: f"{pair[0]}={pair[1]}"),
        ),
        forwarded=st.one_of(st.none(), header_text),
        referer=st.one_of(st.none(), header_text),
    )


def test_search_and_filters_echo_input_only_escaped(client, content, capsys):
    """The pages that repeat what the reader typed: the query, the filters, the next page."""

    def send(tally, language, target, name, value):
        check(client, tally, "GET", f"/{language}/{target}", [(name, value), ("q", value)])
        check(client, tally, "GET", "/admin/login/", [("next", value)])

    fuzz(
        capsys,
        "reflected input (search, press filters, login next)",
        send,
        language=st.sampled_from(LANGUAGES),
        target=st.sampled_from(["search/", "press/"]),
        name=st.sampled_from(["q", "company", "year", "page"]),
        value=reflected(),
    )


def test_any_media_name_answers_below_500(client, settings, capsys):
    """Uploaded files' names: any length, any character, nested or not."""
    settings.MEDIA_ROOT.mkdir(parents=True)  # as in production: the folder exists

    def send(tally, parts, method):
        check(client, tally, method, "/media/" + "/".join(quote(p, safe="") for p in parts), [])

    fuzz(
        capsys,
        "media names",
        send,
        parts=st.lists(st.one_of(text, long_text), min_size=1, max_size=3),
        method=st.sampled_from(["GET", "HEAD"]),
    )
