"""Quiz results against the hand-computed history (see conftest)."""

import pytest

from course.quiz.models import Attempt, Quiz
from course.reports import queries

pytestmark = pytest.mark.django_db


def results_for(quiz):
    return queries.quiz_results(Quiz.objects.filter(pk=quiz.pk))[0]


def test_attempts_and_learners_count_submitted_attempts(history):
    Attempt.objects.create(learner=history.learners["L2"], quiz=history.quiz, seed=2)  # open: not counted
    quiz = results_for(history.quiz)
    assert (quiz.attempt_count, quiz.learner_count) == (10, 8)


def test_mean_and_median_score(history):
    quiz = results_for(history.quiz)
    assert quiz.mean_score == pytest.approx(42.0)
    assert quiz.median_score == pytest.approx(40.0)


def test_pass_rate_of_attempts_and_of_learners(history):
    quiz = results_for(history.quiz)
    assert quiz.pass_rate == pytest.approx(0.1)
    assert quiz.learners_passed_rate == pytest.approx(0.125)


def test_a_quiz_nobody_took_has_no_figures(lesson_1_1):
    quiz = results_for(Quiz.objects.get(page=lesson_1_1))
    assert (quiz.attempt_count, quiz.learner_count) == (0, 0)
    assert (quiz.mean_score, quiz.median_score, quiz.pass_rate) == (None, None, None)


def test_the_median_of_an_odd_number_of_attempts_is_the_middle_one(history):
    Attempt.objects.filter(learner=history.learners["L8"]).delete()
    assert results_for(history.quiz).median_score == pytest.approx(40.0)
    Attempt.objects.filter(learner=history.learners["L7"]).delete()
    # 20, 20, 20, 40, 40, 60, 60, 80: the mean of 40 and 40 is still 40; drop L4 too.
    Attempt.objects.filter(learner=history.learners["L4"]).delete()
    assert results_for(history.quiz).median_score == pytest.approx(40.0)
    Attempt.objects.filter(learner=history.learners["L5"]).delete()
    # 20, 20, 20, 60, 60, 80
    assert results_for(history.quiz).median_score == pytest.approx(40.0)
