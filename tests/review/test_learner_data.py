"""Review cards are learner data: exported with the rest, deleted with the account."""

import json

from django.urls import reverse
from django.utils import timezone

import pytest

from course.quiz.models import Question
from course.review.models import ReviewCard

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_card(learner, check):
    question = Question.objects.filter(quiz=check).first()
    return ReviewCard.objects.create(learner=learner, question=question, box=3, due_on=timezone.localdate())


def test_the_export_holds_the_learners_cards(login, learner, a_card, other_learner, check):
    ReviewCard.objects.create(
        learner=other_learner, question=Question.objects.filter(quiz=check).last(), due_on=timezone.localdate()
    )
    response = login(learner).get(reverse("accounts:export"))
    data = json.loads(b"".join(response.streaming_content) if response.streaming else response.content)
    found = [value for value in _walk(data) if isinstance(value, dict) and "review_cards" in value]
    assert found, data.keys()
    cards = found[0]["review_cards"]
    assert [(card["question_id"], card["box"]) for card in cards] == [(a_card.question_id, 3)]


def _walk(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)


def test_deleting_the_account_deletes_the_cards(learner, a_card):
    learner.delete()
    assert not ReviewCard.objects.filter(pk=a_card.pk).exists()
