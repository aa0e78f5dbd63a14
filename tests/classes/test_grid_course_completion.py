"""The class grid judges the course complete by progress's own rule (every module quiz
passed and the capstone submitted), as the learner's dashboard does; a learner who has
only opened a lesson has started."""

import pytest

from course.classes.grid import build_grid
from course.lessons.models import LessonPage
from course.progress.models import LessonVisit
from tests.progress.conftest import course_quizzes, submit_capstones, take_quiz

pytestmark = pytest.mark.django_db


def row_of(grid, learner):
    return next(row for row in grid.rows if row.learner.pk == learner.pk)


def test_passing_every_quiz_without_the_capstone_is_not_a_complete_course(seminar, learner, instructor, login):
    for quiz in course_quizzes():
        take_quiz(learner, quiz)
    assert not row_of(build_grid(seminar), learner).course_complete
    assert "Course complete" not in login(instructor).get(f"/admin/classes/{seminar.pk}/grid/").text

    submit_capstones(learner)
    assert row_of(build_grid(seminar), learner).course_complete
    assert "✓ Course complete" in login(instructor).get(f"/admin/classes/{seminar.pk}/grid/").text


def test_a_learner_who_opened_a_lesson_has_started(seminar, learner):
    assert [user.pk for user in build_grid(seminar).not_started] == [learner.pk]
    LessonVisit.objects.create(learner=learner, lesson=LessonPage.objects.live().first())
    grid = build_grid(seminar)
    assert grid.not_started == []
    assert "in_progress" in {cell.state for cell in row_of(grid, learner).cells}
