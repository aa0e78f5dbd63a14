"""PostgreSQL, real concurrent transactions: four tabs submitting the same attempt at
the same moment store one graded attempt and one set of responses."""

from django.test import Client
from django.urls import reverse

from wagtail.models import Page

from course.lessons.models import LessonPage
from course.quiz.attempts import open_attempt
from course.quiz.models import Attempt, Response
from tests.quiz.builders import make_every_type_quiz, right_form_data

from .conftest import at_once, postgres_only

pytestmark = postgres_only
TABS = 4


def test_concurrent_submits_of_one_attempt_grade_it_once(transactional_db, make_user):
    root = Page.get_first_root_node()
    lesson = root.add_child(
        instance=LessonPage(title="Race", slug="race-submits", summary="S", objectives="O", sources="- S")
    )
    quiz = make_every_type_quiz(lesson)
    learner = make_user("racer")
    attempt = open_attempt(learner, quiz)
    data, url = right_form_data(attempt), reverse("quiz:take", args=[attempt.pk])

    def submit():
        client = Client()
        client.force_login(learner)
        return client.post(url, data).status_code

    statuses, errors = at_once([submit] * TABS)

    assert errors == []
    assert statuses == [302] * TABS
    assert Attempt.objects.filter(learner=learner, quiz=quiz, submitted_at__isnull=False).count() == 1
    assert Response.objects.filter(attempt=attempt).count() == quiz.questions.count()
    attempt.refresh_from_db()
    assert attempt.score == 100.0
