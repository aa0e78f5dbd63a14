"""Formula-safe spreadsheet cells (the grid's exports: test_queued_exports.py); adding and
removing learners by e-mail."""

import re

import pytest

from course.classes.models import Invitation, Membership
from course.operations.spreadsheet import safe_cell
from tests.mail_queue import delivered_mail

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("Ana", "Ana"),
        (42, 42),
        (-3.5, -3.5),
        (None, ""),
        (True, "yes"),
    ],
)
def test_safe_cell(value, stored):
    assert safe_cell(value) == stored


def test_add_by_email_adds_accounts_and_invites_the_rest(
    seminar, make_user, instructor, login, django_capture_on_commit_callbacks
):
    known = make_user("known")
    client = login(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        with_self = client.post(
            f"/admin/classes/{seminar.pk}/learners/add/",
            {"emails": "KNOWN@example.com, stranger@example.org\nlearner@example.com"},
            follow=True,
        )
    assert with_self.status_code == 200
    assert Membership.objects.filter(course_class=seminar, learner=known).exists()
    assert "Already in the class: learner@example.com." in with_self.text
    assert list(Invitation.objects.values_list("email", flat=True)) == ["stranger@example.org"]
    assert len(delivered_mail()) == 1
    message = delivered_mail()[0]
    assert message.to == ["stranger@example.org"]
    assert seminar.join_code in message.body
    assert f"/classes/join/{seminar.join_code}/" in message.body
    assert "/accounts/signup/?next=" in message.body


def test_invited_learner_signs_up_and_joins_by_the_link(seminar, instructor, client, login):
    login(instructor).post(f"/admin/classes/{seminar.pk}/learners/add/", {"emails": "new@example.org"})
    client.logout()
    signup = client.post(
        f"/accounts/signup/?next=/classes/join/{seminar.join_code}/",
        {
            "username": "newbie",
            "email": "new@example.org",
            "password1": "a-long-test-password-41",
            "password2": "a-long-test-password-41",
        },
    )
    assert signup.status_code == 302, signup.content[:300]
    assert signup["Location"] == f"/classes/join/{seminar.join_code}/"
    client.post(signup["Location"])
    assert Membership.objects.filter(course_class=seminar, learner__username="newbie").exists()
    # The address is not theirs until they open the confirmation link: then the invitation is used up.
    assert Invitation.objects.exists()
    confirmation = next(
        message
        for message in delivered_mail()
        if message.to == ["new@example.org"] and "/accounts/email/confirm/" in message.body
    )
    client.get(re.search(r"https?://\S+/accounts/email/confirm/\S+", confirmation.body).group(0))
    assert not Invitation.objects.exists()


def test_bad_address_is_400_and_nothing_written(seminar, instructor, login):
    response = login(instructor).post(
        f"/admin/classes/{seminar.pk}/learners/add/", {"emails": "ok@example.org, not-an-address"}
    )
    assert response.status_code == 400
    assert "“not-an-address” is not an e-mail address." in response.text
    assert not Invitation.objects.exists()
    assert len(delivered_mail()) == 0


def test_remove_learner_keeps_their_work(seminar, learner, instructor, login):
    client = login(instructor)
    response = client.post(f"/admin/classes/{seminar.pk}/learners/{learner.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.filter(course_class=seminar).exists()
    assert client.get(f"/admin/classes/{seminar.pk}/learners/{learner.pk}/").status_code == 404


def test_creator_becomes_instructor_and_co_instructors_see_the_class(make_instructor, instructor, login):
    co = make_instructor("co-teacher")
    client = login(instructor)
    response = client.post(
        "/admin/classes/new/",
        {"name": "Spring seminar", "starts_on": "2027-02-01", "ends_on": "2027-05-31", "instructors": [co.pk]},
    )
    assert response.status_code == 302, response.content[:2000]
    from course.classes.models import CourseClass

    created = CourseClass.objects.get(name="Spring seminar")
    assert set(created.instructors.all()) == {instructor, co}
    assert login(co).get(f"/admin/classes/{created.pk}/").status_code == 200


def test_end_before_start_is_refused(instructor, login):
    response = login(instructor).post(
        "/admin/classes/new/", {"name": "Backwards", "starts_on": "2027-05-01", "ends_on": "2027-02-01"}
    )
    assert response.status_code in (200, 400)
    from course.classes.models import CourseClass

    assert not CourseClass.objects.filter(name="Backwards").exists()
