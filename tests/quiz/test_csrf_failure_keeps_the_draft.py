"""Signing in again in another tab replaces the CSRF token the quiz page holds. The
submission then fails the CSRF check: the learner gets a friendly page (not Django's
bare 403) that leads back to the attempt, where the autosaved answers wait."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.models import Response

from .builders import as_lists, right_form_data, shown_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    return client


def _token(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one("input[name=csrfmiddlewaretoken]")["value"]


def test_a_stale_token_on_submit_shows_the_way_back_and_the_draft_is_still_there(
    strict_client, learner, every_type_quiz
):
    client = strict_client
    start_token = _token(client, reverse("quiz:detail", args=[every_type_quiz.pk]))
    client.post(reverse("quiz:start", args=[every_type_quiz.pk]), {"csrfmiddlewaretoken": start_token})
    attempt = learner.attempts.get()
    take_url = reverse("quiz:take", args=[attempt.pk])
    token = _token(client, take_url)
    answers = right_form_data(attempt)
    saved = client.post(reverse("quiz:autosave", args=[attempt.pk]), {**answers, "csrfmiddlewaretoken": token})
    assert saved.status_code == 200

    # Signing in again in another tab rotates the token: the cookie changes, the page's form does not.
    client.cookies[settings.CSRF_COOKIE_NAME] = "b" * 32
    response = client.post(take_url, {**answers, "csrfmiddlewaretoken": token})

    assert response.status_code == 403
    page = BeautifulSoup(response.content, "html.parser")
    assert "Your form expired" in page.h1.get_text()
    back = page.find("a", string="Go back to your attempt")
    assert back["href"] == take_url
    assert page.select_one("link[rel=stylesheet]") is not None  # the site's own page, in its style
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not Response.objects.filter(attempt=attempt).exists()
    assert shown_values(client.get(back["href"]).content) == as_lists(answers)


def test_a_stale_token_on_autosave_changes_nothing(strict_client, learner, every_type_quiz):
    client = strict_client
    token = _token(client, reverse("quiz:detail", args=[every_type_quiz.pk]))
    client.post(reverse("quiz:start", args=[every_type_quiz.pk]), {"csrfmiddlewaretoken": token})
    attempt = learner.attempts.get()

    response = client.post(reverse("quiz:autosave", args=[attempt.pk]), {"csrfmiddlewaretoken": "x" * 64})

    assert response.status_code == 403
    attempt.refresh_from_db()
    assert attempt.draft == {}


def test_other_forms_lead_back_to_the_page_they_came_from(strict_client):
    response = strict_client.post("/accounts/logout/", HTTP_REFERER="http://testserver/my-progress/")
    assert response.status_code == 403
    assert 'href="http://testserver/my-progress/"' in response.content.decode()
    foreign = strict_client.post("/accounts/logout/", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in foreign.content.decode()
