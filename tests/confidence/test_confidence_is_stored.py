"""In lesson checks a learner may mark each answer sure or guessing; it is stored on the response."""

from django.urls import reverse

import pytest

from course.quiz.attempts import attempt_paper
from course.quiz.models import Attempt, Response
from tests.review.helpers import paper_data, take_quiz

pytestmark = pytest.mark.django_db


def open_paper(client, learner, quiz):
    client.post(reverse("quiz:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(learner=learner, quiz=quiz, submitted_at__isnull=True)
    return attempt, attempt_paper(attempt)[0]


def test_the_check_offers_an_optional_sure_or_guessing_pair_inside_each_question(login, learner, check):
    client = login(learner)
    attempt, _paper = open_paper(client, learner, check)
    html = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    from bs4 import BeautifulSoup

    for fieldset in BeautifulSoup(html, "html.parser").select("fieldset.question"):
        pair = fieldset.select_one("fieldset.confidence")
        assert pair.legend.get_text() == "How sure are you? (optional)"
        radios = pair.select("input[type=radio]")
        assert [radio["value"] for radio in radios] == ["sure", "guessing"]
        assert all(pair.find("label", attrs={"for": radio["id"]}) for radio in radios)


def test_the_marks_are_stored_on_each_response(login, learner, check):
    take_quiz(login(learner), learner, check, lambda q: "Wrong", confidence="sure")
    assert set(Response.objects.filter(attempt__learner=learner).values_list("confidence", flat=True)) == {"sure"}


def test_leaving_the_pair_empty_stores_no_confidence(login, learner, check):
    take_quiz(login(learner), learner, check, lambda q: "Right")
    assert set(Response.objects.filter(attempt__learner=learner).values_list("confidence", flat=True)) == {""}


def test_an_unknown_confidence_is_a_400_with_a_message_and_stores_nothing(login, learner, check):
    client = login(learner)
    attempt, paper = open_paper(client, learner, check)
    data = paper_data(paper, lambda q: "Right")
    data["q1-confidence"] = "certain"
    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)
    assert response.status_code == 400
    assert "Choose sure or guessing, or leave both empty." in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not Response.objects.filter(attempt=attempt).exists()


def test_both_sure_and_guessing_at_once_is_a_400(login, learner, check):
    client = login(learner)
    attempt, paper = open_paper(client, learner, check)
    data = paper_data(paper, lambda q: "Right")
    data["q1-confidence"] = ["sure", "guessing"]
    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)
    assert response.status_code == 400
    assert not Response.objects.filter(attempt=attempt).exists()


def test_module_quizzes_do_not_ask_so_a_confidence_field_is_refused(login, learner, module_quiz):
    client = login(learner)
    attempt, paper = open_paper(client, learner, module_quiz)
    data = paper_data(paper, lambda q: "Right", confidence="sure")
    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)
    assert response.status_code == 400
    assert not Response.objects.filter(attempt=attempt).exists()
