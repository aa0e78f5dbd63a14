"""Production: everything comes from the environment.

Required: DJANGO_SECRET_KEY. Optional: DJANGO_ALLOWED_HOSTS (comma-separated),
DATABASE_URL, REDIS_URL, EMAIL_URL-style SMTP settings (EMAIL_HOST, ...).
"""

import json
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False


def storage_options(variable):
    """The JSON object of a storage backend's options in the environment variable `variable`."""
    try:
        options = json.loads(os.environ.get(variable) or "{}")
    except ValueError as error:
        raise ImproperlyConfigured(f"{variable} is not valid JSON: {error}") from error
    if not isinstance(options, dict):
        raise ImproperlyConfigured(f'{variable} must be a JSON object, e.g. {{"bucket_name": "course"}}')
    return options


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production settings need a long random secret, e.g.\n"
        "  export DJANGO_SECRET_KEY=\"$(python -c 'import secrets; print(secrets.token_urlsafe(50))')\""
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# One cache shared by every worker process, so publishing invalidates cached pages everywhere:
# Redis when REDIS_URL is set, otherwise files on local disk (one machine).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis cache, answering a miss instead of an error while Redis is down.
            "BACKEND": "course.operations.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": RELEASE,  # noqa: F405
        }
    }
else:
    CACHES = {
        "default": {
            # Django's file cache, counting its entries once every 200 writes instead of on each one.
            "BACKEND": "course.operations.cache.SparselyCulledFileCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")),  # noqa: F405
            # Room for a version key and a record per learner beside the content caches: a cull
            # removes random entries, the content version among them (then every page rebuilds).
            "OPTIONS": {"MAX_ENTRIES": 50000},
            "KEY_PREFIX": RELEASE,  # noqa: F405
        }
    }

# Sessions are read on every signed-in request: from the cache (Redis, or the file cache, which
# counts its entries only once every 200 writes), with the database behind it; a query otherwise.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Uploaded images are served by the site (course/operations/media.py) unless a proxy does.
SERVE_MEDIA = os.environ.get("DJANGO_SERVE_MEDIA", "true").lower() == "true"
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
# Every app node must see every upload: by default a folder they all mount (DJANGO_MEDIA_ROOT:
# one machine's disk, or NFS); or any Django storage backend with its options as JSON, such as
# django-storages' S3 backend for S3-compatible object storage (docs/deployment.md, "Several machines").
# Class exports (learners' names and progress) in a storage of their own, never public: by
# default a folder outside MEDIA_ROOT (DJANGO_EXPORTS_ROOT) that the app nodes and the queue
# worker share; or a private bucket (DJANGO_EXPORTS_STORAGE and its options).
PRIVATE_EXPORTS_ROOT = os.environ.get("DJANGO_EXPORTS_ROOT", str(PRIVATE_EXPORTS_ROOT))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": os.environ.get("DJANGO_MEDIA_STORAGE") or "django.core.files.storage.FileSystemStorage",
        "OPTIONS": storage_options("DJANGO_MEDIA_STORAGE_OPTIONS"),
    },
    "exports": {
        "BACKEND": os.environ.get("DJANGO_EXPORTS_STORAGE")
        or "course.operations.private_files.PrivateFileSystemStorage",
        # A folder of its own by default; another backend gets exactly the options given.
        "OPTIONS": storage_options("DJANGO_EXPORTS_STORAGE_OPTIONS")
        if os.environ.get("DJANGO_EXPORTS_STORAGE")
        else {"location": PRIVATE_EXPORTS_ROOT},
    },
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# HTTPS everywhere. DJANGO_SECURE_SSL_REDIRECT=false when a proxy already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Visitors' addresses (login lockouts and reset limits count per address) are read from
# X-Forwarded-For only behind this many proxies that set it. 0 (the default) trusts no
# proxy: REMOTE_ADDR counts, and a client cannot choose its address with the header.
# 1 behind one TLS proxy (nginx, Caddy), 2 behind a load balancer and a proxy
# (docs/deployment.md, "Client addresses behind a proxy").
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
