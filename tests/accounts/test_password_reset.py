"""Password reset: a link by email for a known address, the same answer for an unknown
one, and a link that works once."""

import re

import pytest

from tests.conftest import PASSWORD
from tests.mail_queue import delivered_mail

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "quiet-harbour-compass-77"


def ask_for_reset(client, email):
    return client.post("/accounts/password/reset/", {"email": email})


def reset_link(message):
    match = re.search(r"http://testserver(/accounts/password/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def set_password(client, link, password=NEW_PASSWORD, confirm=None):
    form_url = client.get(link)["Location"]  # the token moves into the session
    return client.post(form_url, {"new_password1": password, "new_password2": confirm or password})


def test_a_known_address_gets_a_reset_email(client, learner):
    response = ask_for_reset(client, "learner@example.com")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(delivered_mail()) == 1
    message = delivered_mail()[0]
    assert message.to == ["learner@example.com"]
    assert "Reset your password" in message.subject
    assert "Your username is learner." in message.body
    reset_link(message)


def test_an_unknown_address_gets_the_same_page_and_no_email(client, learner):
    known = ask_for_reset(client, "learner@example.com")
    delivered_mail().clear()
    unknown = ask_for_reset(client, "stranger@example.com")
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert delivered_mail() == []
    page = client.get(unknown["Location"])
    assert "If an account uses that address" in page.content.decode()


def test_an_invalid_address_is_refused_with_a_message(client):
    response = ask_for_reset(client, "not-an-email")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert delivered_mail() == []


def test_the_reset_link_sets_a_new_password(client, learner):
    ask_for_reset(client, "learner@example.com")
    response = set_password(client, reset_link(delivered_mail()[0]))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    assert not learner.check_password(PASSWORD)


def test_the_reset_link_works_only_once(client, learner):
    ask_for_reset(client, "learner@example.com")
    link = reset_link(delivered_mail()[0])
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = client.get(link, follow=True)
    assert "This reset link is invalid or has already been used." in again.content.decode()
    replay = client.post(form_url, {"new_password1": "other-harbour-78", "new_password2": "other-harbour-78"})
    assert "This reset link is invalid or has already been used." in replay.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


def test_a_weak_new_password_is_refused_and_the_old_one_kept(client, learner):
    ask_for_reset(client, "learner@example.com")
    response = set_password(client, reset_link(delivered_mail()[0]), password="password")
    assert response.status_code == 400
    assert "This password is too common." in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_mismatched_new_passwords_are_refused(client, learner):
    ask_for_reset(client, "learner@example.com")
    response = set_password(client, reset_link(delivered_mail()[0]), confirm="quiet-harbour-compass-78")
    assert response.status_code == 400
    assert "The two password fields didn’t match." in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_a_forged_link_is_refused(client, learner):
    response = client.get("/accounts/password/reset/MQ/abc-0123456789abcdef/", follow=True)
    assert response.status_code == 200
    assert "This reset link is invalid or has already been used." in response.content.decode()
