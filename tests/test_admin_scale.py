"""
The admin stays bounded as the content grows: changelists and their search
make the same queries at 3 and 30 rows, search finds any language without
reading every column, relations are chosen by autocomplete (never a
`<select>` of every company), and a big table is not counted on every page.
"""

import json
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from companies.models import Company, Person, PressRelease
from episodes.models import Episode, Series
from renaulution import admin_scale
from renaulution.roles import EDITORS, translator_group_names
from tests.factories import (
    CompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PressReleaseFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

BIG_TABLES = (Company, Person, PressRelease, Episode, Series)
# Each changelist with a search that finds rows at any size (a search that
# finds none skips the rows' related queries).
CHANGELISTS = {
    "companies_company": "company",
    "companies_person": "person",
    "companies_pressrelease": "release",
    "episodes_series": "anatomy",
    "episodes_episode": "episode",
    "timeline_milestone": "milestone",
}


def staff(client, username, group):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    return staff(client, "editor", EDITORS)


@pytest.fixture
def translator(client):
    return staff(client, "translator", translator_group_names()[1])


def add_content(rows):
    series = SeriesFactory()
    for _ in range(rows):
        company = CompanyFactory()
        person = PersonFactory(name=f"Person of {company.name}")
        release = PressReleaseFactory(company=company)
        release.people.add(person)
        episode = EpisodeFactory(series=series)
        MilestoneFactory(
            companies=[company], people=[person], episodes=[episode], press_releases=[release]
        )


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries]


def changelist_counts(client):
    counts = {}
    for name, term in CHANGELISTS.items():
        url = reverse(f"admin:{name}_changelist")
        counts[name] = len(queries(client, url))
        counts[f"{name}?q"] = len(queries(client, f"{url}?q={term}"))
    return counts


def test_changelists_and_their_search_make_the_same_queries_at_3_and_30_rows(client, editor):
    add_content(3)
    small = changelist_counts(client)
    add_content(27)
    assert changelist_counts(client) == small
    # Session, user, permissions, the count, the rows with their relations,
    # their translation states, the date hierarchy: a fixed ceiling.
    assert max(small.values()) <= 12


def test_the_changelist_counts_the_filtered_rows_only(client, editor):
    """No COUNT(*) of the whole table beside the count of what is shown."""
    PressReleaseFactory.create_batch(3)
    url = reverse("admin:companies_pressrelease_changelist") + "?q=release"
    counts = [sql for sql in queries(client, url) if "COUNT(" in sql.upper()]
    assert len(counts) == 1
    assert "WHERE" in counts[0].upper()


def release_in_three_languages(**overrides):
    return PressReleaseFactory(
        title_en="Battery plant opens in Douai",
        title_fr="Usine de batteries inaugurée à Douai",
        title_it="Inaugurata la fabbrica di batterie a Douai",
        summary_fr="Les véhicules électriques arrivent.",
        summary_it="Arrivano i veicoli elettrici.",
        **overrides,
    )


@pytest.mark.parametrize(
    "term", ["Battery", "batteries", "inaugurée", "Inaugurata", "fabbrica", "Douai"]
)
def test_the_press_search_finds_a_release_in_any_language(client, editor, term):
    release = release_in_three_languages()
    # Every text of the other release fixed, its company's too: a random
    # French tagline once held "douleur", which the French prefix "dou:*"
    # of "Douai" rightly finds.
    company = CompanyFactory(
        tagline_en="Small cars.", tagline_fr="Petites voitures.", tagline_it="Piccole auto."
    )
    other = PressReleaseFactory(
        title_en="Dacia Spring",
        title_fr="Dacia",
        title_it="Dacia",
        summary_en="A small car.",
        company=company,
    )
    response = client.get(reverse("admin:companies_pressrelease_changelist"), {"q": term})
    found = list(response.context["cl"].result_list)
    assert release in found
    assert other not in found


def test_the_press_search_finds_a_release_by_its_company_name(client, editor):
    release = PressReleaseFactory(company=CompanyFactory(name="Ampere Electric"))
    PressReleaseFactory()
    response = client.get(reverse("admin:companies_pressrelease_changelist"), {"q": "Ampere"})
    assert list(response.context["cl"].result_list) == [release]


def test_a_search_without_words_finds_nothing_and_answers(client, editor):
    PressReleaseFactory()
    response = client.get(reverse("admin:companies_pressrelease_changelist"), {"q": "&|!:*"})
    assert response.status_code == 200


def test_on_postgresql_a_word_prefix_finds_stemmed_accented_text(client, editor):
    """What the stored vectors add to the fallback: stems and folded accents."""
    if connection.vendor != "postgresql":
        pytest.skip("stemming and accent folding are PostgreSQL's")
    release = release_in_three_languages(company=CompanyFactory(name="Ampere"))
    for term in ("electriques", "inauguree", "veicol", "Ampere electr"):
        response = client.get(reverse("admin:companies_pressrelease_changelist"), {"q": term})
        assert list(response.context["cl"].result_list) == [release], term


