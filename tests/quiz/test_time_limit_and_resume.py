"""The server keeps time: past the deadline (and its 30 s of grace) an attempt is
closed as timed out and graded on the answers saved by then (none here: see
test_autosave_and_resume.py for saved ones). An unfinished attempt resumes as it was."""

from datetime import timedelta

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.attempts import DEADLINE_GRACE
from course.quiz.models import Attempt, Response

from .builders import move_deadline, right_form_data

pytestmark = pytest.mark.django_db


def test_a_timed_attempt_gets_its_deadline_from_the_time_limit(start, learner, timed_quiz):
    _client, attempt = start(learner, timed_quiz)
    assert attempt.deadline - attempt.started_at == timedelta(minutes=1)
    assert timedelta(seconds=30) == DEADLINE_GRACE


def test_a_submit_past_deadline_and_grace_counts_only_what_was_saved_here_nothing(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    data = right_form_data(attempt)
    move_deadline(attempt, -31)

    response = client.post(reverse("quiz:take", args=[attempt.pk]), data, follow=True)

    assert response.redirect_chain == [(reverse("quiz:review", args=[attempt.pk]), 302)]
    assert "Time ran out" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.submitted_at is not None
    assert attempt.score == 0.0 and attempt.passed is False
    responses = Response.objects.filter(attempt=attempt)
    assert responses.count() == timed_quiz.questions.count()
    assert {(response.answer, response.credit) for response in responses} == {(None, 0.0)}


def test_a_submit_within_the_grace_period_is_graded(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    data = right_form_data(attempt)
    move_deadline(attempt, -20)

    client.post(reverse("quiz:take", args=[attempt.pk]), data)

    attempt.refresh_from_db()
    assert not attempt.timed_out
    assert attempt.score == 100.0


def test_opening_an_expired_attempt_closes_it_as_timed_out(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    move_deadline(attempt, -31)

    response = client.get(reverse("quiz:take", args=[attempt.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("quiz:review", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.score == 0.0


def test_starting_again_after_the_deadline_closes_the_old_attempt_and_opens_a_new_one(start, learner, timed_quiz):
    _client, attempt = start(learner, timed_quiz)
    move_deadline(attempt, -31)

    _client, new_attempt = start(learner, timed_quiz)

    assert new_attempt.pk != attempt.pk
    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.score == 0.0


def _layout(client, attempt):
    """Each question's prompt with its options (or ordering items, or matching items and targets) in page order."""
    soup = BeautifulSoup(client.get(reverse("quiz:take", args=[attempt.pk])).content, "html.parser")
    return [
        (
            fieldset.legend.get_text(" ", strip=True),
            [label.get_text() for label in fieldset.select("label")],
            [option["value"] + option.get_text() for option in fieldset.select("option")],
        )
        for fieldset in soup.select("fieldset.question")
    ]


def test_resuming_returns_the_same_attempt_in_the_same_order(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    first_layout = _layout(client, attempt)

    client, resumed = start(learner, every_type_quiz)

    assert resumed.pk == attempt.pk
    assert _layout(client, resumed) == first_layout
    assert Attempt.objects.filter(learner=learner, quiz=every_type_quiz).count() == 1


def test_the_quiz_page_offers_to_resume_an_open_attempt(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    html = client.get(reverse("quiz:detail", args=[every_type_quiz.pk])).content.decode()
    assert f'href="{reverse("quiz:take", args=[attempt.pk])}"' in html
    assert "Resume your attempt" in html
