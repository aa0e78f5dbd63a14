"""What production settings send: HSTS, Secure and HttpOnly cookies, Referrer-Policy,
nosniff, Cross-Origin-Opener-Policy, the CSP, and a redirect from HTTP to HTTPS.

The settings are read from course/settings/production.py itself (imported with the
documented environment) and applied over the test settings, so removing one there
fails here."""

import importlib
import os
import sys

from django.test import override_settings

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "MIDDLEWARE",
    "CONTENT_SECURITY_POLICY",
    "AUTHENTICATION_BACKENDS",
]


@pytest.fixture
def production(monkeypatch):
    """The test client under production's security settings."""
    for name in [name for name in os.environ if name.startswith("DJANGO_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "a-long-random-test-secret-" + "x" * 40)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "testserver")
    sys.modules.pop("course.settings.production", None)
    module = importlib.import_module("course.settings.production")
    sys.modules.pop("course.settings.production", None)
    with override_settings(**{name: getattr(module, name) for name in SECURITY_SETTINGS}):
        yield


@pytest.fixture
def secure_get(client, production):
    def get(path, **extra):
        return client.get(path, secure=True, **extra)

    return get


def test_http_is_redirected_to_https(client, production):
    response = client.get("/accounts/login/")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/accounts/login/"


def test_https_pages_send_hsts_for_a_year_with_subdomains_and_preload(secure_get):
    response = secure_get("/")

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
    ],
)
def test_https_pages_send_the_security_headers(secure_get, header, value):
    assert secure_get("/accounts/login/")[header] == value


def test_https_pages_send_the_content_security_policy(secure_get):
    policy = secure_get("/accounts/login/")["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_the_csrf_cookie_is_secure(secure_get):
    cookie = secure_get("/accounts/login/").cookies["csrftoken"]

    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"


def test_the_session_cookie_is_secure_and_http_only(client, production, learner):
    response = client.post("/accounts/login/", {"username": "learner", "password": PASSWORD}, secure=True)

    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
