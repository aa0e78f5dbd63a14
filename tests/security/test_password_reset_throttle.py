"""Password reset requests are limited per email (3 an hour) and per address (10 an
hour): past the limit, a 429 page says so and no email is sent."""

import time

import pytest

from course.accounts import throttle
from tests.mail_queue import delivered_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def ask(client):
    def post(email, address="192.0.2.10"):
        return client.post("/accounts/password/reset/", {"email": email}, REMOTE_ADDR=address)

    return post


def test_three_requests_for_one_email_are_sent(ask, learner):
    statuses = [ask("learner@example.com").status_code for _ in range(3)]

    assert statuses == [302, 302, 302]
    assert len(delivered_mail()) == 3


def test_the_fourth_request_for_one_email_sends_nothing(ask, learner):
    for _ in range(3):
        ask("learner@example.com")

    response = ask("learner@example.com", address="198.51.100.20")

    assert response.status_code == 429
    assert len(delivered_mail()) == 3


def test_the_email_limit_ignores_case_and_spaces(ask, learner):
    for email in ("learner@example.com", "Learner@Example.com", " LEARNER@example.com "):
        ask(email)

    assert ask("learner@EXAMPLE.com").status_code == 429


def test_the_throttled_page_says_what_happened_and_what_to_do(ask, learner):
    for _ in range(3):
        ask("learner@example.com")

    html = ask("learner@example.com").content.decode()

    assert "Too many reset requests" in html
    assert "no email was sent this time" in html
    assert "wait an hour" in html
    assert '<header class="site-header">' in html


def test_eleven_requests_from_one_address_are_throttled(ask, learner):
    statuses = [ask(f"someone-{number}@example.com").status_code for number in range(10)]

    assert statuses == [302] * 10
    assert ask("learner@example.com").status_code == 429
    assert delivered_mail() == []


def test_another_address_is_not_throttled_by_the_first(ask, learner):
    for number in range(11):
        ask(f"someone-{number}@example.com")

    assert ask("learner@example.com", address="198.51.100.20").status_code == 302
    assert len(delivered_mail()) == 1


def test_the_limit_resets_after_an_hour(ask, learner, monkeypatch):
    for _ in range(4):
        ask("learner@example.com")
    later = time.time() + 60 * 60 + 1
    monkeypatch.setattr(throttle.time, "time", lambda: later)

    assert ask("learner@example.com").status_code == 302


def test_an_unknown_email_is_counted_like_a_known_one(ask):
    # Same answers for both, so the limit does not tell which addresses have accounts.
    statuses = [ask("nobody@example.com").status_code for _ in range(4)]

    assert statuses == [302, 302, 302, 429]


def test_the_admins_own_password_reset_is_off_so_it_cannot_bypass_the_limits(client, superuser):
    responses = [client.post("/admin/password_reset/", {"email": "root@example.com"}) for _ in range(6)]

    assert {response.status_code for response in responses} == {404}
    assert len(delivered_mail()) == 0
    assert "/admin/password_reset/" not in client.get("/admin/login/").content.decode()


def test_staff_reset_through_the_site_under_the_same_limits(ask, superuser):
    statuses = [ask("root@example.com").status_code for _ in range(4)]

    assert statuses == [302, 302, 302, 429]
    assert len(delivered_mail()) == 3
