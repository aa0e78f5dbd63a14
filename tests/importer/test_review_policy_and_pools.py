"""A quiz file may set its review policy; a module quiz's pool must be at least 1.5 times the
questions it draws."""

import pytest

from course.quiz.models import AnswersShown, Quiz, QuizKind

from .conftest import MODULE_QUIZ, load
from .test_bad_content_is_rejected import run_expecting_error, write_files

pytestmark = pytest.mark.django_db

QUESTION = MODULE_QUIZ.split("questions:\n", 1)[1]


def module_quiz(header, questions):
    return f'title: "Module quiz: Basics"\n{header}questions:\n' + QUESTION * questions


def test_the_review_policy_is_imported(content_tree):
    policy = "draw: 2\nreview:\n  answers: once_passed\n  after_attempts: 3\n  retake_after_minutes: 10\n"
    write_files(content_tree, {"01-basics/module-quiz.yaml": module_quiz(policy, 3)})
    load(content_tree)
    quiz = Quiz.objects.get(kind=QuizKind.MODULE_QUIZ, content_source="content/01-basics/module-quiz.yaml")
    assert (quiz.draw_count, quiz.answers_shown, quiz.answers_after_attempts, quiz.retake_after_minutes) == (
        2,
        AnswersShown.ONCE_PASSED,
        3,
        10,
    )


def test_a_module_quiz_pool_under_one_and_a_half_times_the_draw_is_refused(content_tree):
    write_files(content_tree, {"01-basics/module-quiz.yaml": module_quiz("draw: 2\n", 2)})
    lines = run_expecting_error(content_tree)
    assert lines == [
        "content/01-basics/module-quiz.yaml:2: a module quiz's pool must hold at least 1.5 times the questions "
        "drawn: draw 2 needs 3, the quiz has 2"
    ]


def test_an_unknown_review_option_is_refused(content_tree):
    write_files(content_tree, {"01-basics/module-quiz.yaml": module_quiz("review:\n  answers: never\n", 1)})
    lines = run_expecting_error(content_tree)
    assert lines == ["content/01-basics/module-quiz.yaml:3: review answers must be one of at_once, once_passed"]
