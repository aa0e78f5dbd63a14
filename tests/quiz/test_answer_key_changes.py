"""Questions and choices are read once per content version and shared between requests:
an instructor's correction must grade the very next submission."""

import pytest

from course.quiz.attempts import attempt_paper, open_attempt, submit_attempt
from course.quiz.models import Choice
from tests.conftest import make_quiz

pytestmark = pytest.mark.django_db


def choose(attempt, text):
    """Answers choosing the option with this text for every question."""
    paper, _questions = attempt_paper(attempt)
    return {
        presented.question.pk: next(
            int(choice.pk) for choice in presented.question.choices.all() if choice.text == text
        )
        for presented in paper
    }


def test_a_corrected_answer_key_grades_the_next_submission(make_module, learner, other_learner):
    lesson = make_module(lessons=1, slug="key-module", with_checks=False).get_children().specific().get()
    quiz = make_quiz(lesson, questions=1)
    first = open_attempt(learner, quiz)
    submit_attempt(first, choose(first, "Also wrong"))
    first.refresh_from_db()
    assert first.score == 0

    Choice.objects.filter(question__quiz=quiz).update(is_correct=False)
    corrected = Choice.objects.get(question__quiz=quiz, text="Also wrong")
    corrected.is_correct = True
    corrected.save()  # as the admin saves it: one content change

    second = open_attempt(other_learner, quiz)
    submit_attempt(second, choose(second, "Also wrong"))
    second.refresh_from_db()
    assert second.score == 100
