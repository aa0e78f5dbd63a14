"""Fixtures for the quiz tests: a lesson without a check to hang quizzes on, a quiz
with every question type, and a way to start and answer an attempt as a learner."""

from django.db import connection, transaction
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


@pytest.fixture
def keep_database_after_flush(django_db_setup, django_db_blocker):
    """A transactional test ends by flushing every table, the loaded course included.
    This copies every table out first and back in after the flush (PostgreSQL's COPY,
    in well under a second), so tests after it still find the course.
    Request it before `transactional_db`, so that it is torn down after the flush."""
    with django_db_blocker.unblock():
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        snapshot = {}
        with connection.cursor() as cursor:
            for table in tables:
                with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                    snapshot[table] = b"".join(bytes(block) for block in copy)
    yield
    with django_db_blocker.unblock(), transaction.atomic(), connection.cursor() as cursor:
        # The flush's post_migrate re-created content types and permissions under new ids: empty again.
        cursor.execute("TRUNCATE " + ", ".join(connection.ops.quote_name(table) for table in tables))
        cursor.execute("SET LOCAL session_replication_role = replica")  # rows go back in any order
        for table, rows in snapshot.items():
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} FROM STDIN") as copy:
                copy.write(rows)
