"""Deleting an account removes the learner and every record about them; a wrong
password deletes nothing and says so."""

from django.contrib.auth import get_user_model

import pytest

from course.progress.models import Certificate, LessonCompletion
from course.quiz.models import Attempt, Response
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def records_of(user_id):
    return {
        "user": get_user_model().objects.filter(pk=user_id).count(),
        "attempts": Attempt.objects.filter(learner_id=user_id).count(),
        "responses": Response.objects.filter(attempt__learner_id=user_id).count(),
        "completions": LessonCompletion.objects.filter(learner_id=user_id).count(),
        "certificate": Certificate.objects.filter(learner_id=user_id).count(),
    }


def test_deleting_with_the_right_password_removes_the_learner_and_their_records(login, learner, with_history):
    with_history(learner)
    before = records_of(learner.pk)
    assert all(before.values()), before
    response = login(learner).post("/accounts/profile/delete/", {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1] == ("/", 302)
    assert "Your account and all your learning records are deleted." in response.content.decode()
    assert records_of(learner.pk) == dict.fromkeys(before, 0)


def test_after_deletion_the_certificate_stops_verifying(login, client, learner, with_history):
    with_history(learner)
    code = Certificate.objects.get(learner=learner).code
    assert client.get(f"/certificates/{code}/").status_code == 200
    login(learner).post("/accounts/profile/delete/", {"password": PASSWORD})
    assert client.get(f"/certificates/{code}/").status_code == 404


def test_after_deletion_the_learner_is_logged_out_and_cannot_log_in(login, learner):
    client = login(learner)
    client.post("/accounts/profile/delete/", {"password": PASSWORD})
    assert client.get("/my-progress/").status_code == 302
    assert not client.login(username="learner", password=PASSWORD)


def test_deleting_leaves_other_learners_alone(login, learner, other_learner, with_history):
    with_history(learner)
    with_history(other_learner)
    before = records_of(other_learner.pk)
    login(learner).post("/accounts/profile/delete/", {"password": PASSWORD})
    assert records_of(other_learner.pk) == before


def test_a_wrong_password_deletes_nothing_and_says_so(login, learner, with_history):
    with_history(learner)
    before = records_of(learner.pk)
    client = login(learner)
    response = client.post("/accounts/profile/delete/", {"password": "not-my-password"})
    assert response.status_code == 400
    assert "That password is not right. Your account was not deleted." in response.content.decode()
    assert records_of(learner.pk) == before
    assert client.get("/my-progress/").status_code == 200  # still signed in


def test_an_empty_password_deletes_nothing(login, learner):
    response = login(learner).post("/accounts/profile/delete/", {"password": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert get_user_model().objects.filter(pk=learner.pk).exists()


def test_the_delete_page_asks_for_the_password_and_explains(login, learner):
    html = login(learner).get("/accounts/profile/delete/").content.decode()
    assert 'type="password"' in html
    assert "which will stop verifying" in html


def test_deleting_needs_a_login(client):
    response = client.post("/accounts/profile/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_submission_without_the_password_field_deletes_nothing(login, learner):
    response = login(learner).post("/accounts/profile/delete/", {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert get_user_model().objects.filter(pk=learner.pk).exists()
