"""How often each choice was picked: best attempts only, per choice (see conftest)."""

import pytest

from course.quiz.models import Choice, Question, QuestionType
from course.reports import queries

from .conftest import record_attempt

pytestmark = pytest.mark.django_db


def picks(question):
    row = queries.add_item_figures([queries.ItemRow(question)])[0]
    return {label: count for label, count, _correct in row.picks}


def test_each_choice_counts_the_learners_who_picked_it_in_their_best_attempt(history):
    # L6's second attempt picked "Also wrong" on q2: not their best, so not counted.
    assert picks(history.questions[1]) == {"Right": 1, "Wrong": 6, "Also wrong": 1}


def test_the_correct_choice_is_marked(history):
    row = queries.add_item_figures([queries.ItemRow(history.questions[0])])[0]
    assert [(label, correct) for label, _count, correct in row.picks] == [
        ("Right", True),
        ("Wrong", False),
        ("Also wrong", False),
    ]


def test_multiple_choice_answers_count_every_ticked_choice(history, make_user):
    question = history.questions[0]
    question.type = QuestionType.MULTIPLE
    question.save()
    Choice.objects.filter(question=question, text="Wrong").update(is_correct=True)
    learner = make_user("ticker")
    attempt = record_attempt(
        learner, history.quiz, history.questions, (1, 1, 1, 1, 1), history.quiz.attempts.first().submitted_at
    )
    ids = {choice.text: choice.pk for choice in question.choices.all()}
    attempt.responses.filter(question=question).update(answer=[ids["Right"], ids["Also wrong"]])
    assert picks(Question.objects.get(pk=question.pk)) == {"Right": 9, "Wrong": 0, "Also wrong": 1}


def test_true_false_questions_count_true_and_false(history):
    question = history.questions[3]
    question.type, question.correct_boolean = QuestionType.TRUE_FALSE, False
    question.save()
    # Attempts in order: 0 L1 (first), 1 L1, 2 L2, 3 L3, 4 L4, 5 L5, 6 L6, 7 L6 (second), 8 L7, 9 L8.
    # True on 0, 3, 6 and 9; the best attempts are all but 0 and 7: 3 True, 5 False.
    for index, attempt in enumerate(history.quiz.attempts.order_by("pk")):
        attempt.responses.filter(question=question).update(answer=index % 3 == 0)
    assert picks(question) == {"True": 3, "False": 5}


def test_other_question_types_show_no_picks(history):
    question = history.questions[4]
    question.type = QuestionType.SHORT
    question.save()
    assert queries.add_item_figures([queries.ItemRow(question)])[0].picks == []
