"""What a learner did stays exactly as they did it: re-imports update questions and choices
in place by key, retire what was answered, and reviews read the attempt's own paper."""

import pytest

from course.quiz.attempts import open_attempt
from course.quiz.models import Choice, Question, Response
from course.quiz.question_types import given_answer_text

from .conftest import CHECK, edit_quiz_file, load, review_html

pytestmark = pytest.mark.django_db


def ids(quiz):
    return (
        sorted(Question.objects.filter(quiz=quiz).values_list("pk", flat=True)),
        sorted(Choice.objects.filter(question__quiz=quiz).values_list("pk", flat=True)),
    )


def own_answers(attempt):
    """The learner's answers in words, read from the attempt's stored responses and snapshot."""
    from course.quiz.snapshot import frozen_questions

    questions = frozen_questions(attempt.paper)
    return {
        response.question_id: given_answer_text(questions[response.question_id], response.answer)
        for response in attempt.responses.all()
    }


def test_a_one_character_choice_edit_keeps_every_id_and_every_review(content, submitted, lesson_check):
    client, attempt = submitted
    before_ids, before_html = ids(lesson_check), review_html(client, attempt)
    path = content / CHECK
    text = path.read_text()
    assert "their GDP on defence" in text
    path.write_text(text.replace("their GDP on defence", "their GDP on defense"))

    out = load(content)

    assert "1 updated" in out
    assert ids(lesson_check) == before_ids
    assert Choice.objects.filter(text="Allies agree to spend a fixed share of their GDP on defense").exists()
    after_html = review_html(client, attempt)
    assert "No answer" not in after_html
    for answer in own_answers(attempt).values():
        for text in answer:
            assert text in after_html
    assert after_html.count("review-item--right") == before_html.count("review-item--right")


def test_swapped_removed_and_readded_questions_keep_old_reviews(content, submitted, lesson_check, learner):
    client, attempt = submitted
    answers = own_answers(attempt)
    responses = Response.objects.filter(attempt=attempt).count()

    # Swap the first two questions (a single choice and a true/false).
    edit_quiz_file(content, lambda questions: [questions[1], questions[0], *questions[2:]])
    load(content)
    html = review_html(client, attempt)
    assert all(text in html for answer in answers.values() for text in answer)

    # Remove the true/false question: answered, so retired, never deleted.
    removed = {}

    def remove(questions):
        removed["item"] = questions.pop(0)
        return questions

    edit_quiz_file(content, remove)
    load(content)
    retired = Question.objects.get(quiz=lesson_check, key=removed["item"]["key"])
    assert retired.retired
    assert Response.objects.filter(attempt=attempt).count() == responses
    html = review_html(client, attempt)
    assert "No answer" not in html
    assert all(text in html for answer in answers.values() for text in answer)
    new_attempt = open_attempt(learner, lesson_check)
    assert retired.pk not in new_attempt.question_ids

    # Re-added: the same question (same id) comes back into new papers.
    edit_quiz_file(content, lambda questions: [removed["item"], *questions])
    load(content)
    retired.refresh_from_db()
    assert not retired.retired
    assert review_html(client, attempt).count("review-item--right") == len(answers)


def test_a_removed_choice_of_an_answered_question_is_retired(content, submitted, lesson_check):
    client, attempt = submitted
    edit_quiz_file(
        content,
        lambda questions: [
            {**q, "choices": q["choices"][:-1]} if q["type"] == "single" and len(q["choices"]) > 3 else q
            for q in questions
        ],
    )
    load(content)
    retired = Choice.objects.filter(question__quiz=lesson_check, retired=True)
    assert retired.count() >= 1
    # Left out of new papers, kept for the old one.
    assert all(str(choice).endswith("(retired)") for choice in retired)
    assert review_html(client, attempt)


def test_an_open_attempt_is_graded_against_the_paper_it_was_given(content, login, learner, lesson_check):
    from django.urls import reverse

    from tests.quiz.builders import right_form_data

    client = login(learner)
    attempt = open_attempt(learner, lesson_check)
    data = right_form_data(attempt)
    # The right answer of every single-choice question changes while the attempt is open.
    edit_quiz_file(
        content,
        lambda questions: [
            {
                **q,
                "choices": [{**c, "correct": not c.get("correct", False)} for c in q["choices"]][:2],
            }
            if q["type"] == "single"
            else q
            for q in questions
        ],
    )
    load(content)

    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_load_course_writes_missing_keys_once(content):
    from course.importer.keys import write_missing_keys

    path = content / CHECK
    original = path.read_text()
    stripped = "\n".join(line for line in original.splitlines() if not line.strip().startswith("key:"))
    stripped = stripped.replace("{key: ", "{KEY: ")
    import re

    stripped = re.sub(r"\{KEY: [\w-]+, ", "{", stripped) + "\n"
    path.write_text(stripped)

    assert write_missing_keys(content) == [path]
    with_keys = path.read_text()
    assert write_missing_keys(content) == []  # idempotent
    assert path.read_text() == with_keys
    # Only key lines (or key: added to a choice line) differ from the file without keys.
    added = [line for line in with_keys.splitlines() if line not in stripped.splitlines()]
    assert added and all("key:" in line for line in added)
