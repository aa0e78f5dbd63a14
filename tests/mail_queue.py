"""Tests see an e-mail only once the background worker has sent it, as in production."""

from django.core import mail
from django.core.management import call_command


def run_worker():
    """Run every job that is due, as `manage.py db_worker --backend background` does, then stop."""
    call_command("db_worker", "--backend", "background", "--batch", "--no-startup-delay", "-v0")


def delivered_mail():
    """The messages in the test outbox after the worker has sent what was queued."""
    run_worker()
    return mail.outbox
