"""The profile form saves the display name, which the certificate shows."""

from django.contrib.auth import get_user_model

import pytest

from course.progress.models import Certificate

pytestmark = pytest.mark.django_db


def test_the_profile_saves_the_display_name(login, learner):
    client = login(learner)
    response = client.post("/accounts/profile/", {"display_name": "Ada Lovelace", "email": "learner@example.com"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.display_name == "Ada Lovelace"
    assert "Your profile is saved." in client.get(response["Location"]).content.decode()


def test_the_certificate_and_its_verification_show_the_display_name(login, client, learner):
    certificate = Certificate.objects.create(learner=learner)
    signed_in = login(learner)
    signed_in.post("/accounts/profile/", {"display_name": "Ada Lovelace", "email": "learner@example.com"})
    assert "Ada Lovelace" in signed_in.get("/my-progress/certificate/").content.decode()
    signed_in.post("/accounts/logout/")
    assert "Ada Lovelace" in client.get(f"/certificates/{certificate.code}/").content.decode()


def test_a_new_email_needs_the_password(login, learner):
    response = login(learner).post("/accounts/profile/", {"display_name": "X", "email": "new@example.com"})
    assert response.status_code == 400
    assert "Type your password to change your email." in response.content.decode()
    learner.refresh_from_db()
    assert (learner.email, learner.display_name) == ("learner@example.com", "")


def test_an_invalid_email_is_refused(login, learner):
    response = login(learner).post("/accounts/profile/", {"display_name": "X", "email": "nope"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert get_user_model().objects.get(pk=learner.pk).display_name == ""


def test_the_profile_needs_a_login(client):
    assert client.get("/accounts/profile/").status_code == 302
