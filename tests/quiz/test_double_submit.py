"""Submitting the same attempt twice, one after the other, stores one graded attempt and
one set of responses (at the same moment: tests/reliability/test_concurrent_quiz_submits.py)."""

from django.urls import reverse

import pytest

from course.quiz.models import Attempt, Response

from .builders import right_form_data


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
