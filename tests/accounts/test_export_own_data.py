"""The export (/accounts/profile/export/) is JSON holding all and only the learner's data."""

import json

import pytest

from course.progress.models import Certificate, LessonCompletion
from course.quiz.models import Attempt, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(login, learner, other_learner, with_history):
    with_history(learner)
    with_history(other_learner)

    def fetch():
        response = login(learner).get("/accounts/profile/export/")
        assert response.status_code == 200
        return response, json.loads(response.content)

    return fetch


def test_the_export_is_a_json_download(export):
    response, _ = export()
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="alliances-and-arms-learner.json"'


def test_the_export_holds_the_profile(export, learner):
    learner.display_name = "Lena Learner"
    learner.save()
    _, data = export()
    assert data["profile"]["username"] == "learner"
    assert data["profile"]["email"] == "learner@example.com"
    assert data["profile"]["display_name"] == "Lena Learner"


def test_the_export_holds_every_attempt_with_its_responses(export, learner):
    _, data = export()
    attempts = Attempt.objects.filter(learner=learner)
    assert len(data["quiz_attempts"]) == attempts.count() == 2
    assert [a["passed"] for a in data["quiz_attempts"]] == [False, True]
    exported = sorted((r["question_id"], r["credit"]) for a in data["quiz_attempts"] for r in a["responses"])
    stored = sorted(Response.objects.filter(attempt__learner=learner).values_list("question_id", "credit"))
    assert exported == stored
    assert exported


def test_the_export_holds_the_completions_and_the_certificate(export, learner):
    _, data = export()
    completion = LessonCompletion.objects.get(learner=learner)
    assert [(c["lesson_id"], c["via"]) for c in data["lesson_completions"]] == [(completion.lesson_id, "check")]
    assert data["certificate"]["code"] == Certificate.objects.get(learner=learner).code


def test_the_export_holds_nothing_of_another_learner(export, other_learner):
    response, data = export()
    text = response.content.decode()
    assert "other@example.com" not in text
    assert Certificate.objects.get(learner=other_learner).code not in text
    assert len(data["quiz_attempts"]) == 2  # the other learner's two attempts are left out
    assert Attempt.objects.count() >= 4


def test_the_export_holds_no_password_hash(export, learner):
    response, _ = export()
    assert learner.password not in response.content.decode()
    assert "password" not in response.content.decode()


def test_the_export_needs_a_login(client):
    response = client.get("/accounts/profile/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_export_holds_question_and_answer_text_and_confidence(login, learner, lesson_1_1):
    from course.quiz.attempts import open_attempt, submit_attempt
    from course.quiz.models import Quiz
    from course.quiz.question_types import right_answer

    check = Quiz.objects.get(page=lesson_1_1)
    question = check.questions.prefetch_related("choices").first()
    attempt = open_attempt(learner, check)
    submit_attempt(attempt, {question.pk: right_answer(question)}, confidence={question.pk: "sure"})

    data = json.loads(login(learner).get("/accounts/profile/export/").content)

    [exported] = [r for a in data["quiz_attempts"] for r in a["responses"] if r["question_id"] == question.pk]
    assert exported["question"] == question.prompt
    assert exported["answer_text"] and all(isinstance(text, str) for text in exported["answer_text"])
    assert exported["answer_text"] != [str(exported["answer"])]
    assert exported["confidence"] == "sure"
