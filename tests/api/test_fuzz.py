"""
Property-based test of the API with Hypothesis, driven by its own OpenAPI
schema: every operation, its declared parameters (and now and then one it
does not declare) with values valid and odd, and an Accept-Language header.

Properties: never a 5xx; every answer is JSON; a 200 conforms to the
operation's schema; a 400 names one of the parameters sent (or a required
one missing). Bounded for `make test`: a fixed number of examples, no
deadline, no example database.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS31Validator

from tests.api.conftest import API

FUZZ = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30)
values = st.one_of(
    text,
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", "0", "1", "50", "100", "101", "2021", "true", "all", "fr", "it"]),
    st.sampled_from(["renault-group", "groupe-renault", "luca-de-meo", "plan", "hidden-person-0"]),
    st.sampled_from(["eyJ4Ijo", "W10:1x:abc", "[1]", "%", "..", "' OR 1=1 --", "🚗", "é" * 300]),
)
path_values = st.one_of(
    st.sampled_from(["renault-group", "renaulution-plan", "episode-one", "plan", "1", "0"]),
    text.map(lambda s: quote(s, safe="")),
)
headers = st.one_of(
    st.just({}),
    st.builds(lambda v: {"accept-language": v}, st.one_of(text, st.sampled_from(["fr", "it;q=x"]))),
)


@pytest.fixture
def operations(openapi):
    """(path template, its parameters' names by place, its 200 schema) of every operation."""
    found = []
    for template, item in openapi["paths"].items():
        operation = item["get"]
        names = {"query": [], "path": []}
        for parameter in operation.get("parameters", []):
            names[parameter["in"]].append(parameter["name"])
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        found.append((template, names, {**schema, "components": openapi["components"]}))
    return found


@st.composite
def requests(draw, operations):
    template, names, schema = draw(st.sampled_from(operations))
    path = template
    for name in names["path"]:
        path = path.replace(f"{{{name}}}", draw(path_values) or "x")
    query = draw(st.dictionaries(st.sampled_from(names["query"] or ["lang"]), values, max_size=4))
    if draw(st.booleans()):
        query[draw(st.sampled_from(["page", "format", "q"]))] = draw(values)
    return path, query, draw(headers), schema, [*names["query"], *names["path"]]


def test_no_request_answers_5xx(content, operations):
    client = Client(raise_request_exception=False)
    counts = {"requests": 0, "200": 0}

    @FUZZ
    @given(st.data())
    def run(data):
        path, query, extra, schema, declared = data.draw(requests(operations))
        url = f"{path}?{urlencode(query)}" if query else path
        counts["requests"] += 1
        response = client.get(url, headers=extra)
        assert response.status_code < 500, (url, extra, response.content[:300])
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert response["Content-Type"] == "application/json", url
        if response.status_code == 200:
            counts["200"] += 1
            OAS31Validator(schema).validate(response.json())
        elif response.status_code == 400:
            # A parameter sent, or a required one missing.
            parameter = response.json()["error"]["parameter"]
            assert parameter in query or parameter in declared, (url, response.content)

    run()
    assert counts["requests"] >= 80
    assert str(API) in "".join(t for t, _n, _s in operations)
