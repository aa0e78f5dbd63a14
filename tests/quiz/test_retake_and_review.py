"""Retakes make new attempts and the best score counts; the review page shows, for
each question, the learner's answer, the right one, why, and where the lesson teaches it."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.attempts import attempt_paper
from course.quiz.models import Attempt, Choice, Question, QuestionType, Quiz
from course.quiz.question_types import right_answer

from .builders import SECTION_ANCHOR, form_data_for, right_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_check(lesson_1_1):
    return Quiz.objects.get(page=lesson_1_1)


def _submit(client, attempt, data):
    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


def _wrong_single(attempt, prompt_part=""):
    """Right answers except for one single-choice question, answered with a wrong choice."""
    paper, questions = attempt_paper(attempt)
    answers = {pk: right_answer(question) for pk, question in questions.items()}
    single = next(q for q in questions.values() if q.type == QuestionType.SINGLE and prompt_part in q.prompt)
    wrong = next(choice for choice in single.choices.all() if not choice.is_correct)
    answers[single.pk] = wrong.pk
    # The paper's questions are the attempt's snapshot; tests query the live row.
    return form_data_for(paper, answers), Question.objects.get(pk=single.pk), wrong


def _quiz_panel(client, lesson):
    soup = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    return soup.select_one(".quiz-panel").get_text(" ", strip=True)


def test_a_retake_creates_a_new_attempt_and_keeps_the_old_one(start, learner, lesson_check):
    client, first = start(learner, lesson_check)
    _submit(client, first, right_form_data(first))

    client, second = start(learner, lesson_check)

    assert second.pk != first.pk and second.submitted_at is None
    assert Attempt.objects.filter(learner=learner, quiz=lesson_check).count() == 2
    history = client.get(reverse("quiz:detail", args=[lesson_check.pk])).content.decode()
    assert reverse("quiz:review", args=[first.pk]) in history


def test_the_lesson_panel_shows_the_best_score_not_the_latest(start, learner, lesson_check, lesson_1_1):
    client, first = start(learner, lesson_check)
    _submit(client, first, right_form_data(first))
    client, second = start(learner, lesson_check)
    data, _single, _wrong = _wrong_single(second)
    assert _submit(client, second, data).score == 80.0

    panel = _quiz_panel(client, lesson_1_1)

    assert "best score 100%" in panel
    assert "2 attempts" in panel
    assert "Passed" in panel and "Retake" in panel


def test_the_lesson_panel_of_a_failed_check_says_not_passed_yet(start, learner, lesson_check, lesson_1_1):
    client, attempt = start(learner, lesson_check)
    _submit(client, attempt, {})

    panel = _quiz_panel(client, lesson_1_1)

    assert "Not passed yet" in panel and "best score 0%" in panel and "1 attempt" in panel


def test_the_review_shows_the_given_and_right_answers_the_explanation_and_the_section_link(
    start, learner, lesson_check, lesson_1_1
):
    client, attempt = start(learner, lesson_check)
    data, single, wrong = _wrong_single(attempt, "**collective security**")
    _submit(client, attempt, data)

    soup = BeautifulSoup(client.get(reverse("quiz:review", args=[attempt.pk])).content, "html.parser")

    item = next(li for li in soup.select("li.review-item") if "rather than collective defence" in li.get_text())
    answers = dict(
        zip((dt.get_text() for dt in item.select("dt")), (dd.get_text() for dd in item.select("dd")), strict=True)
    )
    assert answers["Your answer"] == wrong.text
    assert answers["Correct answer"] == Choice.objects.get(question=single, is_correct=True).text
    assert "Collective security points inwards" in item.select_one(".explanation").get_text()
    assert "review-item--wrong" in item["class"]
    link = item.select_one("a[href]:not(.gloss__term)")  # glossary terms in the explanation link too
    assert link["href"] == f"{lesson_1_1.url}#{single.section_anchor}"
    assert single.section_anchor == "collective-defence-and-collective-security"
    assert f'id="{single.section_anchor}"' in client.get(lesson_1_1.url).content.decode()


def test_the_review_of_every_type_shows_each_right_answer_in_words(start, learner, every_type_quiz, bare_lessons):
    client, attempt = start(learner, every_type_quiz)
    _submit(client, attempt, right_form_data(attempt))

    html = client.get(reverse("quiz:review", args=[attempt.pk])).content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert len(soup.select("li.review-item--right")) == every_type_quiz.questions.count()
    for expected in ["The North Atlantic Treaty", "Capability", "False", "Article 5", "1949", "NATO → 1949"]:
        assert expected in html
    # Glossary terms in explanations link to the glossary; the section link is the only other one.
    links = {a["href"] for a in soup.select("li.review-item a[href]:not(.gloss__term)")}
    assert links == {f"{bare_lessons[0].url}#{SECTION_ANCHOR}"}


def test_the_review_gives_partial_credit_its_own_label(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    paper, questions = attempt_paper(attempt)
    answers = {pk: right_answer(question) for pk, question in questions.items()}
    multiple = next(q for q in questions.values() if q.type == QuestionType.MULTIPLE)
    answers[multiple.pk] = answers[multiple.pk][:2]  # two of the three right choices
    _submit(client, attempt, form_data_for(paper, answers))

    soup = BeautifulSoup(client.get(reverse("quiz:review", args=[attempt.pk])).content, "html.parser")

    partial = soup.select("li.review-item--partial")
    assert len(partial) == 1
    assert "Partly right (67%)" in partial[0].get_text()


def test_an_open_attempt_has_no_review_yet(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    response = client.get(reverse("quiz:review", args=[attempt.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("quiz:take", args=[attempt.pk])
