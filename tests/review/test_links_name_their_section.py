"""Links back to the course name the section that teaches the question ("Revisit 'Burden
sharing'"), by its heading, not only the lesson; where answers are still hidden, the lesson."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.models import Question, QuizKind
from course.review.models import ReviewCard
from tests.conftest import make_quiz

from .helpers import take_quiz, wrong

pytestmark = pytest.mark.django_db

BODY = "## Burden sharing\n\nWho pays for the common defence.\n\n## Free riding\n\nText."


@pytest.fixture
def check(make_module):
    lesson = make_module(lessons=1, slug="sections-module", with_checks=False).get_children().specific().get()
    lesson.body = [{"type": "markdown", "value": BODY}]
    lesson.save_revision().publish()
    quiz = make_quiz(lesson, QuizKind.LESSON_CHECK, questions=2)
    Question.objects.filter(quiz=quiz).update(section_page=lesson, section_anchor="burden-sharing")
    return quiz


def revisit_links(html):
    soup = BeautifulSoup(html, "html.parser")
    return [a.get_text(strip=True) for a in soup.find_all("a") if a.get_text(strip=True).startswith("Revisit")]


def test_the_quiz_review_names_the_heading(login, learner, check):
    client = login(learner)
    attempt = take_quiz(client, learner, check, wrong)
    html = client.get(reverse("quiz:review", args=[attempt.pk])).content.decode()
    assert revisit_links(html) == ["Revisit “Burden sharing”"] * 2


def test_the_dashboard_names_the_heading(login, learner, check):
    client = login(learner)
    take_quiz(client, learner, check, wrong)
    ReviewCard.objects.filter(learner=learner).update(due_on="2000-01-01")
    assert revisit_links(client.get(reverse("progress:dashboard")).content.decode()) == ["Revisit “Burden sharing”"] * 2


def test_an_anchor_that_names_no_heading_falls_back_to_the_lesson(login, learner, check):
    Question.objects.filter(quiz=check).update(section_anchor="gone")
    client = login(learner)
    attempt = take_quiz(client, learner, check, wrong)
    html = client.get(reverse("quiz:review", args=[attempt.pk])).content.decode()
    assert revisit_links(html) == [f"Revisit “{check.page.title}”"] * 2
