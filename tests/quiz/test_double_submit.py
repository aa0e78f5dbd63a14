"""Submitting the same attempt twice, one after the other or at the same moment,
stores one graded attempt and one set of responses."""

import threading

from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.models import Page

import pytest

from course.lessons.models import LessonPage
from course.quiz.attempts import open_attempt
from course.quiz.models import Attempt, Response

from .builders import make_every_type_quiz, right_form_data

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.mark.django_db
def test_the_same_post_twice_grades_once(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    data = right_form_data(attempt)
    url = reverse("quiz:take", args=[attempt.pk])

    first = client.post(url, data)
    attempt.refresh_from_db()
    submitted_at = attempt.submitted_at
    second = client.post(url, data)

    review = reverse("quiz:review", args=[attempt.pk])
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == review
    attempt.refresh_from_db()
    assert attempt.submitted_at == submitted_at and attempt.score == 100.0
    assert Attempt.objects.filter(learner=learner, quiz=every_type_quiz).count() == 1
    assert Response.objects.filter(attempt=attempt).count() == every_type_quiz.questions.count()


@pytest.mark.django_db
def test_a_different_second_post_changes_nothing(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    url = reverse("quiz:take", args=[attempt.pk])
    client.post(url, right_form_data(attempt))
    answers_before = sorted(Response.objects.filter(attempt=attempt).values_list("question_id", "answer", "credit"))

    response = client.post(url, {}, follow=True)

    assert response.redirect_chain[0] == (reverse("quiz:review", args=[attempt.pk]), 302)
    assert "already submitted" in response.content.decode()
    assert sorted(Response.objects.filter(attempt=attempt).values_list("question_id", "answer", "credit")) == (
        answers_before
    )
    attempt.refresh_from_db()
    assert attempt.score == 100.0


@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL: SQLite serialises writers")
def test_two_concurrent_submits_store_one_set_of_responses(keep_database_after_flush, transactional_db, make_user):
    # Self-contained: an earlier transactional test may have flushed the loaded course.
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    lesson = root.add_child(
        instance=LessonPage(title="Race", slug="concurrent-submits", summary="S", objectives="O", sources="- S")
    )
    quiz = make_every_type_quiz(lesson)
    learner = make_user("racer")
    attempt = open_attempt(learner, quiz)
    data = right_form_data(attempt)
    url = reverse("quiz:take", args=[attempt.pk])
    barrier = threading.Barrier(2)
    statuses, errors = [], []

    def submit():
        client = Client()
        client.force_login(learner)
        try:
            barrier.wait(timeout=10)
            statuses.append(client.post(url, data).status_code)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors, errors
    assert statuses == [302, 302]
    assert Attempt.objects.filter(learner=learner, quiz=quiz, submitted_at__isnull=False).count() == 1
    assert Response.objects.filter(attempt=attempt).count() == quiz.questions.count()
    attempt.refresh_from_db()
    assert attempt.score == 100.0
