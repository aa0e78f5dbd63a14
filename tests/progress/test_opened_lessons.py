"""A lesson the learner has opened is "In progress" (module page, home, dashboard) until its
check is passed. The opening is written once; repeat visits write nothing."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.progress.models import LessonVisit
from course.quiz.models import Quiz, QuizKind

from .conftest import take_quiz

pytestmark = pytest.mark.django_db


def lesson_state_on_module_page(client, lesson):
    soup = BeautifulSoup(client.get(lesson.get_parent().url).content, "html.parser")
    link = soup.select_one(f'li a[href="{lesson.url}"]')
    return link.find_parent("li").select_one(".state").get_text(" ", strip=True)


def dashboard_state(client, lesson):
    soup = BeautifulSoup(client.get("/my-progress/").content, "html.parser")
    row = soup.select_one(f'tr a[href="{lesson.url}"]').find_parent("tr")
    return row.select_one(".state").get_text(strip=True)


def home_module_state(client, lesson):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    card = soup.find("a", href=lesson.get_parent().url).find_parent("li")
    return card.select_one(".card__state").get_text(" ", strip=True)


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_an_opened_lesson_is_in_progress_everywhere_until_its_check_is_passed(login, learner, lesson_1_1):
    client = login(learner)
    assert lesson_state_on_module_page(client, lesson_1_1) == "Not started"
    assert dashboard_state(client, lesson_1_1) == "Not started"  # the dashboard's record is now cached
    assert home_module_state(client, lesson_1_1).startswith("Not started")

    assert client.get(lesson_1_1.url).status_code == 200
    assert lesson_state_on_module_page(client, lesson_1_1).startswith("In progress")
    assert dashboard_state(client, lesson_1_1) == "In progress"  # the learner's version was bumped
    assert home_module_state(client, lesson_1_1).startswith("In progress")

    take_quiz(learner, Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK))
    assert lesson_state_on_module_page(client, lesson_1_1).startswith("Complete")
    assert dashboard_state(client, lesson_1_1) == "Complete"


def test_the_lesson_page_itself_says_in_progress_on_the_first_visit(login, learner, lesson_1_1):
    soup = BeautifulSoup(login(learner).get(lesson_1_1.url).content, "html.parser")
    assert soup.select_one(".lesson-status .state").get_text(" ", strip=True) == "In progress"


def test_the_opening_is_written_once_and_repeat_visits_write_nothing(login, learner, lesson_1_1):
    client = login(learner)
    with CaptureQueriesContext(connection) as first:
        client.get(lesson_1_1.url)
    assert len(writes(first)) == 1
    assert LessonVisit.objects.filter(learner=learner, lesson=lesson_1_1).count() == 1
    with CaptureQueriesContext(connection) as again:
        client.get(lesson_1_1.url)
    assert writes(again) == []
    # The repeat visit costs no query for the opening: the records the page reads anyway say it.
    assert len(again) < len(first)


def test_a_visitor_records_nothing(client, lesson_1_1):
    assert client.get(lesson_1_1.url).status_code == 200
    assert not LessonVisit.objects.exists()


def test_visits_are_exported_and_deleted_with_the_learner(login, learner, lesson_1_1):
    client = login(learner)
    client.get(lesson_1_1.url)
    exported = json.loads(client.get(reverse("accounts:export")).content)
    (visit,) = exported["lesson_visits"]
    assert visit["lesson_id"] == lesson_1_1.pk and visit["first_opened_at"]
    learner.delete()
    assert not LessonVisit.objects.exists()


def test_a_visit_protects_the_lesson_and_the_admin_refuses_to_delete_it(login, learner, superuser, lesson_1_1):
    login(learner).get(lesson_1_1.url)
    response = login(superuser).post(f"/admin/pages/{lesson_1_1.pk}/delete/", follow=True)
    assert "learner record points at it" in response.content.decode()
    assert type(lesson_1_1).objects.filter(pk=lesson_1_1.pk).exists()
