"""The dashboard keeps each learner's rendered record until it changes: every change
shows at once, and no learner ever sees another's record."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from course.quiz.models import Attempt, Quiz, QuizKind
from course.review.models import ReviewCard
from course.review.queue import bump_cards_version
from tests.conftest import make_quiz
from tests.review.helpers import right, take_quiz, wrong

pytestmark = pytest.mark.django_db
DASHBOARD = "/my-progress/"


def dashboard_text(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def check(make_module):
    """A lesson check whose right choice is "Right"."""
    lesson = make_module(lessons=1, slug="record-module").get_children().specific().get()
    return Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)


def test_a_submitted_attempt_shows_at_once(login, learner, check):
    client = login(learner)
    assert "No attempts yet" in dashboard_text(client)
    take_quiz(client, learner, check, right)
    text = dashboard_text(client)
    assert "No attempts yet" not in text
    assert f"{check.title}" in text and "Passed" in text


def test_a_lesson_marked_read_shows_at_once(login, learner, make_module):
    module = make_module(lessons=1, slug="unchecked", with_checks=False)
    lesson = module.get_children().specific().get()
    client = login(learner)
    soup = BeautifulSoup(client.get(DASHBOARD).content, "html.parser")
    row = soup.find("a", string=lambda text: text and lesson.title in text).find_parent("tr")
    assert "Not started" in row.get_text()
    client.post(reverse("progress:mark_read", args=[lesson.pk]))
    soup = BeautifulSoup(client.get(DASHBOARD).content, "html.parser")
    row = soup.find("a", string=lambda text: text and lesson.title in text).find_parent("tr")
    assert "Complete" in row.get_text()


def test_a_learner_never_sees_another_learners_record(client, login, learner, other_learner, check):
    login(learner)
    take_quiz(client, learner, check, wrong)
    assert check.title in dashboard_text(client)
    login(other_learner)
    text = dashboard_text(client)
    assert "No attempts yet" in text and "Nothing to review today" in text


def test_learners_with_look_alike_records_still_see_their_own(client, login, learner, other_learner, check):
    """One failed attempt each, submitted at the same moment: only the scores differ."""
    first_question = check.questions.order_by("sort_order").first()
    login(learner)
    take_quiz(client, learner, check, lambda question: "Right" if question == first_question else "Wrong")
    login(other_learner)
    take_quiz(client, other_learner, check, wrong)
    Attempt.objects.update(submitted_at=timezone.now())
    login(learner)
    assert "50%" in dashboard_text(client)
    login(other_learner)
    assert "50%" not in dashboard_text(client)


def test_a_renamed_lesson_shows_its_new_title(login, learner, lesson_1_1):
    client = login(learner)
    dashboard_text(client)
    page = lesson_1_1.get_latest_revision_as_object()
    page.title = "Security bargains, renamed"
    page.save_revision().publish()
    assert "Security bargains, renamed" in dashboard_text(client)


def test_reviews_due_show_when_their_day_comes_without_any_other_change(login, learner, check, monkeypatch):
    client = login(learner)
    take_quiz(client, learner, check, wrong)
    assert "due for review" not in dashboard_text(client)  # missed questions are due tomorrow
    # The next day (the count is cached per day: review/queue.py), nothing else changed.
    due_on = ReviewCard.objects.filter(learner=learner).first().due_on
    monkeypatch.setattr("course.review.queue.today", lambda: due_on)
    assert f"{ReviewCard.objects.filter(learner=learner).count()} questions are due for review" in dashboard_text(
        client
    )


def test_to_review_shows_the_first_ten_due_and_says_how_many_there_are(login, learner, make_module):
    module = make_module(lessons=1, slug="many-questions", with_checks=False)
    lesson = module.get_children().specific().get()
    quiz = make_quiz(lesson, questions=12)
    client = login(learner)
    take_quiz(client, learner, quiz, wrong)
    ReviewCard.objects.filter(learner=learner).update(due_on=timezone.localdate() - timedelta(days=1))
    bump_cards_version(learner.pk)  # as the app's own bulk writes do (update() sends no signal)
    soup = BeautifulSoup(client.get(DASHBOARD).content, "html.parser")
    assert len(soup.select("ul.to-review > li")) == 10
    review = soup.find(id="review-heading").find_parent("section")
    assert "Showing 10 of 12." in review.get_text(" ", strip=True)
    assert review.find("a", href=reverse("review:next"))


def test_an_attempt_deleted_in_the_admin_disappears_at_once(login, learner, check):
    """Deletions send post_delete, which bumps the learner's version like any other write."""
    client = login(learner)
    take_quiz(client, learner, check, right)
    assert "Passed" in dashboard_text(client)
    Attempt.objects.filter(learner=learner).delete()
    assert "No attempts yet" in dashboard_text(client)


def test_viewing_the_dashboard_writes_nothing_to_the_database(login, learner, check):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(learner)
    take_quiz(client, learner, check, right)
    with CaptureQueriesContext(connection) as queries:
        dashboard_text(client)  # the first view after the change: the record is rebuilt
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))]
    assert writes == []
