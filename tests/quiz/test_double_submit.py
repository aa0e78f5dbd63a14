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


@pytest.mark.django_db
def test_two_submissions_that_both_read_the_attempt_open_grade_it_once(learner, every_type_quiz):
    """Two requests that load the attempt before either submits (a double click, two tabs)
    each hold it as open; only the first submission may store responses. Runs on SQLite
    too (tests/reliability has the truly concurrent PostgreSQL version)."""
    from course.quiz.attempts import open_attempt, submit_attempt

    opened = open_attempt(learner, every_type_quiz)
    first_request, second_request = Attempt.objects.get(pk=opened.pk), Attempt.objects.get(pk=opened.pk)

    assert submit_attempt(first_request, {}) is True
    submitted_at = Attempt.objects.get(pk=opened.pk).submitted_at
    assert second_request.submitted_at is None  # it still believes the attempt is open
    assert submit_attempt(second_request, {}) is False

    assert Response.objects.filter(attempt_id=opened.pk).count() == len(opened.question_ids)
    assert Attempt.objects.get(pk=opened.pk).submitted_at == submitted_at
