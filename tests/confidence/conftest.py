import pytest

from course.lessons.models import LessonPage
from course.quiz.models import Quiz, QuizKind


@pytest.fixture
def module(make_module):
    return make_module(lessons=1, slug="confidence-module")


@pytest.fixture
def check(module):
    """A lesson check of 2 single-choice questions; 'Right' is right."""
    return Quiz.objects.get(page=LessonPage.objects.child_of(module).get(), kind=QuizKind.LESSON_CHECK)


@pytest.fixture
def module_quiz(module):
    return Quiz.objects.get(page=module, kind=QuizKind.MODULE_QUIZ)
