"""One learner's page for their instructors: progress, every attempt (as taken, with the
quiz app's own review), time spent, reviews due, capstone answers."""

from datetime import date

import pytest

from course.quiz.models import Quiz, QuizKind
from course.review.models import ReviewCard

from .conftest import submit

pytestmark = pytest.mark.django_db


def test_learner_page_and_attempt_review(seminar, learner, instructor, login):
    check = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("page__path").first()
    failed = submit(learner, check, 0.0, minutes_ago=90, duration=12)
    passed = submit(learner, check, 100.0, minutes_ago=30, duration=8)
    question = check.questions.first()
    ReviewCard.objects.create(learner=learner, question=question, due_on=date(2020, 1, 1))
    client = login(instructor)
    page = client.get(f"/admin/classes/{seminar.pk}/learners/{learner.pk}/")
    assert page.status_code == 200
    assert "2 attempts" in page.text
    assert "20 minutes on quizzes" in page.text
    assert "1 review due" in page.text
    assert f"/attempts/{failed.pk}/" in page.text and f"/attempts/{passed.pk}/" in page.text
    review = client.get(f"/admin/classes/{seminar.pk}/learners/{learner.pk}/attempts/{failed.pk}/")
    assert review.status_code == 200
    assert "Answer given" in review.text and "Correct answer" in review.text
    assert "Your answer" not in review.text


def test_an_open_attempt_has_no_review_page(seminar, learner, instructor, login):
    from course.quiz.attempts import open_attempt

    check = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("page__path").first()
    attempt = open_attempt(learner, check)
    url = f"/admin/classes/{seminar.pk}/learners/{learner.pk}/attempts/{attempt.pk}/"
    assert login(instructor).get(url).status_code == 404


def test_a_learner_outside_the_class_is_404(seminar, other_learner, instructor, login):
    assert login(instructor).get(f"/admin/classes/{seminar.pk}/learners/{other_learner.pk}/").status_code == 404
