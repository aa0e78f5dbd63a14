"""Shared fixtures. The shipped course is loaded once per test session into the
test database; each test then runs inside a transaction that is rolled back, or,
when it needs committed transactions, ends with the database put back as the
session started (`_put_the_course_back`)."""

import sqlite3

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TransactionTestCase
from django.test.utils import CaptureQueriesContext

import pytest

from course.lessons.models import CourseHomePage, LessonPage, ModulePage
from course.quiz.models import Choice, Question, Quiz, QuizKind
from course.site.roles import INSTRUCTORS

PASSWORD = "a-long-test-password-41"


_COURSE_AT_START: list["DatabaseSnapshot"] = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_course", verbosity=0, no_write_keys=True)
        _COURSE_AT_START.append(DatabaseSnapshot())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", _put_the_course_back)
        yield


def _put_the_course_back(test_case):
    """A transactional test (the live server, concurrent transactions) would end with Django's
    flush of every table, the session's course included, and the next test would find no course.
    Instead, put the database (the project has one) back exactly as it was at the start of the
    session: the same end (nothing the test wrote is left) in a fraction of the time
    (PostgreSQL's TRUNCATE of 87 tables plus the flush's post_migrate took seconds per test)."""
    _COURSE_AT_START[0].restore()


# The files that take longest (a browser, two app nodes, a thousand fuzzed inputs, a fresh
# process per settings check). pytest-xdist (`--dist loadfile --no-loadscope-reorder`, as
# `make test` runs it) hands files out in the order collected, so these go first: a worker that
# draws one late would run on alone at the end.
SLOW_FIRST = ("tests/browser/", "tests/cluster/", "tests/reliability/", "tests/settings/", "tests/security/test_csp_in")


def pytest_collection_modifyitems(config, items):
    def slow_first(item):
        path = item.nodeid.split("::")[0]
        return next((rank for rank, prefix in enumerate(SLOW_FIRST) if path.startswith(prefix)), len(SLOW_FIRST))

    items.sort(key=slow_first)  # stable: the order within each group is kept


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Cached navigation and course structure must not leak between rolled-back tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return CourseHomePage.objects.get()


@pytest.fixture
def lesson_1_1(db):
    return LessonPage.objects.get(slug="security-bargains")


@pytest.fixture
def make_user(db):
    def make(username, **fields):
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.com", password=PASSWORD, **fields
        )
        return user

    return make


@pytest.fixture
def learner(make_user):
    return make_user("learner")


@pytest.fixture
def other_learner(make_user):
    return make_user("other")


@pytest.fixture
def instructor(make_user):
    user = make_user("teacher", is_staff=True)
    user.groups.add(Group.objects.get(name=INSTRUCTORS))
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.com", PASSWORD)


@pytest.fixture
def make_module(home):
    """A module with `lessons` lessons, each with a 2-question check, and a module quiz."""

    def make(lessons=3, slug="test-module", with_checks=True):
        module = home.add_child(
            instance=ModulePage(title="Test module", slug=slug, number=99, summary="S", objectives="O")
        )
        for index in range(lessons):
            lesson = module.add_child(
                instance=LessonPage(
                    title=f"Test lesson {index}",
                    slug=f"test-lesson-{index}",
                    summary="A summary.",
                    objectives="One\nTwo",
                    sources="- A source",
                    body=[
                        {"type": "markdown", "value": f"## Section {index}\n\nText with a [link](https://example.com)."}
                    ],
                )
            )
            if with_checks:
                make_quiz(lesson, QuizKind.LESSON_CHECK, questions=2)
        make_quiz(module, QuizKind.MODULE_QUIZ, questions=2)
        return module

    return make


def make_quiz(page, kind=QuizKind.LESSON_CHECK, questions=3, **fields):
    """A quiz of single-choice questions; choice 'Right' is correct."""
    quiz = Quiz.objects.create(title=f"Quiz on {page.title}", kind=kind, page=page, **fields)
    for position in range(questions):
        question = Question.objects.create(
            quiz=quiz, sort_order=position, type="single", prompt=f"Question {position}?", explanation="Because."
        )
        Choice.objects.create(question=question, sort_order=0, text="Right", is_correct=True)
        Choice.objects.create(question=question, sort_order=1, text="Wrong")
        Choice.objects.create(question=question, sort_order=2, text="Also wrong")
    return quiz


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do


class DatabaseSnapshot:
    """A copy of the whole test database that can be put back.

    In-memory SQLite (the default test database) is copied page by page with
    SQLite's backup API; PostgreSQL table by table with COPY. A restore empties
    every table and copies the rows back, in a fraction of a second on either.
    On PostgreSQL the tables are emptied with DELETE: TRUNCATE gives each table a
    new file, a fixed cost that made emptying these small tables take seconds.
    """

    def __init__(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        elif connection.vendor == "postgresql":
            self.tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
            self.copy = {}
            with connection.cursor() as cursor:
                for table in self.tables:
                    with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                        self.copy[table] = b"".join(bytes(block) for block in copy)
        else:
            pytest.skip(f"no database snapshot for {connection.vendor} on disk")

    def restore(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.copy.backup(connection.connection)
        else:
            quote = connection.ops.quote_name
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")  # no foreign key checks: any order
                for table in self.tables:
                    cursor.execute(f"DELETE FROM {quote(table)}")
                for table in self.tables:
                    with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                        copy.write(self.copy[table])
        ContentType.objects.clear_cache()
        cache.clear()


def warm_query_count(client, url):
    """(number of queries, response) of a second request to `url`, the first having filled
    the caches; both must answer 200. A streamed response (an export) is read to the end."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries), response
