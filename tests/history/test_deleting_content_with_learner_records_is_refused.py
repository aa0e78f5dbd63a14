"""Deleting a page, quiz, capstone, question or choice that learner records point at is
refused in the admin with a clear message; learners' records stay. Account deletion
still removes the learner's own data."""

from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.progress.models import LessonCompletion
from course.quiz.models import Attempt, Question, Quiz, Response
from tests.quiz.test_quiz_admin import _form_data

pytestmark = pytest.mark.django_db


def test_deleting_a_lesson_page_with_attempts_is_refused(login, superuser, submitted, lesson_1_1):
    _client, attempt = submitted
    client = login(superuser)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[lesson_1_1.pk]), follow=True)

    assert "was not deleted" in response.content.decode()
    assert "Unpublish it instead" in response.content.decode()
    assert Attempt.objects.filter(pk=attempt.pk).exists()
    assert type(lesson_1_1).objects.filter(pk=lesson_1_1.pk).exists()


def test_deleting_a_module_page_above_learner_records_is_refused(login, superuser, submitted, lesson_1_1):
    client = login(superuser)
    module = lesson_1_1.get_parent()

    client.post(reverse("wagtailadmin_pages:delete", args=[module.pk]))

    assert type(lesson_1_1).objects.filter(pk=lesson_1_1.pk).exists()


def test_deleting_a_quiz_with_attempts_is_refused(login, superuser, submitted, lesson_check):
    client = login(superuser)

    response = client.post(reverse("wagtailsnippets_quiz_quiz:delete", args=[lesson_check.pk]), follow=True)

    assert response.status_code == 200
    assert "was not deleted: 1 learner record points at it" in response.content.decode()
    assert Quiz.objects.filter(pk=lesson_check.pk).exists()


def test_a_completed_lesson_cannot_be_deleted_even_outside_the_admin(learner, lesson_1_1):
    LessonCompletion.objects.create(learner=learner, lesson=lesson_1_1, via="read")
    with pytest.raises(ProtectedError):
        lesson_1_1.delete()


def test_deleting_an_answered_question_in_the_quiz_editor_is_refused(login, superuser, submitted, lesson_check):
    client = login(superuser)
    url = reverse("wagtailsnippets_quiz_quiz:edit", args=[lesson_check.pk])
    data = _form_data(BeautifulSoup(client.get(url).content, "html.parser"))
    data["questions-0-DELETE"] = ["1"]
    data["action-publish"] = ["action-publish"]
    count = Question.objects.filter(quiz=lesson_check).count()

    response = client.post(url, data)

    assert response.status_code == 200
    assert "cannot be deleted: tick “retired” instead" in response.content.decode()
    assert Question.objects.filter(quiz=lesson_check).count() == count


def test_account_deletion_still_removes_the_learners_own_data(submitted, learner):
    _client, attempt = submitted
    get_user_model().objects.filter(pk=learner.pk).delete()
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert not Response.objects.filter(attempt_id=attempt.pk).exists()
