"""Polls are left out of scores, passes, completion and the review queue."""

import pytest

from course.progress.models import LessonCompletion
from course.review.models import ReviewCard
from tests.review.helpers import take_quiz

pytestmark = pytest.mark.django_db


def test_a_poll_does_not_change_the_score(login, learner, mixed_quiz):
    attempt = take_quiz(login(learner), learner, mixed_quiz, lambda q: "Right" if q.type == "single" else "Leave")
    assert attempt.score == 100.0 and attempt.passed


def test_a_missed_graded_question_beside_a_poll_scores_zero(login, learner, mixed_quiz):
    attempt = take_quiz(login(learner), learner, mixed_quiz, lambda q: "Wrong" if q.type == "single" else "Stay")
    assert attempt.score == 0.0 and not attempt.passed


def test_an_unanswered_poll_is_not_a_miss(login, learner, mixed_quiz):
    take_quiz(login(learner), learner, mixed_quiz, lambda q: "Right" if q.type == "single" else None)
    assert not ReviewCard.objects.filter(learner=learner).exists()


def test_a_quiz_of_polls_only_submits_and_passes(login, learner, poll_only_quiz):
    attempt = take_quiz(login(learner), learner, poll_only_quiz, lambda q: "Stay")
    assert attempt.score == 100.0 and attempt.passed
    assert LessonCompletion.objects.filter(learner=learner, lesson=poll_only_quiz.page).exists()


def test_the_quiz_page_labels_the_poll_and_offers_its_choices(login, learner, poll_only_quiz):
    from django.urls import reverse

    from course.quiz.models import Attempt

    client = login(learner)
    client.post(reverse("quiz:start", args=[poll_only_quiz.pk]))
    attempt = Attempt.objects.get(learner=learner, quiz=poll_only_quiz)
    html = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    assert "An opinion poll: there is no right answer and it is not graded." in html
    assert all(view in html for view in ["Stay", "Leave", "Unsure"])
