"""The admin report "Facts due for review": lessons and questions whose review_by date
has come, oldest first, for instructors and superusers only."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from course.lessons.models import LessonPage
from course.quiz.models import Question
from course.reports.facts_due import items_due_for_review

pytestmark = pytest.mark.django_db
URL = "/admin/reports/facts-due/"


@pytest.fixture
def dated(lesson_1_1):
    """Only these carry a past or present review_by: a lesson, two questions; one item is not yet due."""
    today = timezone.localdate()
    LessonPage.objects.update(review_by=None)
    Question.objects.update(review_by=None)
    LessonPage.objects.filter(pk=lesson_1_1.pk).update(review_by=today - timedelta(days=10))
    questions = list(Question.objects.order_by("pk")[:3])
    Question.objects.filter(pk=questions[0].pk).update(review_by=today)
    Question.objects.filter(pk=questions[1].pk).update(review_by=today - timedelta(days=400))
    Question.objects.filter(pk=questions[2].pk).update(review_by=today + timedelta(days=1))
    return lesson_1_1, questions


def test_exactly_the_past_due_items_are_listed_oldest_first(dated):
    lesson, _questions = dated
    items = items_due_for_review(timezone.localdate())
    assert [(item.kind, item.review_by) for item in items] == [
        ("Question", timezone.localdate() - timedelta(days=400)),
        ("Lesson", timezone.localdate() - timedelta(days=10)),
        ("Question", timezone.localdate()),
    ]
    assert items[1].title == lesson.title


def test_nothing_is_due_before_any_review_date(dated):
    assert items_due_for_review(date(2000, 1, 1)) == []


def test_an_instructor_sees_the_report_with_edit_links(login, instructor, dated):
    lesson, questions = dated
    response = login(instructor).get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert lesson.title in html
    assert reverse("wagtailadmin_pages:edit", args=[lesson.pk]) in html
    assert reverse("wagtailsnippets_quiz_quiz:edit", args=[questions[1].quiz_id]) in html
    assert questions[2].prompt[:40] not in html or questions[2].prompt[:40] in questions[0].prompt


def test_a_superuser_sees_the_report(login, superuser, dated):
    assert login(superuser).get(URL).status_code == 200


def test_the_report_is_in_the_reports_menu_for_instructors(login, instructor):
    html = login(instructor).get("/admin/").content.decode()
    assert URL in html


def test_a_learner_cannot_open_the_report(login, learner, dated):
    response = login(learner).get(URL)
    assert response.status_code in (302, 403)
    assert b"Facts due for review" not in response.content


def test_the_report_downloads_as_csv(login, instructor, dated):
    response = login(instructor).get(URL + "?export=csv")
    body = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    assert response.status_code == 200
    assert body.splitlines()[0].startswith("Kind,Lesson or question")
    assert len(body.strip().splitlines()) == 4
