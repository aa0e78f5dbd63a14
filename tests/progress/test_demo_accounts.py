"""Demo data: an instructor and a student with module 1 complete and a failed-then-passed
check in module 2. Re-runnable: a second run changes nothing."""

from django.contrib.auth import get_user_model

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.progress.models import Certificate, LessonCompletion
from course.progress.rules import COMPLETE, NOT_STARTED
from course.progress.standing import learner_progress
from course.quiz.models import Attempt, Quiz, QuizKind, Response
from course.site.roles import INSTRUCTORS
from devtools.demo import DEMO_PASSWORD, ensure_demo_accounts

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "users": sorted(get_user_model().objects.values_list("username", "password", "is_staff")),
        "attempts": sorted(Attempt.objects.values_list("pk", "quiz_id", "score", "passed", "submitted_at")),
        "responses": Response.objects.count(),
        "completions": sorted(LessonCompletion.objects.values_list("pk", "lesson_id", "via", "completed_at")),
        "certificates": Certificate.objects.count(),
    }


def test_the_student_has_module_1_complete():
    _, student = ensure_demo_accounts()
    progress = learner_progress(student)
    first = progress.modules[0]
    assert first.state == COMPLETE
    assert all(lesson.state == COMPLETE for lesson in first.lessons)
    assert first.quiz.passed


def test_the_student_failed_then_passed_a_check_in_module_2():
    _, student = ensure_demo_accounts()
    second = ModulePage.objects.live().order_by("path")[1]
    lesson = LessonPage.objects.child_of(second).live().order_by("path").first()
    check = Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)
    results = list(Attempt.objects.filter(learner=student, quiz=check).order_by("started_at", "pk"))
    assert [attempt.passed for attempt in results] == [False, True]
    info = learner_progress(student).lesson(lesson.pk)
    assert info.state == COMPLETE
    assert info.check.best_score == 100
    assert info.check.attempts == 2


def test_the_student_has_not_started_the_later_modules():
    _, student = ensure_demo_accounts()
    progress = learner_progress(student)
    assert [module.state for module in progress.modules[2:]] == [NOT_STARTED] * (len(progress.modules) - 2)
    assert not Certificate.objects.filter(learner=student).exists()


def test_the_demo_accounts_can_log_in_and_the_instructor_is_staff(client):
    instructor, student = ensure_demo_accounts()
    assert instructor.is_staff and instructor.groups.filter(name=INSTRUCTORS).exists()
    assert not student.is_staff
    assert client.login(username="student", password=DEMO_PASSWORD)
    assert client.login(username="instructor", password=DEMO_PASSWORD)


def test_running_it_twice_changes_nothing():
    ensure_demo_accounts()
    before = snapshot()
    ensure_demo_accounts()
    assert snapshot() == before
    assert before["attempts"]  # the snapshot did capture the demo history
