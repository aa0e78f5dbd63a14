"""An attempt belongs to its learner: anyone else gets a 404, and anonymous visitors
are sent to log in and brought back to the quiz."""

from django.urls import reverse

import pytest

from course.quiz.models import Quiz, Response
from tests.conftest import PASSWORD

from .builders import right_form_data

pytestmark = pytest.mark.django_db


def test_another_learners_open_attempt_is_not_found_for_view_and_submit(start, learner, other_learner, every_type_quiz):
    _client, attempt = start(learner, every_type_quiz)
    data = right_form_data(attempt)
    intruder, _ = start(other_learner, every_type_quiz)  # has an attempt of their own at the same quiz
    url = reverse("quiz:take", args=[attempt.pk])

    assert intruder.get(url).status_code == 404
    assert intruder.post(url, data).status_code == 404
    assert intruder.get(reverse("quiz:review", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert not Response.objects.filter(attempt=attempt).exists()


def test_another_learners_submitted_attempt_is_not_found_for_review_and_resubmit(
    start, login, learner, other_learner, every_type_quiz
):
    client, attempt = start(learner, every_type_quiz)
    data = right_form_data(attempt)
    client.post(reverse("quiz:take", args=[attempt.pk]), data)
    intruder = login(other_learner)

    assert intruder.get(reverse("quiz:review", args=[attempt.pk])).status_code == 404
    assert intruder.get(reverse("quiz:take", args=[attempt.pk])).status_code == 404
    assert intruder.post(reverse("quiz:take", args=[attempt.pk]), data).status_code == 404


def test_an_attempt_that_does_not_exist_is_not_found(login, learner):
    client = login(learner)
    assert client.get(reverse("quiz:take", args=[999_999])).status_code == 404
    assert client.get(reverse("quiz:review", args=[999_999])).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("view", ["quiz:take", "quiz:review"])
def test_anonymous_visitors_are_sent_to_log_in(client, start, learner, every_type_quiz, method, view):
    _learner_client, attempt = start(learner, every_type_quiz)
    client.logout()
    url = reverse(view, args=[attempt.pk])

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_anonymous_visitor_logs_in_and_comes_back_to_the_quiz(client, learner, lesson_1_1):
    quiz = Quiz.objects.get(page=lesson_1_1)
    quiz_url = reverse("quiz:detail", args=[quiz.pk])

    to_login = client.get(quiz_url)
    assert to_login.status_code == 302
    login_url = to_login["Location"]
    assert login_url == f"{reverse('accounts:login')}?next={quiz_url}"

    assert client.get(login_url).status_code == 200
    logged_in = client.post(login_url, {"username": learner.username, "password": PASSWORD})
    assert logged_in.status_code == 302
    assert logged_in["Location"] == quiz_url
    assert client.get(quiz_url).status_code == 200


def test_the_lesson_page_sends_anonymous_visitors_to_log_in_with_the_quiz_as_next(client, lesson_1_1):
    quiz = Quiz.objects.get(page=lesson_1_1)
    html = client.get(lesson_1_1.url).content.decode()
    assert f'href="{reverse("accounts:login")}?next={reverse("quiz:detail", args=[quiz.pk])}"' in html


def test_anonymous_start_is_sent_to_log_in(client, lesson_1_1):
    quiz = Quiz.objects.get(page=lesson_1_1)
    response = client.post(reverse("quiz:start", args=[quiz.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not quiz.attempts.exists()
