"""/review/ shows the signed-in learner's due cards, and only theirs."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from course.quiz.models import Question
from course.review.models import ReviewCard

pytestmark = pytest.mark.django_db


def card(learner, question, days=0, **fields):
    return ReviewCard.objects.create(
        learner=learner, question=question, due_on=timezone.localdate() + timedelta(days=days), seed=7, **fields
    )


def questions(check):
    return list(Question.objects.filter(quiz=check).order_by("sort_order"))


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("review:next"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_page_shows_a_due_card_of_the_learner(login, learner, check):
    first = questions(check)[0]
    card(learner, first)
    response = login(learner).get(reverse("review:next"))
    assert response.status_code == 200
    assert response.context["card"].question_id == first.pk
    assert first.prompt in response.content.decode()


def test_another_learners_due_card_is_never_served(login, learner, other_learner, check):
    card(other_learner, questions(check)[0])
    response = login(learner).get(reverse("review:next"))
    assert "card" not in response.context
    assert "Nothing is due for review today" in response.content.decode()


def test_a_card_due_in_the_future_waits(login, learner, check):
    card(learner, questions(check)[0], days=3)
    response = login(learner).get(reverse("review:next"))
    assert "card" not in response.context
    assert "comes back on" in response.content.decode()


def test_confident_misses_come_first(login, learner, check):
    guessed, sure = questions(check)
    card(learner, guessed, days=-5)
    card(learner, sure, days=0, confident_miss=True)
    response = login(learner).get(reverse("review:next"))
    assert response.context["card"].question_id == sure.pk
    assert "You were sure of your answer" in response.content.decode()


def test_answering_another_learners_card_is_a_404_and_changes_nothing(login, learner, other_learner, check):
    theirs = card(other_learner, questions(check)[0])
    response = login(learner).post(reverse("review:answer", args=[theirs.pk]), {"q1": "x"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.box == 1 and theirs.last_reviewed_at is None


def test_the_page_shows_no_answer_before_it_is_given(login, learner, check):
    first = questions(check)[0]
    card(learner, first)
    html = login(learner).get(reverse("review:next")).content.decode()
    assert first.explanation not in html
    assert "correct" not in html.lower()
    for choice in first.choices.all():
        assert f'value="{choice.pk}"' not in html


def test_nothing_due_names_the_date_the_next_question_comes_back(login, learner, check):
    first, second = questions(check)
    card(learner, first, days=3)
    card(learner, second, days=1)
    second.retired = True  # a retired question's card rests: it is not "next"
    second.save(update_fields=["retired"])
    response = login(learner).get(reverse("review:next"))
    comes_back = (timezone.localdate() + timedelta(days=3)).strftime("%-d %B %Y")
    assert f"Nothing is due for review today. The next question comes back on {comes_back}." in " ".join(
        response.content.decode().split()
    )
