"""The quiz panel on a lesson page: start, resume the learner's own open attempt, or
best score and retake, read from the learner's records of the request."""

from django.urls import reverse

import pytest

from course.quiz.models import Attempt, Quiz, QuizKind
from tests.review.helpers import right, take_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_and_check(make_module):
    lesson = make_module(lessons=1, slug="panel-module").get_children().specific().get()
    return lesson, Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)


def panel_html(client, lesson):
    html = client.get(lesson.url).content.decode()
    return html[html.index('id="lesson-check"') :]


def test_the_panel_offers_to_resume_the_learners_own_open_attempt(login, learner, other_learner, lesson_and_check):
    lesson, check = lesson_and_check
    client = login(learner)
    assert "Take the check" in panel_html(client, lesson)
    client.post(reverse("quiz:start", args=[check.pk]))
    attempt = Attempt.objects.get(learner=learner, quiz=check)
    html = panel_html(client, lesson)
    assert "Resume your attempt" in html and reverse("quiz:take", args=[attempt.pk]) in html

    html = panel_html(login(other_learner), lesson)
    assert "Resume your attempt" not in html and "Take the check" in html


def test_after_a_submit_the_panel_shows_the_best_score_and_offers_a_retake(login, learner, lesson_and_check):
    lesson, check = lesson_and_check
    client = login(learner)
    take_quiz(client, learner, check, right)
    html = panel_html(client, lesson)
    assert "Passed" in html and "best score 100%" in html and "1 attempt" in html
    assert "Retake" in html and "Resume your attempt" not in html
