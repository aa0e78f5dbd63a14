"""Retakes: every attempt stays in history, the best score and any pass count."""

import pytest

from course.progress.rules import COMPLETE, IN_PROGRESS
from course.progress.standing import learner_progress
from course.quiz.models import Attempt, Quiz, QuizKind

from .conftest import take_quiz

pytestmark = pytest.mark.django_db


def check_of(lesson):
    return Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)


def test_a_failed_check_leaves_the_lesson_in_progress(learner, lesson_1_1):
    take_quiz(learner, check_of(lesson_1_1), correct=False)
    info = learner_progress(learner).lesson(lesson_1_1.pk)
    assert info.state == IN_PROGRESS
    assert info.check.best_score == 0
    assert info.check.attempts == 1


def test_passing_on_a_retake_completes_the_lesson_with_the_best_score(learner, lesson_1_1):
    take_quiz(learner, check_of(lesson_1_1), correct=False)
    take_quiz(learner, check_of(lesson_1_1))
    info = learner_progress(learner).lesson(lesson_1_1.pk)
    assert info.state == COMPLETE
    assert info.check.best_score == 100
    assert info.check.attempts == 2


def test_a_worse_retake_after_a_pass_keeps_the_lesson_complete_and_the_best_score(learner, lesson_1_1):
    take_quiz(learner, check_of(lesson_1_1))
    take_quiz(learner, check_of(lesson_1_1), correct=False)
    info = learner_progress(learner).lesson(lesson_1_1.pk)
    assert info.state == COMPLETE
    assert info.check.best_score == 100
    assert info.check.attempts == 2
    assert Attempt.objects.filter(learner=learner, quiz=check_of(lesson_1_1)).count() == 2


def test_another_learners_attempts_do_not_count(learner, other_learner, lesson_1_1):
    take_quiz(other_learner, check_of(lesson_1_1))
    info = learner_progress(learner).lesson(lesson_1_1.pk)
    assert info.check.attempts == 0
    assert info.state != COMPLETE