def test_on_postgresql_the_search_reads_the_vectors_not_every_column(client, editor):
    if connection.vendor != "postgresql":
        pytest.skip("the search vectors are PostgreSQL's")
    PressReleaseFactory()
    url = reverse("admin:companies_pressrelease_changelist") + "?q=batteries"
    sql = " ".join(queries(client, url))
    assert "search_fr" in sql and "search_it" in sql and "search_en" in sql
    assert "LIKE" not in sql.upper()


def relation_fields(model_admin, parent=None):
    """Relations to big tables an editor chooses (an inline's link to its parent is implied)."""
    model = model_admin.model
    return [
        field.name
        for field in [*model._meta.fields, *model._meta.many_to_many]
        if field.is_relation
        and field.related_model in BIG_TABLES
        and field.editable
        and field.related_model is not parent
        # A relation through a model of ours is edited by that model's inline.
        and (not field.many_to_many or field.remote_field.through._meta.auto_created)
    ]


def every_admin():
    """(admin or inline, the inline's parent model or None)."""
    for model_admin in admin.site._registry.values():
        yield model_admin, None
        for inline in model_admin.inlines:
            yield inline(model_admin.model, admin.site), model_admin.model


def test_every_relation_to_a_big_table_is_chosen_by_autocomplete():
    checked = 0
    for model_admin, parent in every_admin():
        for name in relation_fields(model_admin, parent):
            assert name in model_admin.autocomplete_fields, f"{model_admin}: {name}"
            target = admin.site._registry[model_admin.model._meta.get_field(name).related_model]
            assert target.search_fields, f"{target} cannot answer an autocomplete"
            checked += 1
    assert checked >= 14


FORMS = [
    "companies_company",
    "companies_person",
    "companies_pressrelease",
    "episodes_series",
    "episodes_episode",
    "timeline_milestone",
]


@pytest.mark.parametrize("name", FORMS)
def test_add_and_change_forms_never_list_every_company(client, editor, name):
    add_content(3)
    CompanyFactory.create_batch(5, name=factory_name())
    model = admin.site._registry
    objects = {
        model_admin.model._meta.label_lower.replace(".", "_"): model_admin.model
        for model_admin in model.values()
    }
    obj = objects[name].objects.order_by("pk").first()
    for url in (
        reverse(f"admin:{name}_add"),
        reverse(f"admin:{name}_change", args=[obj.pk]),
    ):
        content = client.get(url).content.decode()
        assert "admin-autocomplete" in content
        assert "Listed company" not in content or name == "companies_company"
        for select in re.findall(r"<select[^>]*>.*?</select>", content, re.S):
            # Only short fixed choices (kind, status, language) and the
            # chosen values of an autocomplete.
            assert select.count("<option") <= 10, select[:200]


def factory_name():
    import factory

    return factory.Sequence(lambda n: f"Listed company {n}")


def autocomplete(client, **params):
    return client.get(reverse("admin:autocomplete"), params)


@pytest.mark.parametrize("who", ["editor", "translator"])
def test_the_autocomplete_answers_editors_and_translators(client, request, who):
    request.getfixturevalue(who)
    company = CompanyFactory(name="Renault Group")
    CompanyFactory(name="Nissan")
    response = autocomplete(
        client,
        app_label="companies",
        model_name="pressrelease",
        field_name="company",
        term="Renault",
    )
    assert response.status_code == 200
    results = json.loads(response.content)["results"]
    assert results == [{"id": str(company.pk), "text": "Renault Group"}]


def test_the_autocomplete_is_refused_without_the_right_to_view(client):
    user = User.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(user)
    CompanyFactory(name="Renault Group")
    response = autocomplete(
        client, app_label="companies", model_name="pressrelease", field_name="company", term="R"
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("model_name", "field_name", "target", "term"),
    [
        ("milestone", "press_releases", "press", "Battery"),
        ("milestone", "people", "person", "Carlos"),
        ("milestone", "episodes", "episode", "Comeback"),
        ("episode", "series", "series", "Anatomy"),
    ],
)
def test_the_timeline_and_episodes_autocomplete_their_links(
    client, editor, model_name, field_name, target, term
):
    wanted = {
        "press": lambda: release_in_three_languages(),
        "person": lambda: PersonFactory(name="Carlos Tavares"),
        "episode": lambda: EpisodeFactory(title_en="Comeback begins"),
        "series": lambda: SeriesFactory(),
    }[target]()
    app_label = "timeline" if model_name == "milestone" else "episodes"
    response = autocomplete(
        client, app_label=app_label, model_name=model_name, field_name=field_name, term=term
    )
    assert response.status_code == 200
    assert [row["id"] for row in json.loads(response.content)["results"]] == [str(wanted.pk)]


