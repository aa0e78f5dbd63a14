"""Answering a card on /review/: graded on the server, moves the card between boxes,
shows the explanation and the lesson link, and never touches quiz scores."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from course.progress.models import LessonCompletion
from course.quiz.models import Attempt, Question, Response
from course.review.models import ReviewCard
from course.review.views import card_paper

from .helpers import paper_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_card(learner, check, lesson_1_1):
    question = Question.objects.filter(quiz=check).order_by("sort_order").first()
    question.section_page, question.section_anchor = lesson_1_1, "burden-sharing"
    question.save()
    return ReviewCard.objects.create(learner=learner, question=question, box=2, due_on=timezone.localdate(), seed=11)


def answer(client, card, text):
    card = ReviewCard.objects.select_related("question").get(pk=card.pk)
    data = paper_data(card_paper(card), lambda question: text)
    return client.post(reverse("review:answer", args=[card.pk]), data)


def test_a_right_answer_moves_the_card_up_a_box(login, learner, due_card):
    response = answer(login(learner), due_card, "Right")
    assert response.status_code == 302
    due_card.refresh_from_db()
    assert (due_card.box, due_card.due_on) == (3, timezone.localdate() + timedelta(days=7))


def test_a_wrong_answer_sends_the_card_back_to_box_1_for_tomorrow(login, learner, due_card):
    answer(login(learner), due_card, "Wrong")
    due_card.refresh_from_db()
    assert (due_card.box, due_card.due_on) == (1, timezone.localdate() + timedelta(days=1))


def test_after_answering_the_explanation_and_the_lesson_section_are_shown(login, learner, due_card, lesson_1_1):
    client = login(learner)
    response = answer(client, due_card, "Wrong")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Because." in html
    assert f'href="{lesson_1_1.url}#burden-sharing"' in html
    assert "Back to box 1" in html


def test_review_answers_change_no_score_attempt_or_completion(login, learner, due_card):
    before = (Attempt.objects.count(), Response.objects.count(), LessonCompletion.objects.count())
    answer(login(learner), due_card, "Right")
    assert (Attempt.objects.count(), Response.objects.count(), LessonCompletion.objects.count()) == before


def test_answering_twice_moves_the_card_once(login, learner, due_card):
    client = login(learner)
    answer(client, due_card, "Right")
    stale = {"q1": "anything"}
    response = client.post(reverse("review:answer", args=[due_card.pk]), stale)
    assert response.status_code == 302
    due_card.refresh_from_db()
    assert due_card.box == 3


def test_an_empty_answer_is_a_400_with_a_message_and_changes_nothing(login, learner, due_card):
    response = login(learner).post(reverse("review:answer", args=[due_card.pk]), {})
    assert response.status_code == 400
    assert "Give an answer before checking it." in response.content.decode()
    due_card.refresh_from_db()
    assert (due_card.box, due_card.last_reviewed_at) == (2, None)


def test_an_option_not_on_the_card_is_a_400_and_changes_nothing(login, learner, due_card):
    response = login(learner).post(reverse("review:answer", args=[due_card.pk]), {"q1": "o0000000000"})
    assert response.status_code == 400
    assert "Choose one of the options shown." in response.content.decode()
    due_card.refresh_from_db()
    assert due_card.box == 2


def test_a_field_the_card_does_not_have_is_a_400(login, learner, due_card):
    response = login(learner).post(reverse("review:answer", args=[due_card.pk]), {"q1": "", "is_correct": "1"})
    assert response.status_code == 400
    assert b"fields this question does not have" in response.content


def test_a_get_to_the_answer_url_is_refused(login, learner, due_card):
    assert login(learner).get(reverse("review:answer", args=[due_card.pk])).status_code == 405


def test_answers_need_the_csrf_token(learner, due_card):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = answer(client, due_card, "Right")
    assert response.status_code == 403
    due_card.refresh_from_db()
    assert due_card.box == 2


def test_the_outcome_page_without_an_answer_goes_back_to_the_queue(login, learner, due_card):
    response = login(learner).get(reverse("review:outcome", args=[due_card.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("review:next")


def test_the_navigation_count_follows_each_answer(login, learner, due_card):
    """The count of reviews due is cached (review/queue.py); answering a card (an
    update() that sends no signal) must still show at once."""
    client = login(learner)
    assert "(1 due)" in client.get("/my-progress/").content.decode()
    answer(client, due_card, "Right")
    assert "due)" not in client.get("/my-progress/").content.decode()
