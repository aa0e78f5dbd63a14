"""Backing up and restoring the database and the media files.

A backup is a folder with three files:

- `database.pgdump` (PostgreSQL: `pg_dump --format=custom`) or `database.sqlite3`
  (SQLite: an online copy through SQLite's backup API),
- `media.tar.gz` (everything under MEDIA_ROOT),
- `manifest.json`: what the backup holds, a SHA-256 of each file, and a
  fingerprint of every table (row count and a hash of its rows).

A restore checks the files against the manifest before it touches anything,
restores, then compares the restored tables with the fingerprints: a backup that
does not come back exactly is reported, never silently accepted.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.db import connections, transaction

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _canonical(value):
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def _fingerprint_rows(cursor, tables, quote):
    fingerprint = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - names from the database's own catalogue
        rows = sorted(json.dumps(list(row), default=_canonical, sort_keys=True) for row in cursor.fetchall())
        digest = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()
        fingerprint[table] = {"rows": len(rows), "sha256": digest}
    return fingerprint


def _sqlite_fingerprint(database):
    """Through a plain sqlite3 connection: Django's converts column values by declared type."""
    name = str(database)
    plain = sqlite3.connect(name, uri=name.startswith("file:"))
    try:
        cursor = plain.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = [row[0] for row in cursor.fetchall()]
        return _fingerprint_rows(cursor, tables, lambda table: '"' + table.replace('"', '""') + '"')
    finally:
        plain.close()


def database_fingerprint(alias="default"):
    """{table: {"rows": n, "sha256": ...}} for every table in the database.

    Rows are hashed in a canonical order (sorted by their JSON text), so two
    databases with the same rows have the same fingerprint whatever their
    physical order.
    """
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        return _sqlite_fingerprint(connection.settings_dict["NAME"])
    with connection.cursor() as cursor:
        return _fingerprint_rows(cursor, connection.introspection.table_names(cursor), connection.ops.quote_name)


def _vendor(alias):
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _postgres_command(program, alias):
    """The command line and environment for pg_dump/pg_restore on this alias's database."""
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} is not installed (PostgreSQL's client tools, e.g. apt-get install postgresql-client)."
        )
    settings_dict = connections[alias].settings_dict
    args = [program, "--no-owner", "--no-privileges", "--dbname", settings_dict["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [option, str(settings_dict[key])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env


def _run(args, env):
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - fixed programs
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip() or result.stdout.strip()}")


def _dump_database(alias, target):
    """Dump the database to `target`; returns the fingerprint of exactly what was dumped."""
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return _sqlite_fingerprint(target)
    if connection.in_atomic_block:
        raise BackupError("Run the backup outside a transaction.")
    args, env = _postgres_command("pg_dump", alias)
    # pg_dump reads the snapshot this transaction exported, so the fingerprint and the
    # dump see the same rows however busy the site is.
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        fingerprint = database_fingerprint(alias)
        _run([*args, "--format=custom", "--snapshot", snapshot, "--file", str(target)], env)
    return fingerprint


def _archive_media(media_root, target):
    media_root = Path(media_root)
    count = 0
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
                    count += 1
    return count


def backup(folder, media_root, alias="default"):
    """Write a backup into `folder` (created; must be empty). Returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: choose a new folder for each backup.")
    folder.mkdir(parents=True, exist_ok=True)
    vendor = _vendor(alias)
    database_file = folder / DATABASE_FILES[vendor]
    tables = _dump_database(alias, database_file)
    media_files = _archive_media(media_root, folder / MEDIA_ARCHIVE)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "database": {"vendor": vendor, "file": database_file.name, "sha256": _sha256(database_file)},
        "media": {"file": MEDIA_ARCHIVE, "files": media_files, "sha256": _sha256(folder / MEDIA_ARCHIVE)},
        "tables": tables,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def read_manifest(folder):
    """The manifest of a backup folder, after checking every file it names is there and intact."""
    folder = Path(folder)
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(f"{folder} holds no {MANIFEST}: it is not a backup made by backup_course.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is damaged: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a format-{FORMAT} backup manifest.")
    for part in ("database", "media"):
        entry = manifest.get(part) or {}
        file = folder / str(entry.get("file", ""))
        if not entry.get("file") or not file.is_file():
            raise BackupError(f"The backup's {part} file is missing from {folder}.")
        if _sha256(file) != entry.get("sha256"):
            raise BackupError(f"{file} does not match its checksum in the manifest: the backup is damaged.")
    return manifest


def _database_is_empty(alias):
    connection = connections[alias]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _restore_database(manifest, folder, alias):
    vendor = _vendor(alias)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']['vendor']} database; the target database is {vendor}."
        )
    source = Path(folder) / manifest["database"]["file"]
    if vendor == "postgresql":
        args, env = _postgres_command("pg_restore", alias)
        # --clean drops what the dump re-creates; one transaction: all or nothing.
        _run([*args, "--clean", "--if-exists", "--single-transaction", "--exit-on-error", str(source)], env)
    else:
        connection = connections[alias]
        connection.close()
        connection.ensure_connection()
        backup_copy = sqlite3.connect(source)
        try:
            backup_copy.backup(connection.connection)
        finally:
            backup_copy.close()


def _restore_media(manifest, folder, media_root):
    media_root = Path(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(Path(folder) / manifest["media"]["file"], "r:gz") as archive:
        # The "data" filter refuses absolute paths, "..", links out of the folder and device files.
        archive.extractall(media_root, filter="data")


def restore(folder, media_root, alias="default", replace=False):
    """Restore a backup folder into the database and media_root. Returns the manifest."""
    manifest = read_manifest(folder)
    if not replace and not _database_is_empty(alias):
        raise BackupError(
            "The target database is not empty. Restore into a new, empty database, or pass --replace "
            "to overwrite this one with the backup."
        )
    _restore_database(manifest, folder, alias)
    _restore_media(manifest, folder, media_root)
    restored = database_fingerprint(alias)
    differing = sorted(
        table
        for table in set(restored) | set(manifest["tables"])
        if restored.get(table) != manifest["tables"].get(table)
    )
    if differing:
        raise BackupError(f"The restored database differs from the backup in: {', '.join(differing)}.")
    return manifest
