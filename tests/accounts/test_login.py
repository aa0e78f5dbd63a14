"""Logging in: a wrong password is refused with a clear message and a 400."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_ERROR = "Please enter a correct username and password."


def is_signed_in(client):
    return client.get("/my-progress/").status_code == 200


def test_the_right_password_logs_in_and_opens_the_dashboard(client, learner):
    response = client.post("/accounts/login/", {"username": "learner", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/my-progress/"
    assert is_signed_in(client)


def test_a_wrong_password_is_refused_with_a_message(client, learner):
    response = client.post("/accounts/login/", {"username": "learner", "password": "not-the-password"})
    assert response.status_code == 400
    assert LOGIN_ERROR in response.content.decode()
    assert not is_signed_in(client)


def test_an_unknown_username_gets_the_same_message(client, learner):
    response = client.post("/accounts/login/", {"username": "nobody-here", "password": PASSWORD})
    assert response.status_code == 400
    assert LOGIN_ERROR in response.content.decode()


def test_empty_fields_are_refused_with_a_message(client):
    response = client.post("/accounts/login/", {"username": "", "password": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_an_inactive_account_cannot_log_in(client, learner):
    learner.is_active = False
    learner.save()
    response = client.post("/accounts/login/", {"username": "learner", "password": PASSWORD})
    assert response.status_code == 400
    assert not is_signed_in(client)


def test_login_returns_to_a_page_on_this_site(client, learner, lesson_1_1):
    response = client.post(
        f"/accounts/login/?next={lesson_1_1.url}", {"username": "learner", "password": PASSWORD, "next": lesson_1_1.url}
    )
    assert response["Location"] == lesson_1_1.url


def test_login_ignores_a_next_url_on_another_site(client, learner):
    response = client.post(
        "/accounts/login/", {"username": "learner", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/my-progress/"


def test_a_page_that_needs_an_account_explains_why_on_the_login_page(client):
    response = client.get("/my-progress/", follow=True)
    assert "Log in to continue: quizzes and progress need an account." in response.content.decode()
