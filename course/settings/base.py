"""Settings shared by every environment. Secrets and hosts live in production.py."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .release import current_release

BASE_DIR = Path(__file__).resolve().parent.parent.parent
COURSE_DIR = BASE_DIR / "course"
CONTENT_DIR = BASE_DIR / "content"

INSTALLED_APPS = [
    "course.accounts",
    "course.lessons",
    "course.quiz",
    "course.progress",
    "course.capstone",
    "course.review",
    "course.classes",
    "course.reports",
    "course.importer",
    "course.lti",
    "course.operations",
    "course.site",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "markdownx",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: every later step of the request sees one content version (course/lessons/content_version.py).
    "course.lessons.content_version.ContentVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session and CSRF middleware: makes their cookies work in an LMS's frame for
    # LTI sessions only, and lets that LMS frame them (course/lti/framing.py).
    "course.lti.framing.LTIFrameMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "course.lessons.site_lookup.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "course.operations.cache_control.PersonalPagesNotStoredMiddleware",
    # Both answer on the way out, so they wrap the page cache: cached pages get the policy too.
    "course.operations.csp.SiteCSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so cached pages still pass through every other middleware's response handling.
    "course.lessons.page_cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "course.urls"
WSGI_APPLICATION = "course.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "course.lessons.context_processors.course_navigation",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (e.g. postgres://...) switches the database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers writing at once: write-ahead log (readers never wait for a writer, a commit
    # costs no fsync), take the write lock when a transaction begins (no deadlocked lock upgrade),
    # and wait for it rather than fail with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # An unreachable server fails the request in seconds (a 503 page, course/site/views.py), not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "progress:dashboard"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [COURSE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
SERVE_MEDIA = True  # production.py: DJANGO_SERVE_MEDIA=false when a proxy serves /media/
# Class exports hold learners' names, addresses and progress: a storage of their own, outside
# MEDIA_ROOT and without a URL; only the export download view reads it
# (course/classes/exports.py). production.py: DJANGO_EXPORTS_ROOT or DJANGO_EXPORTS_STORAGE.
PRIVATE_EXPORTS_ROOT = BASE_DIR / "private" / "exports"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "exports": {
        "BACKEND": "course.operations.private_files.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_EXPORTS_ROOT},
    },
}
# Exports (rows and files) older than this are deleted by `manage.py prune_class_exports` (daily).
CLASS_EXPORT_RETENTION_DAYS = 7

# Every cache key carries the release: a deploy starts from an empty cache (course/settings/release.py).
RELEASE = current_release(BASE_DIR)
# Two task backends. "default" keeps Wagtail's own tasks (reference and search index updates) in
# the request, as they always ran. "background" is the queue for this site's slow or retried
# work (e-mail, large exports, LTI grade passback): rows in the main database, run by
# `manage.py db_worker --backend background` (started by `make run`), so it needs no extra service.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "course",
        "KEY_PREFIX": RELEASE,
    }
}

WAGTAIL_SITE_NAME = "Alliances & Arms"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "odt", "docx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's own password reset would bypass PASSWORD_RESET_LIMITS: staff use the site's
# (/accounts/password/reset/, same accounts, same limits).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# django-markdownx: the preview uses the site's own renderer and sanitiser;
# uploads are small raster images only (SVG can carry script).
MARKDOWNX_MARKDOWNIFY_FUNCTION = "course.lessons.markdown.render_markdown"
MARKDOWNX_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
MARKDOWNX_MEDIA_PATH = "markdownx/"
MARKDOWNX_SERVER_CALL_LATENCY = 400

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Alliances & Arms <course@localhost>"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # markdownx's preview reads the token from the cookie
CSRF_FAILURE_VIEW = "course.site.csrf.csrf_failure"  # a friendly page that leads back to the saved draft
# For browsers without CSP; the rest obey the policy's frame-ancestors 'self' (below), which is
# what lets Wagtail's preview iframe work.
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Content Security Policy (django-csp 4): nothing inline and nothing from other hosts.
# Images may also be data: URIs (Wagtail's admin stylesheet uses some).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Login throttling (django-axes): 5 failed logins for one username from one address lock
# that pair out for 15 minutes (a 429 page); an address as a whole is locked only after
# LOGIN_FAILURES_PER_ADDRESS failures, so one learner's typos or a stranger's guesses in a
# shared classroom never lock out the others (course/accounts/throttle.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username or address
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "course.accounts.throttle.LoginLockoutHandler"
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURES_PER_ADDRESS = 100
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Order matters: the handler reads the pair's count first, then the address's.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_LOCKOUT_CALLABLE = "course.accounts.throttle.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "course.accounts.throttle.client_ip"
AXES_ENABLE_ADMIN = False  # django.contrib.admin is not installed
AXES_VERBOSE = False
# The login log (usernames, addresses, browsers) is kept this long; `prune_login_log`
# (run daily, docs/deployment.md) deletes older rows, and deleting an account deletes its rows.
LOGIN_LOG_RETENTION_DAYS = 30
# Addresses are read from X-Forwarded-For only behind this many trusted proxies (production sets it).
TRUSTED_PROXY_COUNT = 0

# Password reset requests: per address and per email, counted in the cache.
PASSWORD_RESET_LIMITS = {"address": (10, 60 * 60), "email": (3, 60 * 60)}  # (requests, seconds)
# Sign-ups per address, and password checks (password change, e-mail change, account
# deletion) per account: (attempts, seconds), counted in the cache like the reset limits.
SIGNUP_LIMITS = {"address": (10, 60 * 60)}
PASSWORD_CONFIRM_LIMITS = {"account": (5, 15 * 60)}
