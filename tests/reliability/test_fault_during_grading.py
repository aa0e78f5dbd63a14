"""PostgreSQL: a database error in the middle of grading (after the attempt was
claimed and some responses written) leaves no trace: the attempt is still open,
no response is stored, and submitting again grades it once."""

from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from wagtail.models import Page

from course.lessons.models import LessonPage
from course.operations.backup import database_fingerprint
from course.quiz.attempts import open_attempt
from course.quiz.models import Response
from tests.quiz.builders import make_every_type_quiz, right_form_data

from .conftest import postgres_only

pytestmark = postgres_only


def test_a_failure_midway_through_grading_writes_nothing(transactional_db, make_user):
    lesson = Page.get_first_root_node().add_child(
        instance=LessonPage(title="Fault", slug="fault-grading", summary="S", objectives="O", sources="- S")
    )
    quiz = make_every_type_quiz(lesson)
    learner = make_user("unlucky")
    attempt = open_attempt(learner, quiz)
    data, url = right_form_data(attempt), reverse("quiz:take", args=[attempt.pk])
    client = Client(raise_request_exception=False)
    client.force_login(learner)
    real_bulk_create = Response.objects.bulk_create

    def write_one_then_fail(responses, *args, **kwargs):
        real_bulk_create(responses[:1], *args, **kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    Response.objects.bulk_create = write_one_then_fail
    before = database_fingerprint()
    try:
        failed = client.post(url, data)
    finally:
        del Response.objects.bulk_create

    assert failed.status_code == 500
    assert "Nothing you submitted was half-saved" in failed.content.decode()
    after = database_fingerprint()
    assert {table: rows for table, rows in after.items() if table != "django_session"} == {
        table: rows for table, rows in before.items() if table != "django_session"
    }
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None

    retried = client.post(url, data)

    assert retried.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100.0
    assert Response.objects.filter(attempt=attempt).count() == quiz.questions.count()
