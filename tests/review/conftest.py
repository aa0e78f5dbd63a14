import pytest

from course.lessons.models import LessonPage
from course.quiz.models import Quiz, QuizKind


@pytest.fixture
def check(make_module):
    """A lesson check of 2 single-choice questions ('Right' is right) on a fresh module's lesson."""
    module = make_module(lessons=1, slug="review-module")
    lesson = LessonPage.objects.child_of(module).get()
    return Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)
