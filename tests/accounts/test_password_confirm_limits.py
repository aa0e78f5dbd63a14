"""Forms that ask a signed-in user for their password (password change, e-mail change,
account deletion) refuse after 5 wrong passwords in 15 minutes, even the right one,
with a 429 and nothing changed: a session left open cannot be used to guess it."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

FORMS = {
    "password change": (
        "/accounts/password/change/",
        lambda password: {
            "old_password": password,
            "new_password1": "fresh-lantern-77",
            "new_password2": "fresh-lantern-77",
        },
    ),
    "email change": ("/accounts/profile/", lambda password: {"email": "new@example.com", "password": password}),
    "account deletion": ("/accounts/profile/delete/", lambda password: {"password": password}),
}


@pytest.mark.parametrize("form", FORMS)
def test_five_wrong_passwords_then_even_the_right_one_is_refused(login, learner, form):
    url, data = FORMS[form]
    client = login(learner)

    wrong = [client.post(url, data("not-it")).status_code for _ in range(5)]
    right = client.post(url, data(PASSWORD))

    assert wrong == [400] * 5
    assert right.status_code == 429
    assert "Too many wrong passwords" in right.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)
    assert learner.email == "learner@example.com"


def test_the_limit_is_shared_by_every_password_form(login, learner):
    client = login(learner)
    for url, data in FORMS.values():
        client.post(url, data("not-it"))
        client.post(url, data("not-it"))

    url, data = FORMS["account deletion"]
    assert client.post(url, data(PASSWORD)).status_code == 429


def test_four_wrong_passwords_leave_the_right_one_working(login, learner):
    url, data = FORMS["account deletion"]
    client = login(learner)
    for _ in range(4):
        client.post(url, data("not-it"))

    assert client.post(url, data(PASSWORD)).status_code == 302
