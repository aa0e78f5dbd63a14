"""Which address login lockouts and reset limits count: REMOTE_ADDR, or behind
TRUSTED_PROXY_COUNT proxies the address the outermost proxy saw, never a value the
client made up."""

from django.test import RequestFactory

import pytest

from course.accounts.throttle import client_ip

from .conftest import fail_logins


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_proxy_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_from("203.0.113.9", "10.0.0.1")) == "203.0.113.9"


def test_behind_one_proxy_the_last_forwarded_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from("127.0.0.1", "198.51.100.7")) == "198.51.100.7"


def test_behind_one_proxy_addresses_the_client_added_are_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from("127.0.0.1", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies_the_second_last_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_from("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.5")) == "198.51.100.7"


def test_behind_a_proxy_a_request_without_the_header_uses_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from("127.0.0.1")) == "127.0.0.1"


@pytest.mark.usefixtures("axes_on")
def test_behind_a_proxy_one_visitors_failures_do_not_lock_out_the_others(settings, log_in, learner):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_FAILURES_PER_ADDRESS = 5  # an address-wide lockout, quickly
    # Everyone arrives from the proxy's address; only X-Forwarded-For tells them apart.
    fail_logins(
        log_in, ["alice", "bob", "carol", "dave", "erin"], address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    same = log_in("learner", address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = log_in("learner", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert (same.status_code, other.status_code) == (429, 302)
