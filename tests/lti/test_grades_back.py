"""Grades back: a quiz launched from the LMS posts the learner's best score to the LMS's
gradebook (served by lti1p3platform's AGS service); failures are retried from the queue;
a repeated job posts nothing twice."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from course.lti.grades import post_best_score
from course.lti.models import LineItem, LTIAccount, PostedScore
from course.quiz.attempts import open_attempt, submit_attempt
from course.quiz.models import Attempt, Quiz, QuizKind

from .conftest import do_launch
from .platform import LEARNER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch):
    # The worker closes "old" connections between jobs, as a long-running process should; inside
    # a test's transaction (autocommit off) that would close the test's own connection.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


def run_worker():
    call_command("db_worker", "--backend", "background", "--batch", "--no-startup-delay", "-v0")


def make_due():
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))


@pytest.fixture
def quiz():
    return Quiz.objects.filter(page__live=True, kind=QuizKind.LESSON_CHECK).first()


def graded_attempt(user, quiz, capture, score):
    attempt = open_attempt(user, quiz)
    with capture(execute=True):
        submit_attempt(attempt, {})
    Attempt.objects.filter(pk=attempt.pk).update(score=score)  # as if these answers earned `score`
    return attempt


def results_in_lms(lms, url):
    return {score["userId"]: score["scoreGiven"] for item, score in lms.scores if item == url}


def test_a_quiz_launch_creates_the_column_and_each_graded_attempt_posts_the_best_score(
    client, lms, registered, quiz, django_capture_on_commit_callbacks
):
    do_launch(client, lms, roles=LEARNER, custom={"target": f"quiz:{quiz.pk}"}, ags=True)
    line_item = LineItem.objects.get(quiz=quiz)
    assert line_item.url == ""  # the LMS gave no column for this link: the job makes one
    learner = LTIAccount.objects.get().user

    graded_attempt(learner, quiz, django_capture_on_commit_callbacks, score=60.0)  # queues the job
    assert lms.scores == []  # not yet: the worker posts it
    run_worker()
    line_item.refresh_from_db()
    assert line_item.url in lms.line_items and lms.line_items[line_item.url]["tag"] == f"quiz-{quiz.pk}"
    assert results_in_lms(lms, line_item.url) == {"learner-1": 60.0}

    # A worse attempt: the best (60) stands, nothing new is sent; a better one is sent.
    graded_attempt(learner, quiz, django_capture_on_commit_callbacks, score=40.0)
    run_worker()
    assert len(lms.scores) == 1
    graded_attempt(learner, quiz, django_capture_on_commit_callbacks, score=90.0)
    run_worker()
    assert results_in_lms(lms, line_item.url) == {"learner-1": 90.0}
    assert PostedScore.objects.get().score == 90.0
    # Read back through the platform's results service, as the LMS's gradebook shows it.
    assert lms.scores[-1][1]["scoreMaximum"] == 100


def test_the_lms_column_of_the_link_is_used_when_it_gives_one(
    client, lms, registered, quiz, django_capture_on_commit_callbacks
):
    column = lms.url("/lineitems/77")
    lms.line_items[column] = {"id": column, "label": "Quiz in the LMS", "scoreMaximum": 100}
    do_launch(client, lms, roles=LEARNER, custom={"target": f"quiz:{quiz.pk}"}, ags=column)
    learner = LTIAccount.objects.get().user
    graded_attempt(learner, quiz, django_capture_on_commit_callbacks, score=70.0)
    run_worker()
    assert results_in_lms(lms, column) == {"learner-1": 70.0}
    assert len(lms.line_items) == 1


def test_a_failed_post_is_retried_never_lost_never_doubled(
    client, lms, registered, quiz, django_capture_on_commit_callbacks
):
    do_launch(client, lms, roles=LEARNER, custom={"target": f"quiz:{quiz.pk}"}, ags=True)
    learner = LTIAccount.objects.get().user
    lms.fail_next_scores = 1
    graded_attempt(learner, quiz, django_capture_on_commit_callbacks, score=55.0)
    run_worker()
    assert lms.scores == [] and not PostedScore.objects.exists()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()  # the retry waits
    make_due()
    run_worker()
    assert [score["scoreGiven"] for _item, score in lms.scores] == [55.0]
    # The same job again (a duplicate in the queue): nothing is posted twice.
    post_best_score.enqueue(LineItem.objects.get().pk, learner.pk)
    run_worker()
    assert len(lms.scores) == 1


def test_learners_without_an_lms_launch_send_nothing(learner, quiz, django_capture_on_commit_callbacks):
    graded_attempt(learner, quiz, django_capture_on_commit_callbacks, score=80.0)
    assert not DBTaskResult.objects.exists()
