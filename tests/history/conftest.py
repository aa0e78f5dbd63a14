"""Content edited while learners use it: a copy of the shipped content, loaded over the
session's course, and a learner's submitted attempt at lesson 1.1's check."""

import html
import shutil
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

import pytest
import yaml

from course.quiz.attempts import open_attempt
from course.quiz.models import Quiz
from tests.quiz.builders import right_form_data

CHECK = "01-foundations/01-security-bargains.quiz.yaml"


@pytest.fixture
def content(tmp_path):
    """The shipped content, copied to a folder also named content/ (sources stay the same)."""
    copy = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, copy)
    return copy


def load(content):
    out = StringIO()
    call_command("load_course", content=str(content), stdout=out, stderr=StringIO())
    return out.getvalue()


def edit_quiz_file(content, change):
    """Rewrite the lesson 1.1 check: `change` gets and returns its questions (parsed YAML)."""
    path = content / CHECK
    data = yaml.safe_load(path.read_text())
    data["questions"] = change(data["questions"])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000))


@pytest.fixture
def lesson_check(lesson_1_1):
    return Quiz.objects.get(page=lesson_1_1)


@pytest.fixture
def submitted(login, learner, lesson_check):
    """(client, attempt): the learner answered every question of the check right."""
    client = login(learner)
    attempt = open_attempt(learner, lesson_check)
    response = client.post(reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
    return client, attempt


def review_html(client, attempt):
    response = client.get(reverse("quiz:review", args=[attempt.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())
