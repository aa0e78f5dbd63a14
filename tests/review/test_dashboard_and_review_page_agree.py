"""The dashboard's "To review" list and the review page are one queue (review.queue): the
same count, the same cards in the same order, before and after an answer."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.review.models import ReviewCard
from course.review.views import card_paper
from tests.conftest import make_quiz

from .helpers import paper_data, take_quiz, wrong

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve_due(login, learner, make_module):
    lesson = make_module(lessons=1, slug="queue-module", with_checks=False).get_children().specific().get()
    quiz = make_quiz(lesson, questions=12)
    client = login(learner)
    take_quiz(client, learner, quiz, wrong)
    cards = list(ReviewCard.objects.filter(learner=learner).order_by("pk"))
    for index, card in enumerate(cards):  # due on different days; one the learner was sure of
        ReviewCard.objects.filter(pk=card.pk).update(due_on=f"2000-01-{index + 1:02d}", confident_miss=index == 7)
    return client


def dashboard_queue(client):
    response = client.get(reverse("progress:dashboard"))
    soup = BeautifulSoup(response.content, "html.parser")
    listed = [card.question_id for card in response.context["queue"].cards]
    return listed, response.context["queue"].total, soup


def review_page(client):
    response = client.get(reverse("review:next"))
    return response.context["card"].question_id, response.context["due_count"]


def test_same_count_and_same_first_card(twelve_due):
    listed, total, soup = dashboard_queue(twelve_due)
    first, due_count = review_page(twelve_due)
    assert total == due_count == 12
    assert listed[0] == first
    assert len(soup.select("ul.to-review > li")) == 10
    assert "12 questions you missed are due for review today" in soup.get_text(" ", strip=True)
    assert "(12 due)" in soup.select_one("header").get_text(" ", strip=True)
    expected = list(
        ReviewCard.objects.order_by("-confident_miss", "due_on", "pk").values_list("question_id", flat=True)[:10]
    )
    assert listed == expected


def test_they_still_agree_after_an_answer(twelve_due):
    response = twelve_due.get(reverse("review:next"))
    card = response.context["card"]
    data = paper_data(card_paper(card), lambda question: "Right")
    assert twelve_due.post(reverse("review:answer", args=[card.pk]), data).status_code == 302
    listed, total, _soup = dashboard_queue(twelve_due)
    first, due_count = review_page(twelve_due)
    assert total == due_count == 11
    assert card.question_id not in listed and listed[0] == first
