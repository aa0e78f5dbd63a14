"""PostgreSQL, real concurrent transactions: the last two items of the course (two module
quizzes, the capstone already submitted) passed at the same moment (two tabs) always issue
exactly one certificate, in the transaction that completes the course, not later on a page view."""

from django.test import Client
from django.urls import reverse

from course.progress.models import Certificate
from course.quiz.attempts import open_attempt
from course.quiz.models import QuizKind
from tests.progress.conftest import course_quizzes, submit_capstones, take_quiz
from tests.quiz.builders import right_form_data

from .conftest import at_once, postgres_only

pytestmark = postgres_only
ROUNDS = 3  # one race might happen to run in order


def test_passing_the_last_two_quizzes_at_once_issues_one_certificate(transactional_db, make_user):
    quizzes = course_quizzes()
    second_last, last = [quiz for quiz in quizzes if quiz.kind == QuizKind.MODULE_QUIZ][-2:]
    first = [quiz for quiz in quizzes if quiz not in (second_last, last)]
    for round_number in range(ROUNDS):
        learner = make_user(f"finisher{round_number}")
        submit_capstones(learner)
        for quiz in first:
            assert take_quiz(learner, quiz).passed
        submissions = []
        for quiz in (second_last, last):
            attempt = open_attempt(learner, quiz)
            submissions.append((reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt)))

        def submit(url, data, learner=learner):
            client = Client()
            client.force_login(learner)
            return client.post(url, data).status_code

        statuses, errors = at_once([lambda url=url, data=data: submit(url, data) for url, data in submissions])

        assert errors == [] and statuses == [302, 302], round_number
        assert Certificate.objects.filter(learner=learner).count() == 1, round_number
