"""Tests see an e-mail only once the background worker has sent it, as in production."""

from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import connection


def run_worker():
    """Run every job that is due, as `manage.py db_worker --backend background` does, then stop.

    A test not marked transaction=True runs inside one transaction that is rolled back at the
    end; the worker's periodic `close_old_connections` would close the connection it lives on
    (PostgreSQL; SQLite's in-memory test database is never closed), so it is skipped there.
    """
    command = ["db_worker", "--backend", "background", "--batch", "--no-startup-delay", "-v0"]
    if connection.in_atomic_block:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(*command)
    else:
        call_command(*command)


def delivered_mail():
    """The messages in the test outbox after the worker has sent what was queued."""
    run_worker()
    return mail.outbox
