"""Exam day (`make examday`, load/examday.py): the accounts and the timed quiz before the
run, and the checks in the database after it.

Before: `prepare_exam` makes N learner accounts (examday-00000 ...) sharing one password
hash (hashing 2,000 passwords would take ten minutes of CPU; signing in still costs one
hash each), deletes what earlier runs left, and gives the first module's quiz a time limit
long enough for the run. After: `check_exam` reads what each simulated learner last
answered (the JSON the locustfile writes) and compares it with the stored attempt.
"""

import json
import math

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from course.lessons.content_version import bump_content_version
from course.quiz.attempts import attempt_paper
from course.quiz.forms import PaperForm
from course.quiz.models import Attempt, Quiz, QuizKind

USERNAME_PREFIX = "examday-"


def exam_quiz():
    """The first module's quiz: the one every learner of the exam takes."""
    return Quiz.objects.filter(kind=QuizKind.MODULE_QUIZ).select_related("page").order_by("page__path").first()


def time_limit_minutes(answer_seconds, open_window=60):
    """Long enough for the slowest learner: opening late in the window, thinking 1.5x the mean."""
    return math.ceil((open_window + 1.5 * answer_seconds + 120) / 60)


def prepare_exam(learners, answer_seconds, password):
    quiz = exam_quiz()
    names = [f"{USERNAME_PREFIX}{number:05d}" for number in range(learners)]
    hashed = make_password(password)
    User = get_user_model()
    with transaction.atomic():
        User.objects.filter(username__startswith=USERNAME_PREFIX).delete()  # with their attempts
        User.objects.bulk_create(User(username=name, email=f"{name}@example.com", password=hashed) for name in names)
        minutes = time_limit_minutes(answer_seconds)
        Quiz.objects.filter(pk=quiz.pk).update(time_limit_minutes=minutes)
        bump_content_version()  # update() sends no signal: cached quiz rules must see the limit
    return {
        "password": password,
        "learners": names,
        "quiz_id": quiz.pk,
        "quiz_url": f"/quiz/{quiz.pk}/",
        "questions": quiz.draw_count or quiz.questions.count(),
        "time_limit_minutes": minutes,
    }


def _plain(value):
    """JSON round trip: the stored answer and the expected one compare as the same types."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def expected_answers(attempt, values):
    """{question id: answer} that the quiz form makes of the inputs `values` ({name: [values]})."""
    paper, _questions = attempt_paper(attempt)
    form = PaperForm.from_saved(paper, values, with_confidence=attempt.quiz.kind == QuizKind.LESSON_CHECK)
    form.is_valid()
    return {question_id: _plain(answer) for question_id, answer in form.answers().items()}


def check_exam(plan, results):
    """Compare the database with what the simulated learners did. `results`: {username:
    {"attempt": id, "answers": {input name: [values]}, "submitted": bool}}. Returns
    (counts, problems): counts for the report, problems as sentences (none: all is well)."""
    quiz_id = plan["quiz_id"]
    problems = []
    attempts = {}
    for attempt in (
        Attempt.objects.filter(learner__username__in=plan["learners"], quiz_id=quiz_id)
        .select_related("learner", "quiz")
        .prefetch_related("responses")
    ):
        attempts.setdefault(attempt.learner.username, []).append(attempt)
    counts = {"learners": len(plan["learners"]), "graded once": 0, "answers compared": 0, "answers lost": 0}
    for username in plan["learners"]:
        own = attempts.get(username, [])
        graded = [attempt for attempt in own if attempt.is_submitted]
        if len(own) != 1 or len(graded) != 1:
            problems.append(f"{username}: {len(own)} attempts, {len(graded)} graded (expected exactly 1 graded)")
            continue
        counts["graded once"] += 1
        attempt = graded[0]
        result = results.get(username)
        if result is None:
            problems.append(f"{username}: the load test recorded nothing for this learner")
            continue
        if result["attempt"] != attempt.pk:
            problems.append(f"{username}: answered attempt {result['attempt']}, but attempt {attempt.pk} is stored")
            continue
        expected = expected_answers(attempt, result["answers"])
        stored = {response.question_id: _plain(response.answer) for response in attempt.responses.all()}
        for question_id in attempt.question_ids:
            counts["answers compared"] += 1
            if expected.get(question_id) != stored.get(question_id):
                counts["answers lost"] += 1
                problems.append(
                    f"{username}: question {question_id} answered {expected.get(question_id)!r}, "
                    f"stored {stored.get(question_id)!r}"
                )
    return counts, problems
