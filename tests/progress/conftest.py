"""Helpers for the progress tests: taking quizzes the way a learner does (through
the quiz app's own functions) and completing the shipped course."""

from django.db import transaction

import pytest

from course.capstone.models import Capstone, CapstoneResponse
from course.capstone.signals import capstone_submitted
from course.lessons.models import LessonPage, ModulePage
from course.quiz.attempts import open_attempt, questions_with_choices, submit_attempt
from course.quiz.models import Quiz, QuizKind
from course.quiz.question_types import right_answer


def take_quiz(learner, quiz, correct=True):
    """Open and submit an attempt: every answer right, or none given (a fail)."""
    attempt = open_attempt(learner, quiz, respect_retake_interval=False)
    questions = questions_with_choices(quiz.pk, attempt.question_ids)
    answers = {pk: right_answer(question) for pk, question in questions.items()} if correct else {}
    submit_attempt(attempt, answers)
    attempt.refresh_from_db()
    return attempt


def course_quizzes():
    """Every live quiz of the course in reading order: each lesson's check, then the module quiz."""
    quizzes = []
    for module in ModulePage.objects.live().order_by("path"):
        for lesson in LessonPage.objects.child_of(module).live().order_by("path"):
            quizzes.extend(Quiz.objects.filter(page=lesson, kind=QuizKind.LESSON_CHECK))
        quizzes.extend(Quiz.objects.filter(page=module, kind=QuizKind.MODULE_QUIZ))
    return quizzes


def submit_capstones(learner):
    """Submit an answer to every prompt of every capstone, as the capstone page does."""
    for capstone in Capstone.objects.prefetch_related("prompts"):
        with transaction.atomic():
            CapstoneResponse.objects.update_or_create(
                learner=learner,
                capstone=capstone,
                defaults={"answers": {str(p.pk): "My analysis of the scenario." for p in capstone.prompts.all()}},
            )
            capstone_submitted.send(sender=CapstoneResponse, learner=learner)


@pytest.fixture
def complete_course():
    """Pass every quiz of the course and submit the capstone for a learner; returns the quizzes passed."""

    def complete(learner):
        quizzes = course_quizzes()
        for quiz in quizzes:
            assert take_quiz(learner, quiz).passed, quiz
        submit_capstones(learner)
        return quizzes

    return complete
