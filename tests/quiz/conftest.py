"""Fixtures for the quiz tests: a lesson without a check to hang quizzes on, a quiz
with every question type, and a way to start (or resume) an attempt as a learner."""

from django.urls import reverse

import pytest

from course.quiz.models import Attempt

from .builders import make_every_type_quiz


@pytest.fixture
def bare_lessons(make_module):
    """Two lessons without a check, in a fresh module."""
    module = make_module(lessons=2, slug="quiz-test-module", with_checks=False)
    return [page.specific for page in module.get_children().order_by("path")]


@pytest.fixture
def every_type_quiz(bare_lessons):
    """One question of each type on a lesson, each linking back to that lesson's first section."""
    return make_every_type_quiz(bare_lessons[0], section_page=bare_lessons[0])


@pytest.fixture
def timed_quiz(every_type_quiz):
    """The every-type quiz with a one-minute time limit."""
    every_type_quiz.time_limit_minutes = 1
    every_type_quiz.save()
    return every_type_quiz


@pytest.fixture
def start(login):
    """start(user, quiz) -> (client, attempt): the learner presses Start (or Resume)."""

    def do(user, quiz):
        client = login(user)
        response = client.post(reverse("quiz:start", args=[quiz.pk]))
        assert response.status_code == 302, response
        attempt = Attempt.objects.get(learner=user, quiz=quiz, submitted_at__isnull=True)
        assert response["Location"] == reverse("quiz:take", args=[attempt.pk])
        return client, attempt

    return do
