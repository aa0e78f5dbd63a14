"""The course structure is cached for everyone; changing the course must refresh it."""

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.progress.standing import learner_progress
from course.quiz.models import Quiz, QuizKind

pytestmark = pytest.mark.django_db


def first_module_titles(learner):
    return [lesson.title for lesson in learner_progress(learner).modules[0].lessons]


def test_reordering_lessons_refreshes_the_structure(learner):
    before = first_module_titles(learner)
    module = ModulePage.objects.live().order_by("path").first()
    first, _second, third = LessonPage.objects.child_of(module).order_by("path")
    third.move(first, pos="left")
    assert first_module_titles(learner) == [before[2], before[0], before[1]]


def test_publishing_a_new_title_refreshes_the_structure(learner, lesson_1_1):
    learner_progress(learner)
    lesson_1_1.title = "A renamed lesson"
    lesson_1_1.save_revision().publish()
    assert first_module_titles(learner)[0] == "A renamed lesson"


def test_unpublishing_a_lesson_removes_it_from_the_structure(learner, lesson_1_1):
    learner_progress(learner)
    lesson_1_1.unpublish()
    assert lesson_1_1.title not in first_module_titles(learner)


def test_deleting_a_lesson_check_refreshes_the_structure(learner, lesson_1_1):
    assert learner_progress(learner).lesson(lesson_1_1.pk).check_id is not None
    Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK).delete()
    assert learner_progress(learner).lesson(lesson_1_1.pk).check_id is None
