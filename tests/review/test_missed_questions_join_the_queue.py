"""Every question a learner misses in a submitted quiz becomes (or resets) a review card."""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.review.models import ReviewCard

from .helpers import right, take_quiz, wrong

pytestmark = pytest.mark.django_db


def test_missed_questions_become_box_1_cards_due_tomorrow(login, learner, check):
    take_quiz(login(learner), learner, check, wrong)
    cards = ReviewCard.objects.filter(learner=learner)
    assert {card.question_id for card in cards} == set(check.questions.values_list("pk", flat=True))
    assert {(card.box, card.due_on) for card in cards} == {(1, timezone.localdate() + timedelta(days=1))}


def test_questions_answered_right_do_not_join_the_queue(login, learner, check):
    take_quiz(login(learner), learner, check, right)
    assert not ReviewCard.objects.filter(learner=learner).exists()


def test_a_second_miss_resets_the_existing_card_instead_of_adding_one(login, learner, check):
    client = login(learner)
    take_quiz(client, learner, check, wrong)
    ReviewCard.objects.filter(learner=learner).update(box=4, due_on=timezone.localdate() + timedelta(days=10))
    take_quiz(client, learner, check, wrong)
    assert ReviewCard.objects.filter(learner=learner).count() == check.questions.count()
    assert set(ReviewCard.objects.filter(learner=learner).values_list("box", flat=True)) == {1}


def test_a_timed_out_attempt_queues_every_question(login, learner, check):
    from course.quiz.attempts import open_attempt, submit_attempt

    attempt = open_attempt(learner, check)
    submit_attempt(attempt, {}, timed_out=True)
    assert ReviewCard.objects.filter(learner=learner).count() == check.questions.count()
