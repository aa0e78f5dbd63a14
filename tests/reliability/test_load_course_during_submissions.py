"""PostgreSQL, real concurrent transactions: `load_course` re-importing a changed quiz while
learners submit it answers no request with a 5xx and loses no submission; every attempt is
graded against the paper it was given."""

import shutil
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import yaml

from course.lessons.models import LessonPage
from course.quiz.attempts import open_attempt
from course.quiz.models import Attempt, Quiz, Response
from tests.quiz.builders import right_form_data

from .conftest import at_once, postgres_only

pytestmark = postgres_only
LEARNERS = 6
CHECK = "01-foundations/01-security-bargains.quiz.yaml"


def test_load_course_during_submissions_loses_nothing(transactional_db, make_user, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    quiz = Quiz.objects.get(page=LessonPage.objects.get(slug="security-bargains"))
    submissions = []
    for number in range(LEARNERS):
        learner = make_user(f"racer{number}")
        attempt = open_attempt(learner, quiz)
        submissions.append((learner, attempt, right_form_data(attempt)))
    # The file changes under them: questions swapped, one removed, a choice reworded.
    path = content / CHECK
    data = yaml.safe_load(path.read_text())
    questions = data["questions"]
    questions[0], questions[1] = questions[1], questions[0]
    questions.pop()
    questions[1]["choices"][-1]["text"] += " (reworded)"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000))

    def reload():
        call_command("load_course", content=str(content), stdout=StringIO(), stderr=StringIO())
        return "loaded"

    def submitter(learner, attempt, form):
        def submit():
            client = Client()
            client.force_login(learner)
            return client.post(reverse("quiz:take", args=[attempt.pk]), form).status_code

        return submit

    results, errors = at_once([reload, *(submitter(*submission) for submission in submissions)])

    assert errors == []
    assert sorted(results, key=str) == [302] * LEARNERS + ["loaded"]
    for _learner, attempt, _form in submissions:
        attempt = Attempt.objects.get(pk=attempt.pk)
        assert attempt.submitted_at is not None
        assert attempt.score == 100
        assert Response.objects.filter(attempt=attempt).count() == len(attempt.question_ids)
    assert quiz.questions.filter(retired=True).count() == 1  # the removed question, answered: kept
