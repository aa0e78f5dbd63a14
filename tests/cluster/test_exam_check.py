"""`check_exam` (make examday's verdict) finds what it is there to find: a learner without
exactly one graded attempt, and an answer the learner saved that the grade does not hold."""

import json

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from course.quiz.attempts import attempt_paper, open_attempt, submit_attempt
from course.quiz.forms import PaperForm
from course.quiz.models import Attempt, Response
from devtools.answers import right_form_data
from devtools.exam import check_exam, exam_quiz, prepare_exam


def as_saved(data):
    """Form data as the locustfile records it: {input name: [values]}."""
    return {name: value if isinstance(value, list) else [value] for name, value in data.items()}


@pytest.fixture
def exam(db):
    """Three exam learners who each took the quiz, and what each of them last saved."""
    plan = prepare_exam(3, answer_seconds=60, password="exam-password-not-secret")
    quiz = exam_quiz()
    results = {}
    for learner in get_user_model().objects.filter(username__in=plan["learners"]):
        attempt = open_attempt(learner, quiz)
        values = as_saved(right_form_data(attempt))
        form = PaperForm.from_saved(attempt_paper(attempt)[0], values)
        assert form.is_valid(), form.errors
        submit_attempt(attempt, form.answers())
        results[learner.username] = {"attempt": attempt.pk, "answers": values, "submitted": True}
    return plan, results


def test_every_learner_graded_once_with_every_answer_passes(exam):
    plan, results = exam

    counts, problems = check_exam(plan, results)

    assert problems == []
    assert counts == {"learners": 3, "graded once": 3, "answers compared": 3 * plan["questions"], "answers lost": 0}
    assert plan["time_limit_minutes"] == 5  # 60 s to open, 1.5 x 60 s to answer, 2 minutes to spare: 4.5


def test_an_answer_missing_from_the_grade_is_found(exam):
    plan, results = exam
    first = plan["learners"][0]
    Response.objects.filter(attempt_id=results[first]["attempt"]).first().delete()

    counts, problems = check_exam(plan, results)

    assert counts["answers lost"] == 1
    assert len(problems) == 1 and problems[0].startswith(f"{first}: question ")


def test_a_learner_without_a_graded_attempt_fails_the_command(exam, tmp_path):
    plan, results = exam
    Attempt.objects.filter(pk=results[plan["learners"][1]]["attempt"]).update(submitted_at=None)
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    (tmp_path / "results.json").write_text(json.dumps(results))

    with pytest.raises(CommandError, match="1 problems"):
        call_command("check_exam", plan=str(tmp_path / "plan.json"), results=str(tmp_path / "results.json"))
