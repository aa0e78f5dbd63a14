"""The certificate is issued by the transaction that completes the course, whichever item
completes it (a module quiz or the capstone), never by a page view, and it keeps the
name the learner had when it was issued."""

import pytest

from course.progress.models import Certificate

from .conftest import course_quizzes, submit_capstones, take_quiz

pytestmark = pytest.mark.django_db


def test_the_certificate_keeps_the_name_it_was_issued_with(learner, complete_course, login):
    learner.display_name = "Ada Lovelace"
    learner.save()
    complete_course(learner)
    learner.display_name = "Someone Else"
    learner.save()

    client = login(learner)
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.name == "Ada Lovelace"
    assert "Ada Lovelace" in client.get("/my-progress/certificate/").content.decode()
    verify = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "Ada Lovelace" in verify and "Someone Else" not in verify


def test_viewing_the_dashboard_issues_nothing(learner, complete_course, login):
    """Even for a complete course without a certificate (here: removed after completing), a GET writes nothing."""
    complete_course(learner)
    Certificate.objects.filter(learner=learner).delete()

    html = login(learner).get("/my-progress/").content.decode()

    assert not Certificate.objects.exists()
    assert "View your certificate" not in html


def test_an_unread_lesson_does_not_withhold_the_certificate(learner, make_module):
    """Course complete = every module quiz passed and the capstone submitted; reading is the
    learner's own business (a module quiz tests what the lessons teach)."""
    make_module(lessons=1, slug="last-reading", with_checks=False)
    submit_capstones(learner)
    for quiz in course_quizzes():
        take_quiz(learner, quiz)
    assert Certificate.objects.filter(learner=learner).count() == 1
