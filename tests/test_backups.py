"""
`manage.py backup` and `manage.py restore`: one archive of the database and
the media folder, restored by another process into an empty database (a
fresh SQLite file, and a fresh PostgreSQL database when the tests run on
PostgreSQL) that must then hold every row, translation state and image
byte for byte.
"""

import datetime
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from companies.models import Company
from renaulution.backup_json import ExactJSONEncoder
from renaulution.backups import backup_write, dumped_models
from renaulution.roles import sync_role_groups
from tests.factories import (
    CompanyFactory,
    EpisodeCompanyFactory,
    EpisodeFactory,
    MilestoneFactory,
    PersonFactory,
    PositionFactory,
    PressReleaseFactory,
    SeriesFactory,
    SeriesProducerFactory,
    image_file,
)
from tests.servers import manage
from translations.models import FieldTranslation, State

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def database_state():
    # modeltranslation reads `values("title")` in the active language: fix it.
    with translation.override("en"):
        return _database_state()


def _database_state():
    """
    Every row of every table a backup holds (many-to-many tables included),
    as the database stores it (datetimes to the microsecond). Rows of models
    known by a natural key (users, groups) and references to them are
    compared by that key: a restore may give them other ids.
    """
    labels = {model._meta.label_lower for model in dumped_models()}
    state = {}
    for model in apps.get_models(include_auto_created=True):
        owner = model._meta.auto_created or model
        if owner._meta.label_lower not in labels:
            continue
        by_natural_key = model._meta.auto_created or hasattr(model, "natural_key")
        references = {
            field.attname: {
                obj.pk: list(obj.natural_key()) for obj in field.related_model._base_manager.all()
            }
            for field in model._meta.concrete_fields
            if field.is_relation and hasattr(field.related_model, "natural_key")
        }
        rows = []
        for row in model._base_manager.order_by("pk").values():
            if by_natural_key:
                row.pop("id")
            for attname, keys in references.items():
                row[attname] = keys.get(row[attname])
            rows.append(json.loads(json.dumps(row, cls=ExactJSONEncoder, sort_keys=True)))
        state[model._meta.label_lower] = sorted(rows, key=json.dumps) if by_natural_key else rows
    return state


def media_checksums(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def a_site_with_everything(django_user_model):
    """One of every model, images on every image field, and states of each kind."""
    group = CompanyFactory(name="Renault Group", with_image=True)
    brand = CompanyFactory(name="Dacia", parent=group, with_image=True)
    person = PersonFactory(with_image=True, headline_fr="PDG")
    PositionFactory(person=person, company=group)
    release = PressReleaseFactory(company=brand, with_image=True, translated=True)
    release.people.add(person)
    series = SeriesFactory(with_image=True)
    SeriesProducerFactory(series=series, company=brand)
    episode = EpisodeFactory(series=series, with_image=True)
    EpisodeCompanyFactory(episode=episode, company=group)
    MilestoneFactory(
        image=image_file("milestone.jpg", (800, 450)),
        companies=[group],
        people=[person],
        episodes=[episode],
        press_releases=[release],
    )
    CompanyFactory(name="A draft", draft=True)
    # An outdated translation: the English source changes after the French.
    release.title_en = "A new English title"
    release.save()
    editor = django_user_model.objects.create_user("editor", password="a long passphrase")
    # The role groups as `migrate` makes them (an earlier transactional
    # test's flush removes them).
    sync_role_groups(apps)
    editor.groups.add(Group.objects.get(name="Editors"))
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(release),
        object_id=str(release.pk),
        object_repr=str(release),
        action_flag=CHANGE,
        change_message="Changed the title",
        # Below the millisecond: Django's JSON would round it off.
        action_time=datetime.datetime(2026, 3, 4, 5, 6, 7, 123456, tzinfo=datetime.UTC),
    )
    states = set(FieldTranslation.objects.values_list("state", flat=True))
    assert {State.CURRENT, State.OUTDATED, State.MISSING} <= states


def restore_targets(tmp_path):
    """A fresh SQLite file always; a fresh database beside the test one on PostgreSQL."""
    targets = {"sqlite": (f"sqlite:///{tmp_path / 'restored.sqlite3'}", None)}
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        name = f"{db['NAME']}_restore"
        server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        targets["postgresql"] = (f"{server}/{name}", name)
    return targets


def _recreate_postgres_database(name):
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')


