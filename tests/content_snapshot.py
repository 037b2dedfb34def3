"""
The shipped content, loaded once per test session and restored for each test.

`load_renaulution` costs seconds: it validates and decodes every image and
writes about 290 renditions (renaulution/fields.py makes them at save). Browser
tests are transactional (their live server must see committed rows), so the
database is flushed after each one and the content had to be loaded again,
into a new media folder: nothing of one load could serve the next, because
every upload goes to a folder with a random name (renaulution/storage.py).

So the loader runs once, inside a transaction that is rolled back, into a media
folder of the session. What it created is kept as serialized rows; each test
then gets exactly those rows back (raw saves, as `loaddata` does: no second
upload, no renditions made again) and a copy of those files in its own
MEDIA_ROOT, hard links where the file system allows, so a test that deletes
or replaces an image touches only its own copy. The rows, their primary keys,
the file names and the bytes are those the loader wrote: a test sees the
same site as if it had run `load_renaulution` itself. The loader itself is
tested on its own, loading for real (tests/test_load_renaulution.py).
"""

import os
import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings


@dataclass(frozen=True)
class ContentSnapshot:
    """The rows the loader created (Django's "python" serialization) and its media folder."""

    rows: list
    models: list
    media_root: Path


def _primary_keys():
    return {
        model: set(model._base_manager.values_list("pk", flat=True))
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def take_snapshot(media_root):
    """Run the loader into `media_root`, keep what it created, leave the database as it was."""
    media_root = Path(media_root)
    with override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        before = _primary_keys()
        call_command("load_renaulution", stdout=StringIO())
        created = {
            model: keys - before.get(model, set()) for model, keys in _primary_keys().items()
        }
        created = {model: keys for model, keys in created.items() if keys}
        # Parents before the rows that point at them, as dumpdata orders them.
        app_list = {}
        for model in created:
            app_list.setdefault(model._meta.app_config, []).append(model)
        ordered = serializers.sort_dependencies(app_list.items())
        rows = []
        for model in ordered:
            queryset = model._base_manager.filter(pk__in=created[model]).order_by("pk")
            # Rows outside the snapshot (content types, recreated with new
            # keys after each flush) are referred to by natural key.
            rows += serializers.serialize("python", queryset, use_natural_foreign_keys=True)
        transaction.set_rollback(True)
    return ContentSnapshot(rows=rows, models=ordered, media_root=media_root)


def _link_or_copy(source, destination):
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def restore_snapshot(snapshot, media_root):
    """Write the snapshot's rows into the (empty) database and its files into `media_root`."""
    shutil.copytree(
        snapshot.media_root, media_root, copy_function=_link_or_copy, dirs_exist_ok=True
    )
    with transaction.atomic():
        for deserialized in serializers.deserialize("python", snapshot.rows):
            deserialized.save()
        # Rows came with their primary keys: the next insert must not reuse one
        # (PostgreSQL's sequences do not follow explicit keys; SQLite's do).
        statements = connection.ops.sequence_reset_sql(no_style(), snapshot.models)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
