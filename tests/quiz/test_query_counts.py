"""The quiz page and the review page read a fixed number of queries, whatever the
number of questions: measured warm, for 10 and for 50 questions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.conftest import warm_query_count

from .builders import make_every_type_quiz, right_form_data

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12  # measured: 9 for the review page
# The quiz page, warm: session, learner, attempt (its quiz and page, and its questions as shown
# until the draft changes, come from the cache: quiz/views.py).
TAKE_PAGE_MAX_QUERIES = 3


@pytest.fixture
def started(start, learner, bare_lessons):
    """Open attempts at a 10-question and a 50-question quiz (every type, with section links)."""
    attempts = {}
    for lesson, size in zip(bare_lessons, (10, 50), strict=True):
        quiz = make_every_type_quiz(lesson, questions=size, section_page=lesson)
        client, attempts[size] = start(learner, quiz)
    return client, attempts


def test_the_quiz_page_runs_in_the_same_number_of_queries_for_10_and_50_questions(
    started, django_assert_num_queries, django_assert_max_num_queries
):
    client, attempts = started
    small, large = (reverse("quiz:take", args=[attempts[size].pk]) for size in (10, 50))
    count, _response = warm_query_count(client, small)
    client.get(large)

    with django_assert_num_queries(count):
        client.get(large)
    with django_assert_max_num_queries(TAKE_PAGE_MAX_QUERIES):
        client.get(small)


def test_the_review_page_runs_in_the_same_number_of_queries_for_10_and_50_questions(
    started, django_assert_num_queries, django_assert_max_num_queries
):
    client, attempts = started
    for attempt in attempts.values():
        client.post(reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt))
    small, large = (reverse("quiz:review", args=[attempts[size].pk]) for size in (10, 50))
    count, _response = warm_query_count(client, small)
    client.get(large)

    with django_assert_num_queries(count):
        client.get(large)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(small)


AUTOSAVE_MAX_QUERIES = 4  # measured: session, learner, attempt, the conditional UPDATE


def test_the_quiz_page_with_saved_answers_and_the_autosave_handler_stay_flat(
    started, django_assert_num_queries, django_assert_max_num_queries
):
    """Resuming shows the draft from the attempt row itself; saving one is one UPDATE, whatever the size."""
    client, attempts = started
    counts = {}
    for size, attempt in attempts.items():
        autosave_url = reverse("quiz:autosave", args=[attempt.pk])
        data = right_form_data(attempt)
        assert client.post(autosave_url, data).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.post(autosave_url, data).status_code == 200
        counts[size] = len(queries)
        client.get(reverse("quiz:take", args=[attempt.pk]))
    assert counts[10] == counts[50] <= AUTOSAVE_MAX_QUERIES
    small, large = (reverse("quiz:take", args=[attempts[size].pk]) for size in (10, 50))
    count, _response = warm_query_count(client, small)
    with django_assert_num_queries(count):
        client.get(large)
    assert count <= MAX_QUERIES
