"""Changing the password: the old one must be right, the new one strong."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "copper-meadow-signal-31"


def change(client, old, new1=NEW_PASSWORD, new2=NEW_PASSWORD):
    return client.post(
        "/accounts/password/change/", {"old_password": old, "new_password1": new1, "new_password2": new2}
    )


def test_the_right_old_password_changes_it(login, learner):
    response = change(login(learner), PASSWORD)
    assert response["Location"] == "/accounts/password/change/done/"
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


def test_a_wrong_old_password_is_refused(login, learner):
    response = change(login(learner), "not-my-password")
    assert response.status_code == 400
    assert "Your old password was entered incorrectly." in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_a_weak_new_password_is_refused(login, learner):
    response = change(login(learner), PASSWORD, "12345678", "12345678")
    assert response.status_code == 400
    assert "This password is too common." in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)