def test_the_company_filter_shows_only_the_chosen_company(client, editor):
    chosen, other = CompanyFactory(name="Alpine"), CompanyFactory(name="Listed Dacia")
    mine = PressReleaseFactory(company=chosen)
    PressReleaseFactory(company=other)
    url = reverse("admin:companies_pressrelease_changelist")
    unfiltered = client.get(url).content.decode()
    assert "Listed Dacia" in unfiltered  # in the rows, not as a filter choice
    assert f"?company={other.pk}" not in unfiltered
    response = client.get(url, {"company": chosen.pk})
    assert list(response.context["cl"].result_list) == [mine]
    assert "Alpine" in response.content.decode()
    assert client.get(url, {"company": "nope"}).status_code == 302  # Django's "?e=1"
    gone = client.get(url, {"company": other.pk + 100})
    assert list(gone.context["cl"].result_list) == []


def test_on_postgresql_a_big_unfiltered_list_is_counted_from_statistics(
    client, editor, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("pg_class statistics are PostgreSQL's")
    PressReleaseFactory.create_batch(6)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE companies_pressrelease")
    monkeypatch.setattr(admin_scale, "ESTIMATE_ABOVE", 3)
    url = reverse("admin:companies_pressrelease_changelist")
    sql = queries(client, url)
    assert not [query for query in sql if "COUNT(" in query.upper() and "pressrelease" in query]
    assert re.search(r"about \d+ press releases", client.get(url).content.decode())
    # Filtered, the count is exact and says so.
    filtered = client.get(url, {"status__exact": "published"}).content.decode()
    assert "6 press releases" in filtered and "about" not in filtered.split("paginator")[-1][:80]


def test_on_sqlite_and_small_tables_the_count_is_exact(client, editor):
    PressReleaseFactory.create_batch(2)
    content = client.get(reverse("admin:companies_pressrelease_changelist")).content.decode()
    assert "2 press releases" in content
    assert "about 2" not in content


def test_every_relation_field_is_a_model_relation():
    """The structural test above looks at real fields, not names."""
    assert all(
        isinstance(PressRelease._meta.get_field(name), models.Field)
        for name in relation_fields(admin.site._registry[PressRelease])
    )


def test_a_filtered_list_is_counted_up_to_a_limit_and_says_more_than(client, editor, monkeypatch):
    PressReleaseFactory.create_batch(4)
    monkeypatch.setattr(admin_scale, "COUNT_LIMIT", 2)
    url = reverse("admin:companies_pressrelease_changelist")
    response = client.get(url, {"q": "release"})
    assert "more than 2 press releases" in response.content.decode()
    assert len(response.context["cl"].result_list) == 4  # one page of 50: all of them


def test_the_capped_count_reads_the_keys_not_the_rows_annotations(client, editor):
    """A release's pending change is a subquery per row: counting must not compute it."""
    PressReleaseFactory.create_batch(3)
    url = reverse("admin:companies_pressrelease_changelist") + "?q=release"
    sql = queries(client, url)
    counts = [query for query in sql if "COUNT(" in query.upper()]
    assert counts and all("pendingchange" not in query for query in counts)
    # The rows themselves still carry it (the changelist shows pending changes).
    assert any("pendingchange" in query and "COUNT(" not in query.upper() for query in sql)


def test_a_full_page_of_releases_is_bounded_in_rows_and_bytes(client, editor):
    """More releases than a page holds: one page of `list_per_page`, under 100 KB."""
    model_admin = admin.site._registry[PressRelease]
    per_page = model_admin.list_per_page
    PressReleaseFactory.create_batch(per_page + 1, title="A long title " * 20)
    response = client.get(reverse("admin:companies_pressrelease_changelist"))
    assert len(response.context["cl"].result_list) == per_page
    assert len(response.content) < 100 * 1024
    assert "?p=2" in response.content.decode()


def test_the_action_checkbox_is_the_markup_django_writes(rf):
    """Written without the widget templates, the same <input> as Django's own."""
    model_admin = admin.site._registry[PressRelease]
    release = PressReleaseFactory(title='Say "R&D" <now>')
    assert model_admin.action_checkbox(release) == admin.ModelAdmin.action_checkbox(
        model_admin, release
    )


def test_the_years_filter_lists_the_years_between_the_first_and_last_release(client, editor):
    import datetime

    old = PressReleaseFactory(issued_on=datetime.date(2020, 7, 1))
    PressReleaseFactory(issued_on=datetime.date(2024, 12, 13))
    url = reverse("admin:companies_pressrelease_changelist")
    content = client.get(url).content.decode()
    for year in range(2020, 2025):
        assert f"?issued_on__year={year}" in content
    response = client.get(url, {"issued_on__year": "2020"})
    assert list(response.context["cl"].result_list) == [old]
    assert client.get(url, {"issued_on__year": "20x0"}).status_code == 302
