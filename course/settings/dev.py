"""Local development: DEBUG, SQLite at ./db.sqlite3, e-mail printed to the console."""

from .base import *  # noqa: F403

# Demo accounts, synthetic learners and report timings (`make run`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

DEBUG = True
SECRET_KEY = "dev-only-not-secret-0b1c7e5d"  # noqa: S105 - never used in production
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
