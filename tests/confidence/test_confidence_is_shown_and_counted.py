"""Confidence shows on the attempt review, orders the review queue and the dashboard's
"to review" list (sure-but-wrong first), and is counted per question for item analysis."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.confidence import confidence_counts
from course.quiz.models import Question
from course.review.models import ReviewCard
from tests.review.helpers import take_quiz

pytestmark = pytest.mark.django_db


def test_the_attempt_review_says_how_sure_the_learner_was(login, learner, check):
    client = login(learner)
    attempt = take_quiz(client, learner, check, lambda q: "Wrong", confidence="guessing")
    soup = BeautifulSoup(client.get(reverse("quiz:review", args=[attempt.pk])).content, "html.parser")
    answers = soup.select_one("li.review-item dl.answers")
    assert "You were" in answers.get_text() and "guessing" in answers.get_text()


def test_a_sure_miss_becomes_a_confident_card_and_is_served_first(login, learner, check):
    first, second = Question.objects.filter(quiz=check).order_by("sort_order")
    client = login(learner)
    take_quiz(client, learner, check, lambda q: "Wrong", confidence="guessing")
    ReviewCard.objects.filter(question=first).update(due_on="2000-01-01")
    ReviewCard.objects.filter(question=second).update(due_on="2000-01-02", confident_miss=True)
    response = client.get(reverse("review:next"))
    assert response.context["card"].question_id == second.pk


def test_the_sure_flag_is_set_from_the_response(login, learner, check):
    take_quiz(login(learner), learner, check, lambda q: "Wrong", confidence="sure")
    assert set(ReviewCard.objects.filter(learner=learner).values_list("confident_miss", flat=True)) == {True}


def test_the_dashboard_lists_sure_but_wrong_answers_first(login, learner, check):
    from course.quiz.attempts import open_attempt, submit_attempt
    from course.quiz.models import Choice

    first, second = Question.objects.filter(quiz=check).order_by("sort_order")
    wrong = {q.pk: Choice.objects.get(question=q, text="Wrong").pk for q in (first, second)}
    submit_attempt(open_attempt(learner, check), wrong, confidence={second.pk: "sure", first.pk: "guessing"})
    ReviewCard.objects.filter(learner=learner).update(due_on="2000-01-02")  # both due now
    response = login(learner).get(reverse("progress:dashboard"))
    listed = [card.question_id for card in response.context["queue"].cards]
    assert listed == [second.pk, first.pk]
    assert "you were sure" in response.content.decode()


def test_confidence_counts_per_question_in_one_query(django_assert_num_queries, make_user, check):
    from course.quiz.attempts import open_attempt, submit_attempt
    from course.quiz.models import Choice

    first, second = Question.objects.filter(quiz=check).order_by("sort_order")
    right = {q.pk: Choice.objects.get(question=q, text="Right").pk for q in (first, second)}
    wrong = {q.pk: Choice.objects.get(question=q, text="Wrong").pk for q in (first, second)}
    marks = [(right, "sure"), (wrong, "sure"), (wrong, "sure"), (right, "guessing"), (wrong, "guessing"), (wrong, "")]
    for index, (answers, mark) in enumerate(marks):
        learner = make_user(f"counted{index}")
        confidence = {first.pk: mark} if mark else {}
        submit_attempt(open_attempt(learner, check), answers, confidence=confidence)
    with django_assert_num_queries(1):
        counts = confidence_counts(check.pk)
    assert counts[first.pk] == {
        "sure_right": 1, "sure_wrong": 2, "guessing_right": 1, "guessing_wrong": 1, "unmarked": 1,
    }  # fmt: skip
    assert counts[second.pk]["unmarked"] == 6


def test_open_attempts_are_not_counted(learner, check):
    from course.quiz.attempts import open_attempt

    open_attempt(learner, check)
    assert confidence_counts(check.pk) == {}