def _drop_postgres_database(name):
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


STATE_SCRIPT = (
    "import json; from tests.test_backups import database_state; "
    "print(json.dumps(database_state()))"
)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "it"])
def test_a_backup_restored_into_an_empty_database_gives_back_every_row_and_image(
    tmp_path, django_user_model, language
):
    a_site_with_everything(django_user_model)
    archive = tmp_path / "site.tar.gz"
    # Whatever language is active when it is made (an Italian admin's shell…).
    with translation.override(language):
        call_command("backup", output=str(archive), verbosity=0)
    expected_rows = database_state()
    expected_media = media_checksums(settings.MEDIA_ROOT)
    assert len(expected_media) >= 7  # the originals at least
    assert all(
        expected_rows[label] for label in ("companies.company", "translations.fieldtranslation")
    )

    for engine, (url, pg_name) in restore_targets(tmp_path).items():
        if pg_name:
            _recreate_postgres_database(pg_name)
        media = tmp_path / f"media-{engine}"
        environment = {"DATABASE_URL": url, "DJANGO_MEDIA_ROOT": str(media)}
        try:
            restored = manage(environment, "restore", str(archive))
            assert restored.returncode == 0, restored.stderr
            state = manage(environment, "shell", "--no-imports", "-c", STATE_SCRIPT)
            assert state.returncode == 0, state.stderr
            assert json.loads(state.stdout) == expected_rows, engine
            assert media_checksums(media) == expected_media, engine

            # Once restored, the database is not empty: a second restore is refused...
            again = manage(environment, "restore", str(archive))
            assert again.returncode != 0
            assert "The database is not empty" in again.stderr
            assert "--force" in again.stderr
            assert json.loads(
                manage(environment, "shell", "--no-imports", "-c", STATE_SCRIPT).stdout
            ) == (expected_rows)
        finally:
            if pg_name:
                _drop_postgres_database(pg_name)


def test_restore_refuses_a_database_with_content_and_keeps_it(tmp_path):
    archive = tmp_path / "empty-site.tar.gz"
    backup_write(path=archive)
    company = CompanyFactory(name="Written after the backup")
    with pytest.raises(CommandError, match="The database is not empty .*companies.company: 1"):
        call_command("restore", str(archive))
    assert list(type(company).objects.values_list("name", flat=True)) == [company.name]


@pytest.mark.django_db(transaction=True)
def test_a_forced_restore_first_saves_what_it_replaces(tmp_path, settings):
    settings.BACKUP_DIR = tmp_path / "backups"
    CompanyFactory(name="Kept in the archive", with_image=True)
    archive = tmp_path / "site.tar.gz"
    backup_write(path=archive)
    CompanyFactory(name="Written after the backup")

    call_command("restore", str(archive), force=True, verbosity=0)
    assert list(Company.objects.values_list("name", flat=True)) == ["Kept in the archive"]
    (safety,) = (tmp_path / "backups").glob("before-restore-*.tar.gz")
    with tarfile.open(safety) as saved:
        data = json.load(saved.extractfile("data.json"))
    names = {row["fields"]["name"] for row in data if row["model"] == "companies.company"}
    assert names == {"Kept in the archive", "Written after the backup"}


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("not an archive", "not a readable .tar.gz archive"),
        ("no manifest", "has no readable manifest"),
        ("changed image", "is damaged"),
        ("path outside", "outside its folder"),
    ],
)
def test_a_damaged_archive_is_refused_before_anything_is_written(tmp_path, damage, message):
    CompanyFactory(with_image=True)
    good = tmp_path / "good.tar.gz"
    backup_write(path=good)
    bad = tmp_path / "bad.tar.gz"
    if damage == "not an archive":
        bad.write_bytes(b"hello")
    else:
        with tarfile.open(good) as source, tarfile.open(bad, "w:gz") as target:
            for member in source:
                content = source.extractfile(member)
                if damage == "no manifest" and member.name == "manifest.json":
                    continue
                if damage == "changed image" and member.name.startswith("media/"):
                    data = content.read() + b"x"
                    member.size = len(data)
                    content = io.BytesIO(data)
                target.addfile(member, content)
            if damage == "path outside":
                info = tarfile.TarInfo("../escaped.txt")
                target.addfile(info, None)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), force=True)
    assert not (tmp_path / "escaped.txt").exists()
