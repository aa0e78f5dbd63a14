"""A question answered only partly right (credit between 0 and 1) is missed: it goes to
the review queue like a wrong one. Only full credit (and polls, always full) stays out."""

import pytest

from course.quiz.models import Attempt, Response
from course.quiz.signals import attempt_graded
from course.review.models import ReviewCard
from tests.conftest import make_quiz

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("credit", "queued"), [(0.0, True), (0.5, True), (0.99, True), (1.0, False)])
def test_a_graded_answer_is_queued_unless_it_earned_full_credit(learner, make_module, credit, queued):
    lesson = make_module(lessons=1, slug="partial-credit", with_checks=False).get_children().specific().get()
    quiz = make_quiz(lesson, questions=1)
    question = quiz.questions.first()
    attempt = Attempt.objects.create(learner=learner, quiz=quiz, seed=1, question_ids=[question.pk])

    attempt_graded.send(
        sender=Attempt, attempt=attempt, responses=[Response(attempt=attempt, question=question, credit=credit)]
    )

    assert ReviewCard.objects.filter(learner=learner, question=question).exists() is queued
