"""Sign-up and the profile say nothing that reveals whether an address has an account:
a free address gets a confirmation link, a taken one a note to its owner, and the page is
the same either way. An address is recorded only when its link is opened; changing it
needs the current password. Sign-ups are limited per client address."""

import re

from django.contrib.auth import get_user_model
from django.core import signing

import pytest

from course.accounts.email_confirmation import SALT, make_token
from tests.conftest import PASSWORD
from tests.mail_queue import delivered_mail

pytestmark = pytest.mark.django_db

FORM = {"username": "newcomer", "password1": "plum-orchard-lantern-42", "password2": "plum-orchard-lantern-42"}


def sign_up(client, email, address="192.0.2.10", **changes):
    return client.post("/accounts/signup/", {**FORM, "email": email, **changes}, REMOTE_ADDR=address, follow=True)


def link_in(message):
    return re.search(r"https?://\S+", message.body.split("\n\n", 1)[1]).group(0)


def page_text(response):
    """What the visitor sees, without the parts that must differ (username, CSRF token)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return html.replace(response.wsgi_request.user.username, "USER")


def test_a_taken_address_gets_the_same_answer_as_a_free_one(client, learner):
    taken = sign_up(client, "  Learner@Example.COM ")
    client.post("/accounts/logout/")
    free = sign_up(client, "free@example.com", username="newcomer2")

    assert taken.status_code == free.status_code == 200
    assert page_text(taken).replace("learner@example.com", "ADDRESS") == page_text(free).replace(
        "free@example.com", "ADDRESS"
    )
    assert "already exists" not in page_text(taken)


def test_a_taken_address_e_mails_its_owner_and_is_not_copied_to_the_new_account(client, learner):
    sign_up(client, "learner@example.com")

    assert get_user_model().objects.get(username="newcomer").email == ""
    [message] = delivered_mail()
    assert message.to == ["learner@example.com"]
    assert "already belongs to yours" in message.body
    assert "Your username is learner." in message.body
    assert "/accounts/email/confirm/" not in message.body


def test_a_free_address_is_recorded_when_its_link_is_opened(client):
    sign_up(client, "free@example.com")
    [message] = delivered_mail()
    assert message.to == ["free@example.com"]
    user = get_user_model().objects.get(username="newcomer")
    assert user.email == ""

    response = client.get(link_in(message), follow=True)

    user.refresh_from_db()
    assert user.email == "free@example.com"
    assert "Your email address free@example.com is confirmed." in response.content.decode()


def test_a_link_for_another_account_or_an_altered_one_changes_nothing(login, learner, other_learner):
    client = login(learner)
    for token in (make_token(other_learner, "x@example.com"), make_token(learner, "x@example.com") + "x"):
        response = client.get(f"/accounts/email/confirm/{token}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    learner.refresh_from_db()
    other_learner.refresh_from_db()
    assert (learner.email, other_learner.email) == ("learner@example.com", "other@example.com")


def test_an_expired_link_changes_nothing(login, learner, monkeypatch):
    token = make_token(learner, "late@example.com")
    monkeypatch.setattr("course.accounts.email_confirmation.CONFIRMATION_MAX_AGE", -1)

    assert login(learner).get(f"/accounts/email/confirm/{token}/").status_code == 400
    assert signing.loads(token, salt=SALT)["email"] == "late@example.com"
    learner.refresh_from_db()
    assert learner.email == "learner@example.com"


def test_changing_the_email_needs_the_password_then_the_link(login, learner):
    client = login(learner)
    refused = client.post("/accounts/profile/", {"display_name": "", "email": "new@example.com", "password": "wrong"})
    assert refused.status_code == 400
    assert delivered_mail() == []

    client.post("/accounts/profile/", {"display_name": "", "email": "new@example.com", "password": PASSWORD})
    learner.refresh_from_db()
    assert learner.email == "learner@example.com"  # not yet
    client.get(link_in(delivered_mail()[0]))
    learner.refresh_from_db()
    assert learner.email == "new@example.com"


def test_changing_to_an_address_with_an_account_reveals_nothing(login, learner, other_learner):
    response = login(learner).post(
        "/accounts/profile/", {"display_name": "", "email": "other@example.com", "password": PASSWORD}, follow=True
    )

    html = response.content.decode()
    assert "We sent a link to other@example.com. Your email changes when you open it." in html
    assert "Another account" not in html
    assert delivered_mail()[0].to == ["other@example.com"]
    assert "already belongs to yours" in delivered_mail()[0].body
    learner.refresh_from_db()
    assert learner.email == "learner@example.com"


def test_the_display_name_saves_without_the_password(login, learner):
    login(learner).post("/accounts/profile/", {"display_name": "Zoë", "email": "learner@example.com"})

    learner.refresh_from_db()
    assert learner.display_name == "Zoë"


def test_sign_ups_are_limited_per_address(client, settings):
    settings.SIGNUP_LIMITS = {"address": (2, 3600)}
    statuses = []
    for n in range(3):
        client.cookies.clear()
        response = client.post("/accounts/signup/", {**FORM, "username": f"n{n}", "email": f"n{n}@example.com"})
        statuses.append(response.status_code)

    assert statuses == [302, 302, 429]
    assert int(response["Retry-After"]) == 3600
    assert "Too many sign-ups" in response.content.decode()
    assert not get_user_model().objects.filter(username="n2").exists()
    client.cookies.clear()
    other = client.post(
        "/accounts/signup/", {**FORM, "username": "n3", "email": "n3@example.com"}, REMOTE_ADDR="198.51.100.1"
    )
    assert other.status_code == 302
