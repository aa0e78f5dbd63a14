"""The certificate is issued when the course is complete (every module quiz passed, the
capstone submitted), whichever comes last, and only once."""

import pytest

from course.capstone.models import Capstone
from course.progress.models import Certificate
from course.quiz.models import QuizKind

from .conftest import course_quizzes, submit_capstones, take_quiz

pytestmark = pytest.mark.django_db


def test_no_certificate_until_the_last_quiz_is_passed(learner):
    submit_capstones(learner)
    *before_last, last = course_quizzes()
    for quiz in before_last:
        take_quiz(learner, quiz)
    assert not Certificate.objects.filter(learner=learner).exists()
    take_quiz(learner, last)
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_failing_the_last_quiz_issues_no_certificate(learner):
    submit_capstones(learner)
    *before_last, last = course_quizzes()
    for quiz in before_last:
        take_quiz(learner, quiz)
    take_quiz(learner, last, correct=False)
    assert not Certificate.objects.filter(learner=learner).exists()


def test_every_module_quiz_passed_without_the_capstone_issues_no_certificate(learner, login):
    for quiz in course_quizzes():
        if quiz.kind == QuizKind.MODULE_QUIZ:
            assert take_quiz(learner, quiz).passed
    assert not Certificate.objects.filter(learner=learner).exists()
    # Submitting the capstone through its page completes the course.
    capstone = Capstone.objects.get()
    client = login(learner)
    data = {f"prompt-{prompt.pk}": "An answer that weighs the scenario." for prompt in capstone.prompts.all()}
    response = client.post(f"/capstone/{capstone.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_lesson_checks_do_not_gate_the_certificate(learner):
    submit_capstones(learner)
    for quiz in course_quizzes():
        if quiz.kind == QuizKind.MODULE_QUIZ:
            take_quiz(learner, quiz)
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_passing_again_after_completing_does_not_issue_a_second_certificate(learner, complete_course, login):
    quizzes = complete_course(learner)
    certificate = Certificate.objects.get(learner=learner)
    take_quiz(learner, quizzes[0])
    take_quiz(learner, quizzes[-1])
    login(learner).get("/my-progress/")
    assert Certificate.objects.filter(learner=learner).count() == 1
    again = Certificate.objects.get(learner=learner)
    assert (again.pk, again.code, again.issued_at) == (certificate.pk, certificate.code, certificate.issued_at)


def test_the_dashboard_links_to_the_certificate_once_the_course_is_complete(learner, complete_course, login):
    client = login(learner)
    assert "/my-progress/certificate/" not in client.get("/my-progress/").content.decode()
    complete_course(learner)
    html = client.get("/my-progress/").content.decode()
    assert "View your certificate" in html
    assert 'href="/my-progress/certificate/"' in html


def test_each_learner_gets_their_own_certificate(learner, other_learner, complete_course):
    complete_course(learner)
    complete_course(other_learner)
    first, second = Certificate.objects.get(learner=learner), Certificate.objects.get(learner=other_learner)
    assert first.code != second.code
