"""Sign-up: bad input gets a 400, a message that says what to fix, and no user."""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db

GOOD = {
    "username": "newcomer",
    "email": "newcomer@example.com",
    "password1": "plum-orchard-lantern-42",
    "password2": "plum-orchard-lantern-42",
}


def sign_up(client, **changes):
    return client.post("/accounts/signup/", {**GOOD, **changes})


def assert_refused(response, message):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Please correct the errors below." in response.content.decode()


def test_good_input_creates_the_account_and_logs_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newcomer")
    assert user.email == ""  # until the link sent to it is opened (test_email_confirmation.py)
    assert client.get("/my-progress/").status_code == 200


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", "This password is too common."),
        ("Qx7-kp", "This password is too short. It must contain at least 8 characters."),
        ("83920174651", "This password is entirely numeric."),
        ("newcomer99", "The password is too similar to the username."),
    ],
    ids=["common", "short", "numeric", "like-username"],
)
def test_a_weak_password_is_refused(client, password, message):
    response = sign_up(client, password1=password, password2=password)
    assert_refused(response, message)
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_mismatched_passwords_are_refused(client):
    response = sign_up(client, password2="plum-orchard-lantern-43")
    assert_refused(response, "The two password fields didn’t match.")
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_a_taken_username_is_refused(client, learner):
    response = sign_up(client, username="learner")
    assert_refused(response, "A user with that username already exists.")
    assert get_user_model().objects.filter(username__iexact="learner").count() == 1


def test_a_username_differing_only_in_case_is_refused(client, learner):
    response = sign_up(client, username="Learner")
    assert response.status_code == 400
    assert get_user_model().objects.filter(username__iexact="learner").count() == 1


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "two@@example.com", ""], ids=str)
def test_an_invalid_or_missing_email_is_refused(client, email):
    response = sign_up(client, email=email)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html or "This field is required." in html
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_the_signup_form_keeps_what_was_typed_except_passwords(client):
    html = sign_up(client, password2="other-orchard-lantern-43").content.decode()
    assert 'value="newcomer"' in html
    assert 'value="newcomer@example.com"' in html
    assert "plum-orchard-lantern-42" not in html


def test_a_signed_in_learner_is_sent_to_the_dashboard(login, learner):
    response = login(learner).get("/accounts/signup/")
    assert response.status_code == 302
    assert response["Location"] == "/my-progress/"


def test_signup_ignores_a_next_url_on_another_site(client):
    response = client.post("/accounts/signup/?next=https://evil.example/", GOOD)
    assert response["Location"] == "/"


def test_a_submission_without_any_field_is_refused(client):
    response = client.post("/accounts/signup/", {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
