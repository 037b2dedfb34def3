"""
One archive holds the whole site: the database and the media folder together.

`backup_write` dumps every table with Django's serializer (natural keys for
content types, permissions, groups and users, so the dump does not depend on
the ids a database happened to give them, nor on its engine: SQLite and
PostgreSQL read each other's archives) and adds every file under
MEDIA_ROOT, with a manifest of their SHA-256. The dump is read in one
transaction (REPEATABLE READ on PostgreSQL), so it is one consistent state
even while editors work.

`backup_restore` checks the archive first (manifest, checksums, migrations
this code knows), refuses a database that already holds content unless
forced, and then, when forced, writes a backup of what is there before it
replaces anything: a restore never loses data.

Archive layout (a .tar.gz):
    manifest.json   format, date, engine, migrations, row counts, media checksums
    data.json       dumpdata --natural-foreign --natural-primary (datetimes
                    to the microsecond)
    media/...       MEDIA_ROOT as it was
"""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone, translation

from . import search_index

FORMAT = "renaulution-backup/1"
# Django's JSON, with datetimes to the microsecond (renaulution/backup_json.py);
# `loaddata` reads data.json with the plain "json" deserializer.
DATA_FORMAT = "backup-json"
# Rebuilt by `migrate` (content types, permissions) or not worth keeping
# (sessions: a restored site asks everyone to log in again).
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]
# What `migrate` creates by itself: a database holding only these is empty.
CREATED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group"}


class BackupError(Exception):
    """An archive that cannot be restored, or a restore that would lose data."""


def backup_write(*, path, database=DEFAULT_DB_ALIAS):
    """Write the database and MEDIA_ROOT to the .tar.gz at `path`; returns the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "data.json"
        # The untranslated column of each localized field is read and written
        # through modeltranslation in the active language: fix it to the
        # default, or an archive made while Italian is active stores Italian.
        with _snapshot(database), translation.override(settings.LANGUAGE_CODE):
            call_command(
                "dumpdata",
                format=DATA_FORMAT,
                exclude=EXCLUDED,
                natural_foreign=True,
                natural_primary=True,
                database=database,
                output=str(data),
                verbosity=0,
            )
            counts = _row_counts(database)
        media = _media_files()
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": connections[database].vendor,
            "migrations": _applied_migrations(database),
            "rows": counts,
            "data_sha256": _sha256(data),
            "media": {name: _sha256(file) for name, file in media.items()},
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(data, "data.json")
            for name, file in media.items():
                archive.add(file, f"media/{name}")
        # Never a half-written archive under the final name.
        partial.replace(path)
    return manifest


def backup_restore(*, path, force=False, safety_dir=None, database=DEFAULT_DB_ALIAS):
    """
    Restore the archive at `path` into `database` and MEDIA_ROOT. Returns
    (manifest, path of the safety backup or None).
    """
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the `with` below
    except (tarfile.TarError, EOFError, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise BackupError(f"{path} is not a readable .tar.gz archive ({error}).") from error
    with archive:
        manifest = _read_manifest(archive)
        _check_migrations(manifest, database)
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            _extract_checked(archive, manifest, work)
            call_command("migrate", database=database, interactive=False, verbosity=0)
            holding = _content_rows(database)
            safety = None
            if holding:
                if not force:
                    raise BackupError(
                        "The database is not empty ("
                        + ", ".join(f"{label}: {count}" for label, count in holding.items())
                        + "). Restore into an empty database, or pass --force to replace "
                        "its content (a backup of it is written first)."
                    )
                safety_dir = Path(safety_dir or settings.BACKUP_DIR)
                safety = safety_dir / f"before-restore-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
                backup_write(path=safety, database=database)
            with transaction.atomic(using=database):
                if holding:
                    call_command("flush", database=database, interactive=False, verbosity=0)
                with translation.override(settings.LANGUAGE_CODE):
                    call_command(
                        "loaddata", str(work / "data.json"), database=database, verbosity=0
                    )
                # `flush` empties only the models' tables: SQLite's search
                # index is rewritten from what was restored.
                search_index.rebuild(using=database)
            _copy_media(work / "media")
    return manifest, safety


def default_backup_path():
    return Path(settings.BACKUP_DIR) / f"renaulution-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"


@contextmanager
def _snapshot(database):
    """One transaction for the whole dump; on PostgreSQL a snapshot of one instant."""
    connection = connections[database]
    # Inside a transaction already (a test, a caller's atomic): it is the snapshot.
    isolate = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic(using=database):
        if isolate:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def dumped_models():
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in excluded_apps
        and model._meta.label_lower not in excluded_models
        and not model._meta.proxy
        and model._meta.managed
    ]


def _row_counts(database):
    return {
        model._meta.label_lower: model._base_manager.using(database).count()
        for model in dumped_models()
    }


def _content_rows(database):
    """The tables, other than those `migrate` fills, that hold rows."""
    counts = _row_counts(database)
    return {
        label: count for label, count in counts.items() if count and label not in CREATED_BY_MIGRATE
    }


def _applied_migrations(database):
    loader = MigrationLoader(connections[database])
    return sorted(f"{app}.{name}" for app, name in loader.applied_migrations)


def _check_migrations(manifest, database):
    known = {
        f"{app}.{name}" for app, name in MigrationLoader(connections[database]).disk_migrations
    }
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            "This archive comes from a newer version of the site (migrations unknown here: "
            + ", ".join(unknown[:5])
            + "). Restore it with the code it was made with."
        )


def _media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {
        file.relative_to(root).as_posix(): file
        for file in sorted(root.rglob("*"))
        if file.is_file() and not file.is_symlink()
    }


def _sha256(file):
    digest = hashlib.sha256()
    with open(file, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _read_manifest(archive):
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError(
            "This is not a Renaulution backup: it has no readable manifest."
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}; expected {FORMAT}.")
    return manifest


def _safe_name(name):
    """A member name that stays inside the folder it is extracted to."""
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
        raise BackupError(f"The archive holds a file outside its folder: {name!r}.")
    return PurePosixPath(*parts)


def _extract_checked(archive, manifest, work):
    """Extract data.json and media/ into `work`, each file checked against the manifest."""
    expected = {"data.json": manifest["data_sha256"]}
    expected.update({f"media/{name}": digest for name, digest in manifest["media"].items()})
    found = set()
    for member in archive:
        if member.name == "manifest.json":
            continue
        name = _safe_name(member.name).as_posix()
        if not member.isfile() or name not in expected:
            raise BackupError(f"The archive holds an unexpected entry: {member.name!r}.")
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, open(target, "wb") as copy:
            shutil.copyfileobj(source, copy)
        if _sha256(target) != expected[name]:
            raise BackupError(f"{name} is damaged: its checksum differs from the manifest's.")
        found.add(name)
    missing = sorted(set(expected) - found)
    if missing:
        raise BackupError("The archive is incomplete; missing: " + ", ".join(missing[:5]) + ".")


def _copy_media(source):
    """Add the archive's files to MEDIA_ROOT; other files there are left alone."""
    root = Path(settings.MEDIA_ROOT)
    if not source.is_dir():
        return
    for file in source.rglob("*"):
        if file.is_file():
            target = root / file.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
