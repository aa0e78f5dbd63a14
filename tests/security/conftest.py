"""Fixtures for the security tests: django-axes switched on (test settings switch it
off, because Django's test client logs in without a request), and request helpers
that come from a given address."""

import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def axes_on(settings, db):
    settings.AXES_ENABLED = True


@pytest.fixture
def log_in(client):
    """log_in(username, password=PASSWORD, address="192.0.2.10", url="/accounts/login/") -> response."""

    def post(username, password=PASSWORD, address="192.0.2.10", url="/accounts/login/", **extra):
        return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)

    return post


def fail_logins(log_in, usernames, address="192.0.2.10", url="/accounts/login/", **extra):
    """One failed login per username (wrong password); returns the responses."""
    return [log_in(username, "not-the-password", address=address, url=url, **extra) for username in usernames]


# Browser tests here reuse tests/browser's fixtures (Chromium, the live server, and the
# shipped course).
from tests.browser.conftest import (  # noqa: E402, F401
    browser,
    connection_closed_after_module,
    orm_beside_playwright,
    shipped_course,
)
