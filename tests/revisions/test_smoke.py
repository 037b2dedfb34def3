import pytest
from reversion.models import Version

from revisions.services import versions_of
from tests.factories import PersonFactory, PositionFactory
from tests.revisions.conftest import admin_url, save_through_admin

pytestmark = pytest.mark.django_db


def test_smoke(editor_client):
    person = PersonFactory(headline_en="Boss", headline_fr="Patron")
    PositionFactory(person=person, title_en="CEO", title_fr="PDG")
    save_through_admin(editor_client, person, headline_fr="Grand patron")
    save_through_admin(editor_client, person, headline_en="Big boss", **{"positions-0-title_fr": "Directeur"})
    versions = list(versions_of(person))
    assert len(versions) == 2
    print(Version.objects.count(), [v.revision.comment for v in versions])
    r = editor_client.get(admin_url(person, "history"))
    assert r.status_code == 200
    print(r.content.decode()[-3000:])
    r = editor_client.get(admin_url(person, "revisions_compare"))
    assert r.status_code == 200
    html = r.content.decode()
    print(html[html.index("revision-pair"):][:4000])
    r = editor_client.get(admin_url(person, "revisions_restore", versions[1].pk))
    assert r.status_code == 200
    r = editor_client.post(admin_url(person, "revisions_restore", versions[1].pk))
    assert r.status_code == 302
    person.refresh_from_db()
    assert person.headline_en == "Boss"
    assert person.positions.get().title_fr == "PDG"
    assert len(list(versions_of(person))) == 3
