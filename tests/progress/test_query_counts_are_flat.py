"""The dashboard, home and lesson pages read a signed-in learner's progress in a fixed
number of queries: 9 lessons and 60 attempts cost no more than 3 lessons and 5 (a query
per lesson or per attempt would show as a difference of 6 or 55; bigger sets only cost time).

The shipped course is always loaded, so each test measures a small data set, then adds
a big one and checks the count did not change. Counts are taken warm (second request)."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from course.lessons.models import LessonPage
from course.progress.learner_version import bump_learner_version
from course.quiz.models import Attempt, Quiz, Response
from tests.conftest import warm_query_count

pytestmark = pytest.mark.django_db


def add_attempts(learner, module, count):
    """`count` submitted attempts spread over the module's quizzes, alternately failed
    and passed, each with a response per question (the failed ones feed "To review")."""
    lessons = LessonPage.objects.child_of(module)
    quizzes = list(Quiz.objects.filter(page__in=[module, *lessons]).prefetch_related("questions"))
    start = timezone.now() - timedelta(days=30)
    attempts = []
    for index in range(count):
        quiz = quizzes[index % len(quizzes)]
        passed = index % 2 == 1
        attempts.append(
            Attempt(
                learner=learner,
                quiz=quiz,
                seed=index,
                question_ids=[question.pk for question in quiz.questions.all()],
                started_at=start + timedelta(minutes=index),
                submitted_at=start + timedelta(minutes=index + 1),
                score=100.0 if passed else 0.0,
                passed=passed,
            )
        )
    attempts = Attempt.objects.bulk_create(attempts)
    questions = {quiz.pk: list(quiz.questions.all()) for quiz in quizzes}
    Response.objects.bulk_create(
        Response(attempt=attempt, question=question, answer=None, credit=1.0 if attempt.passed else 0.0)
        for attempt in attempts
        for question in questions[attempt.quiz_id]
    )


def first_lesson_url(module):
    return LessonPage.objects.child_of(module).order_by("path").first().url


@pytest.fixture
def small_and_big(learner, make_module):
    """Builders for the two data sets: 3 lessons and 5 attempts, then 9 lessons and 60 attempts."""

    def small():
        module = make_module(lessons=3, slug="small-module")
        add_attempts(learner, module, 5)
        return module

    def big():
        module = make_module(lessons=9, slug="big-module")
        add_attempts(learner, module, 60)
        assert Attempt.objects.filter(learner=learner).count() >= 65
        return module

    return small, big


# docs/architecture.md, "Caching": session, user; the page's row, the learner's progress and
# panels, the dashboard's record, the learner's classes and the reviews due (shown in the
# navigation and on the home page and dashboard) are cached.
SIGNED_IN_BUDGET = 2
# The first dashboard view after the record changed: as above plus the record's 4
# (records, certificate, missed questions, history; progress/dashboard.py) and the learner's
# classes, kept under the same version (memberships, feedback; classes/learner_side.py).
REBUILT_RECORD_BUDGET = 8


# Each page's URL, given the module just built.
PAGES = {
    "dashboard": lambda module: "/my-progress/",
    "home": lambda module: "/",
    "lesson": first_lesson_url,
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_lessons_and_attempts(
    page, learner, login, small_and_big, django_assert_num_queries
):
    small, big = small_and_big
    client = login(learner)
    count, _response = warm_query_count(client, PAGES[page](small()))
    assert count <= SIGNED_IN_BUDGET
    url = PAGES[page](big())
    client.get(url)
    with django_assert_num_queries(count):
        client.get(url)


def test_rebuilding_the_dashboard_record_costs_the_same_with_60_attempts(learner, login, small_and_big):
    """The first view after the learner's record changes renders it afresh: still flat."""
    small, big = small_and_big
    client = login(learner)

    def rebuilt_query_count(module):
        client.get("/my-progress/")  # everything warm but the learner's record...
        add_attempts(learner, module, 1)  # ...which a new attempt changes
        bump_learner_version(learner.pk)  # as the app's write paths do (bulk_create sends no signal)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/my-progress/").status_code == 200
        return len(queries)

    count = rebuilt_query_count(small())
    assert count <= REBUILT_RECORD_BUDGET
    assert rebuilt_query_count(big()) == count
