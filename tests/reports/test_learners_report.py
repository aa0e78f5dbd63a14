"""Learners: completion, modules done, last activity and certificate, as the learner's
own progress page computes them (progress.standing), for many learners at once."""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.lessons.models import LessonPage
from course.progress.models import Certificate, LessonCompletion
from course.progress.standing import course_structure, learner_progress
from course.quiz.models import Attempt
from course.reports import queries

pytestmark = pytest.mark.django_db


def attempt(learner, quiz_id, when, passed=True):
    return Attempt.objects.create(
        learner=learner,
        quiz_id=quiz_id,
        seed=1,
        started_at=when - timedelta(minutes=5),
        submitted_at=when,
        score=100 if passed else 10,
        passed=passed,
    )


def module_quiz_ids(module):
    return [lesson["check_id"] for lesson in module["lessons"]] + [module["quiz_id"]]


def report_row(learner):
    requirements = queries.module_requirements(course_structure())
    return queries.with_progress(queries.learners(), requirements).get(pk=learner.pk)


def test_passing_module_one_is_four_of_28_items_and_one_module(make_user):
    learner = make_user("ada")
    when = timezone.now() - timedelta(days=2)
    for quiz_id in module_quiz_ids(course_structure()[0]):
        attempt(learner, quiz_id, when)
    row = report_row(learner)
    assert (row.items_done, row.modules_done) == (4, 1)
    assert learner_progress(learner).percent == 14 == round(100 * 4 / 28)


def test_retakes_and_failed_attempts_do_not_count_twice(make_user):
    learner = make_user("ben")
    first_check = course_structure()[0]["lessons"][0]["check_id"]
    when = timezone.now() - timedelta(days=1)
    attempt(learner, first_check, when, passed=False)
    attempt(learner, first_check, when + timedelta(minutes=10))
    attempt(learner, first_check, when + timedelta(minutes=20))
    row = report_row(learner)
    assert (row.items_done, row.modules_done) == (1, 0)


def test_every_quiz_passed_is_every_item_and_module(make_user):
    learner = make_user("cleo")
    when = timezone.now() - timedelta(days=1)
    for module in course_structure():
        for quiz_id in module_quiz_ids(module):
            attempt(learner, quiz_id, when)
    row = report_row(learner)
    assert (row.items_done, row.modules_done) == (28, 7)
    assert learner_progress(learner).percent == 100


def test_last_activity_is_the_latest_attempt(make_user):
    when = timezone.now() - timedelta(days=4)
    learner = make_user("dee", date_joined=when - timedelta(days=10))
    attempt(learner, course_structure()[0]["quiz_id"], when, passed=False)
    assert report_row(learner).last_activity == when


def test_a_learner_who_did_nothing_was_last_active_when_they_joined(make_user):
    learner = make_user("eve")
    row = report_row(learner)
    assert (row.items_done, row.modules_done, row.last_activity) == (0, 0, learner.date_joined)


def test_lessons_without_a_check_count_once_marked_as_read(make_user, make_module):
    module = make_module(lessons=2, with_checks=False)
    learner = make_user("finn")
    for lesson in LessonPage.objects.child_of(module):
        LessonCompletion.objects.create(learner=learner, lesson=lesson, via=LessonCompletion.Via.READ)
    module_quiz = next(m for m in course_structure() if m["id"] == module.pk)["quiz_id"]
    attempt(learner, module_quiz, timezone.now())
    row = report_row(learner)
    assert (row.items_done, row.modules_done) == (3, 1)
    assert learner_progress(learner).percent == round(100 * 3 / 31)


def test_the_report_lists_learners_not_staff(learner, instructor, superuser):
    assert list(queries.learners().values_list("username", flat=True)) == ["learner"]


def test_the_page_shows_completion_modules_and_certificate(make_user, login, superuser):
    learner = make_user("gus")
    when = timezone.now() - timedelta(days=1)
    for quiz_id in module_quiz_ids(course_structure()[0]):
        attempt(learner, quiz_id, when)
    Certificate.objects.create(learner=learner, issued_at=when)
    html = login(superuser).get("/admin/course-reports/learners/").content.decode()
    assert "14 %" in html and "1 / 7" in html and f"Yes, {when:%Y-%m-%d}" in html
