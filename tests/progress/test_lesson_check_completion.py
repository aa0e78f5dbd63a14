"""Passing a lesson check records the lesson's completion; failing it does not."""

import pytest

from course.progress.models import LessonCompletion
from course.quiz.models import Quiz, QuizKind

from .conftest import take_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def check_1_1(lesson_1_1):
    return Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK)


def test_passing_the_lesson_check_records_a_completion(learner, lesson_1_1, check_1_1):
    attempt = take_quiz(learner, check_1_1)
    completion = LessonCompletion.objects.get(learner=learner, lesson=lesson_1_1)
    assert completion.via == LessonCompletion.Via.CHECK
    assert completion.completed_at == attempt.submitted_at


def test_failing_the_lesson_check_records_no_completion(learner, check_1_1):
    take_quiz(learner, check_1_1, correct=False)
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_passing_the_check_again_keeps_the_first_completion(learner, lesson_1_1, check_1_1):
    first = take_quiz(learner, check_1_1)
    take_quiz(learner, check_1_1)
    completion = LessonCompletion.objects.get(learner=learner, lesson=lesson_1_1)
    assert completion.completed_at == first.submitted_at


def test_passing_a_module_quiz_records_no_lesson_completion(learner, lesson_1_1):
    module_quiz = Quiz.objects.get(page=lesson_1_1.get_parent(), kind=QuizKind.MODULE_QUIZ)
    take_quiz(learner, module_quiz)
    assert not LessonCompletion.objects.filter(learner=learner).exists()


def test_the_lesson_page_shows_the_learner_it_is_complete(login, learner, lesson_1_1, check_1_1):
    take_quiz(learner, check_1_1)
    html = login(learner).get(lesson_1_1.url).content.decode()
    assert 'class="state state--complete"' in html
    assert "best score 100%" in html
