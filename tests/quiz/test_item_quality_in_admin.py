"""An instructor who saves a quiz in the admin sees the item-quality checker's flags as
warnings; the quiz is saved all the same."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.models import Quiz

from .test_quiz_admin import EDIT_URL, _form_data, add_true_statement

pytestmark = pytest.mark.django_db


def test_saving_a_flawed_question_warns_the_instructor(login, instructor, lesson_1_1):
    lesson_check = Quiz.objects.get(page=lesson_1_1)
    client = login(instructor)
    url = reverse(EDIT_URL, args=[lesson_check.pk])
    data = _form_data(BeautifulSoup(client.get(url).content, "html.parser"))
    count = lesson_check.questions.count()
    add_true_statement(data, count, "NATO has never changed its founding treaty.", "Unchanged since 1949.")

    response = client.post(url, data, follow=True)

    assert response.status_code == 200
    assert lesson_check.questions.count() == count + 1  # saved: the flags are advice
    page = response.content.decode()
    assert f"Item quality: Question {count + 1}: the statement holds the absolute word" in page


def test_saving_a_clean_quiz_shows_no_warning(login, instructor, lesson_1_1):
    lesson_check = Quiz.objects.get(page=lesson_1_1)
    client = login(instructor)
    url = reverse(EDIT_URL, args=[lesson_check.pk])
    data = _form_data(BeautifulSoup(client.get(url).content, "html.parser"))
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Item quality:" not in response.content.decode()
