"""Pages for a signed-in learner (dashboard, quiz, attempt, review, profile, data export)
say `Cache-Control: private, no-store`; public pages for visitors stay cacheable."""

from django.urls import reverse

import pytest

from course.capstone.models import Capstone
from course.quiz.attempts import open_attempt, submit_attempt
from course.quiz.models import Quiz

pytestmark = pytest.mark.django_db


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def personal_urls(learner, lesson_1_1):
    check = Quiz.objects.get(page=lesson_1_1)
    submitted = open_attempt(learner, check)
    submit_attempt(submitted, {})
    return [
        reverse("progress:dashboard"),
        reverse("quiz:detail", args=[check.pk]),
        reverse("quiz:take", args=[open_attempt(learner, check).pk]),
        reverse("quiz:review", args=[submitted.pk]),
        reverse("review:next"),
        reverse("capstone:detail", args=[Capstone.objects.get().pk]),
        reverse("accounts:profile"),
        reverse("accounts:export"),
        lesson_1_1.url,  # shows the learner's own progress
    ]


def test_every_personal_page_is_private_and_not_stored(login, learner, personal_urls):
    client = login(learner)
    for url in personal_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= directives(response), url
        assert "public" not in directives(response), url


def test_public_pages_for_visitors_are_not_marked_private(client, lesson_1_1):
    response = client.get(lesson_1_1.url)

    assert response.status_code == 200
    assert "no-store" not in directives(response)
