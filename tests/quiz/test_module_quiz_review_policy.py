"""Module quizzes measure learning: each attempt draws a different paper from a larger pool;
the review of an attempt not yet passed says right or wrong and links to the teaching
section, but gives away no correct answer or explanation (nor does the spaced review or the
data export); a minimum time between attempts is enforced on the server."""

import html
import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from course.quiz.attempts import attempt_paper
from course.quiz.models import AnswersShown, Attempt, Quiz, QuizKind
from course.quiz.question_types import QuestionType, correct_answer_text
from course.review.models import ReviewCard

from .builders import right_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_quiz(lesson_1_1):
    """Module 1's quiz as shipped: draws 8 of its 12 questions."""
    quiz = Quiz.objects.get(page=lesson_1_1.get_parent(), kind=QuizKind.MODULE_QUIZ)
    assert quiz.draw_count and quiz.questions.count() >= 1.5 * quiz.draw_count
    return quiz


@pytest.fixture
def lesson_check(lesson_1_1):
    return Quiz.objects.get(page=lesson_1_1)


def submit(client, attempt, data):
    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


def fail(start, learner, quiz):
    """Start an attempt and submit it blank: a failed attempt, as an answer-fishing script would."""
    client, attempt = start(learner, quiz)
    submit(client, attempt, {})
    assert attempt.passed is False
    return client, attempt


def allow_retake_now(learner, quiz):
    """Move the learner's attempts back past the quiz's minimum interval."""
    earlier = timezone.now() - quiz.retake_interval - timedelta(seconds=1)
    Attempt.objects.filter(learner=learner, quiz=quiz).update(started_at=earlier, submitted_at=earlier)


def review_html(client, attempt):
    response = client.get(reverse("quiz:review", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def key_texts(attempt):
    """The correct answers in words of the attempt's questions whose words are distinctive
    enough to search a page for (choices, accepted answers, pairs and orders)."""
    _paper, questions = attempt_paper(attempt)
    distinctive = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.SHORT, QuestionType.MATCHING)
    return [
        text
        for question in questions.values()
        if question.type in distinctive
        for text in correct_answer_text(question)
    ]


def test_two_attempts_at_a_module_quiz_draw_different_papers(start, learner, module_quiz):
    _client, first = fail(start, learner, module_quiz)
    allow_retake_now(learner, module_quiz)
    _client, second = start(learner, module_quiz)
    assert len(first.question_ids) == len(second.question_ids) == module_quiz.draw_count
    assert set(first.question_ids) != set(second.question_ids)


def test_the_review_of_a_failed_module_attempt_gives_no_key_away(start, learner, module_quiz):
    client, attempt = fail(start, learner, module_quiz)
    page = review_html(client, attempt)
    soup = BeautifulSoup(page, "html.parser")
    text = html.unescape(soup.get_text(" "))
    _paper, questions = attempt_paper(attempt)

    assert "Correct answer" not in text
    assert "Why" not in [label.get_text(strip=True) for label in soup.select(".explanation__label")]
    assert not soup.select(".review-item--wrong .explanation, .review-item--right .explanation")
    for question in questions.values():
        assert question.explanation[:60] not in text
    keys = key_texts(attempt)
    assert keys, "the paper should hold choice or short-answer questions"
    for key in keys:
        assert key not in text, f"the key {key!r} is on the review page"
    # What it does show: right or wrong per question, and where the lesson teaches each.
    graded = [q for q in questions.values() if q.type != QuestionType.POLL]
    assert len(soup.select(".review-item--wrong")) == len(graded)
    assert len(soup.find_all("a", string=lambda s: s and s.startswith("Revisit this in"))) == len(
        [q for q in graded if q.section_url]
    )
    assert "appear once you pass this quiz" in text


def test_a_passed_module_attempt_shows_answers_and_explanations(start, learner, module_quiz):
    client, attempt = start(learner, module_quiz)
    submit(client, attempt, right_form_data(attempt))
    assert attempt.passed
    text = BeautifulSoup(review_html(client, attempt), "html.parser").get_text(" ")
    assert "Correct answer" in text
    for key in key_texts(attempt):
        assert html.unescape(key) in html.unescape(text)


def test_after_a_set_number_of_attempts_the_answers_are_shown(start, learner, module_quiz):
    module_quiz.answers_after_attempts = 2
    module_quiz.retake_after_minutes = 0
    module_quiz.save()
    client, first = fail(start, learner, module_quiz)
    assert "Correct answer" not in review_html(client, first)
    client, second = fail(start, learner, module_quiz)
    assert "Correct answer" in review_html(client, second)


def test_a_lesson_check_shows_the_answers_at_once(start, learner, lesson_check):
    client, attempt = fail(start, learner, lesson_check)
    page = review_html(client, attempt)
    assert "Correct answer" in page and 'class="explanation' in page


def test_an_instructor_can_set_a_module_quiz_to_show_answers_at_once(start, learner, module_quiz):
    module_quiz.answers_shown = AnswersShown.AT_ONCE
    module_quiz.save()
    client, attempt = fail(start, learner, module_quiz)
    assert "Correct answer" in review_html(client, attempt)


def test_the_retake_interval_is_enforced_on_the_server(start, learner, module_quiz):
    client, _attempt = fail(start, learner, module_quiz)
    assert module_quiz.retake_interval == timedelta(minutes=5)  # the default for a module quiz
    # The page offers no button yet...
    detail = client.get(reverse("quiz:detail", args=[module_quiz.pk])).content.decode()
    assert "You can start your next attempt from" in detail
    assert f'action="{reverse("quiz:start", args=[module_quiz.pk])}"' not in detail
    # ...and a POST made anyway starts nothing.
    response = client.post(reverse("quiz:start", args=[module_quiz.pk]))
    assert response.status_code == 429
    assert "too soon for another attempt" in response.content.decode()
    assert Attempt.objects.filter(learner=learner, quiz=module_quiz).count() == 1

    allow_retake_now(learner, module_quiz)
    response = client.post(reverse("quiz:start", args=[module_quiz.pk]))
    assert response.status_code == 302
    assert Attempt.objects.filter(learner=learner, quiz=module_quiz).count() == 2


def test_the_interval_is_set_per_quiz(start, learner, module_quiz, lesson_check):
    module_quiz.retake_after_minutes = 0
    module_quiz.save()
    client, _attempt = fail(start, learner, module_quiz)
    assert client.post(reverse("quiz:start", args=[module_quiz.pk])).status_code == 302
    # Lesson checks are for learning: no wait.
    client, _attempt = fail(start, learner, lesson_check)
    assert client.post(reverse("quiz:start", args=[lesson_check.pk])).status_code == 302


def test_module_quiz_misses_do_not_enter_the_spaced_review(start, learner, module_quiz, lesson_check):
    fail(start, learner, module_quiz)
    assert not ReviewCard.objects.filter(learner=learner).exists()
    fail(start, learner, lesson_check)
    assert ReviewCard.objects.filter(learner=learner, question__quiz=lesson_check).exists()


def test_the_data_export_holds_no_module_quiz_key(start, learner, module_quiz):
    client, attempt = fail(start, learner, module_quiz)
    exported = json.loads(client.get(reverse("accounts:export")).content)
    dumped = json.dumps(exported, ensure_ascii=False)
    assert exported["quiz_attempts"][0]["passed"] is False
    for key in key_texts(attempt):
        assert key not in dumped
