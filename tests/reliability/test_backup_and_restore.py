"""backup_course and restore_course: a backup restored into a fresh database (and a
fresh media folder) holds exactly the same rows and files; a damaged backup or a
database that is not empty is refused with a message, and nothing is touched."""

import json
import os
import shutil
import subprocess
import sys
from io import StringIO

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

import psycopg
import pytest

from course.operations.backup import database_fingerprint
from course.quiz.attempts import open_attempt
from course.quiz.models import Attempt, Quiz
from tests.quiz.builders import right_form_data

from .conftest import ON_POSTGRES

pytestmark = pytest.mark.skipif(
    ON_POSTGRES and not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="backups of PostgreSQL need pg_dump and pg_restore (postgresql-client) in PATH",
)
IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def learner_history(transactional_db, make_user):
    """Committed learner data: an account and a graded lesson check."""
    learner = make_user("backed-up")
    quiz = Quiz.objects.filter(page__slug="security-bargains").get()
    attempt = open_attempt(learner, quiz)
    client = Client()
    client.force_login(learner)
    assert client.post(reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt)).status_code == 302
    return learner


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "markdownx").mkdir(parents=True)
    (settings.MEDIA_ROOT / "markdownx" / "diagram.png").write_bytes(IMAGE)
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "reading list.txt").write_text("Walt, 1987.\n", encoding="utf-8")
    return settings.MEDIA_ROOT


@pytest.fixture
def fresh_database(tmp_path):
    """DATABASE_URL of a new, empty database (dropped afterwards on PostgreSQL)."""
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.settings_dict
    name = f"{params['NAME']}_restored"
    admin = f"host={params['HOST']} port={params['PORT'] or 5432} user={params['USER']} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "course.settings.test"}
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
    )


FINGERPRINT = "import django, json; django.setup(); from course.operations.backup import database_fingerprint as f; print(json.dumps(f()))"  # noqa: E501


def test_a_backup_restores_into_a_fresh_database_exactly(learner_history, media, fresh_database, tmp_path):
    call_command("backup_course", str(tmp_path / "backup"), media_root=str(media), stdout=StringIO())
    source = database_fingerprint()

    restored = manage(
        fresh_database, "manage.py", "restore_course", str(tmp_path / "backup"), "--media-root", str(tmp_path / "out")
    )

    assert restored.returncode == 0, restored.stderr
    assert "identical to the backup" in restored.stdout
    copy = manage(fresh_database, "-c", FINGERPRINT)
    assert copy.returncode == 0, copy.stderr
    assert json.loads(copy.stdout) == source
    assert source["accounts_user"]["rows"] >= 1 and source["quiz_response"]["rows"] >= 1
    assert (tmp_path / "out" / "markdownx" / "diagram.png").read_bytes() == IMAGE
    assert (tmp_path / "out" / "documents" / "reading list.txt").read_text(encoding="utf-8") == "Walt, 1987.\n"


def test_the_backup_holds_the_learners_graded_attempt(learner_history, media, tmp_path):
    call_command("backup_course", str(tmp_path / "backup"), media_root=str(media), stdout=StringIO())
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text(encoding="utf-8"))

    assert manifest["tables"]["quiz_attempt"]["rows"] == Attempt.objects.count() >= 1
    assert manifest["media"]["files"] == 2
    assert manifest["database"]["vendor"] == connection.vendor


@pytest.mark.usefixtures("transactional_db")
def test_restore_refuses_a_database_that_is_not_empty(media, tmp_path):
    call_command("backup_course", str(tmp_path / "backup"), media_root=str(media), stdout=StringIO())
    before = database_fingerprint()

    with pytest.raises(CommandError, match=r"not empty.*--replace"):
        call_command("restore_course", str(tmp_path / "backup"), media_root=str(tmp_path / "out"))

    assert database_fingerprint() == before
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("transactional_db")
def test_restore_refuses_a_damaged_backup_before_touching_anything(media, tmp_path):
    call_command("backup_course", str(tmp_path / "backup"), media_root=str(media), stdout=StringIO())
    dump = next(path for path in (tmp_path / "backup").iterdir() if path.name.startswith("database."))
    dump.write_bytes(dump.read_bytes()[:-10] + b"corrupted!")

    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore_course", str(tmp_path / "backup"), media_root=str(tmp_path / "out"), replace=True)

    assert not (tmp_path / "out").exists()


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_is_not_empty(media, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("keep me", encoding="utf-8")

    with pytest.raises(CommandError, match="not empty"):
        call_command("backup_course", str(tmp_path / "backup"), media_root=str(media))

    assert [path.name for path in (tmp_path / "backup").iterdir()] == ["old.txt"]


def test_a_restore_that_does_not_reproduce_the_backup_is_reported(learner_history, media, fresh_database, tmp_path):
    """The restore checks the restored rows against the manifest's fingerprints: a copy
    that differs (here: the manifest remembers one more attempt) fails loudly."""
    call_command("backup_course", str(tmp_path / "backup"), media_root=str(media), stdout=StringIO())
    manifest_path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["tables"]["quiz_attempt"]["rows"] += 1
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")

    restored = manage(
        fresh_database, "manage.py", "restore_course", str(tmp_path / "backup"), "--media-root", str(tmp_path / "out")
    )

    assert restored.returncode != 0
    assert "differs from the backup in: quiz_attempt" in restored.stderr
