"""Home and dashboard tell a signed-in learner how many cards are due, counted once and then
kept in the cache until the learner's cards change (review/queue.py): no query on a
warm page, however many cards there are."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from course.quiz.models import Choice, Question
from course.review.models import ReviewCard
from course.review.queue import bump_cards_version
from tests.conftest import warm_query_count

pytestmark = pytest.mark.django_db


def add_cards(learner, check, count, days=0):
    questions = Question.objects.bulk_create(
        Question(quiz=check, sort_order=100 + n, type="single", prompt=f"Extra {n}?", explanation="E.")
        for n in range(count)
    )
    Choice.objects.bulk_create(Choice(question=q, text="Right", is_correct=True) for q in questions)
    ReviewCard.objects.bulk_create(
        ReviewCard(learner=learner, question=q, due_on=timezone.localdate() + timedelta(days=days)) for q in questions
    )
    bump_cards_version(learner.pk)  # as the app's bulk writes do (bulk_create sends no signal)


@pytest.mark.parametrize("url_name", ["home", "dashboard"])
def test_the_due_count_is_shown_and_costs_no_query_when_warm(login, learner, check, home, url_name):
    url = home.url if url_name == "home" else reverse("progress:dashboard")
    client = login(learner)
    add_cards(learner, check, 2)
    small, response = warm_query_count(client, url)
    html = response.content.decode()
    assert "2 questions are due for review" in html
    add_cards(learner, check, 60)
    big, response = warm_query_count(client, url)
    html = response.content.decode()
    assert "62 questions are due for review" in html
    assert small == big
    assert big <= 4  # session, user, and the records (home) or the class panel's two (dashboard)


def test_cards_not_yet_due_are_not_counted(login, learner, check, home):
    add_cards(learner, check, 3, days=2)
    html = login(learner).get(home.url).content.decode()
    assert "due for review" not in html
