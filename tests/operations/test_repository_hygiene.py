"""SQLite's write-ahead log and shared-memory files hold rows of the developer's database
(sessions among them): they are neither tracked nor addable by accident."""

import subprocess

from django.conf import settings

import pytest

SQLITE_SIDE_FILES = ["db.sqlite3-wal", "db.sqlite3-shm"]


def git(*args):
    return subprocess.run(["git", *args], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=30)


@pytest.fixture(autouse=True)
def _needs_git():
    if git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout")


def test_sqlite_side_files_are_not_tracked():
    assert git("ls-files", "--", *SQLITE_SIDE_FILES).stdout == ""


@pytest.mark.parametrize("name", SQLITE_SIDE_FILES)
def test_sqlite_side_files_are_ignored(name):
    assert git("check-ignore", "--no-index", "-q", name).returncode == 0
