"""Two classes, each with its own instructor and learner, and a superuser: the six
roles of the role x URL tests."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from course.classes.models import CourseClass, Membership
from course.quiz.models import Attempt, Response
from course.quiz.question_types import right_answer
from course.site.roles import INSTRUCTORS


@pytest.fixture
def make_instructor(make_user):
    def make(username):
        user = make_user(username, is_staff=True)
        user.groups.add(Group.objects.get(name=INSTRUCTORS))
        return user

    return make


@pytest.fixture
def seminar(instructor, learner):
    """The class under test: taught by `instructor`, with `learner` in it."""
    course_class = CourseClass.objects.create(name="Seminar A")
    course_class.instructors.add(instructor)
    Membership.objects.create(course_class=course_class, learner=learner)
    return course_class


@pytest.fixture
def other_class(make_instructor, other_learner):
    """Another class, its own instructor and learner."""
    course_class = CourseClass.objects.create(name="Seminar B")
    course_class.other_instructor = make_instructor("other-teacher")
    course_class.instructors.add(course_class.other_instructor)
    Membership.objects.create(course_class=course_class, learner=other_learner)
    return course_class


def submit(learner, quiz, score, *, passed=None, minutes_ago=60, duration=5, credit_of=None):
    """A submitted attempt at `quiz` with a response per question (credit 1 if passed)."""
    questions = list(quiz.questions.order_by("sort_order"))
    passed = score >= quiz.pass_mark if passed is None else passed
    submitted_at = timezone.now() - timedelta(minutes=minutes_ago)
    attempt = Attempt.objects.create(
        learner=learner,
        quiz=quiz,
        seed=1,
        question_ids=[question.pk for question in questions],
        started_at=submitted_at - timedelta(minutes=duration),
        submitted_at=submitted_at,
        score=score,
        passed=passed,
    )
    for question in questions:
        Response.objects.create(
            attempt=attempt, question=question, answer=right_answer(question), credit=1.0 if passed else 0.0
        )
    return attempt


@pytest.fixture
def exports_dir(settings, tmp_path):
    """The private exports storage in a folder of this test's own, beside (not in) MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {**settings.STORAGES["exports"], "OPTIONS": {"location": tmp_path / "exports"}},
    }
    return tmp_path / "exports"
