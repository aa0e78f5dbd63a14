"""Tests: fast hashing, local-memory cache, SQLite unless DATABASE_URL is set."""

from .base import *  # noqa: F403

# Demo accounts, synthetic learners and report timings (`make run`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Django's test client logs in (`client.login`) without a request, which django-axes
# refuses; tests/security/ switches it on to test the lockout.
AXES_ENABLED = False
