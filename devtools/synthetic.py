"""Synthetic learners for demos and load tests.

Each learner has a skill; each question a difficulty and a discrimination (a
two-parameter logistic model), so strong learners tend to get more right, a few
questions are too easy or too hard, and about one in twenty-five misleads the
strongest learners. Learners work through the course in order, some drop out,
some retake failed quizzes, about one in ten finishes. Answers are graded by
the quiz app's own grading and completions and certificates follow the course
rules, so every figure in the reports is consistent with the stored answers.

Usernames are `synthetic-00001`, ... so the whole set can be removed again.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from course.accounts.models import SYNTHETIC_USERNAME_PREFIX
from course.progress.models import Certificate, LessonCompletion
from course.progress.standing import build_structure
from course.quiz import grading
from course.quiz.models import Attempt, Choice, Question, Quiz, Response
from course.quiz.paper import draw_question_ids
from course.quiz.question_types import grade_answer, question_kind, right_answer

SYNTHETIC_PREFIX = SYNTHETIC_USERNAME_PREFIX
FINISHER_SHARE = 0.10
MEAN_ITEMS_BEFORE_DROPPING_OUT = 4
MISLEADING_SHARE = 0.04
UNANSWERED_SHARE = 0.03
LEARNERS_PER_TRANSACTION = 500
ROWS_PER_INSERT = 5000


def synthetic_learners():
    return get_user_model().objects.filter(username__startswith=SYNTHETIC_PREFIX)


@dataclass
class ItemParameters:
    difficulty: float
    discrimination: float

    def chance_right(self, skill):
        return 1 / (1 + math.exp(-self.discrimination * (skill - self.difficulty)))


@dataclass
class PlannedAttempt:
    quiz_id: int
    seed: int
    question_ids: list
    started_at: object
    submitted_at: object
    score: float
    passed: bool
    responses: list  # (question id, answer, credit)


@dataclass
class PlannedLearner:
    number: int
    joined_at: object
    last_seen_at: object = None
    attempts: list = field(default_factory=list)
    completions: list = field(default_factory=list)  # (lesson id, via, completed at)
    certificate_at: object = None


@dataclass
class Generated:
    learners: int = 0
    attempts: int = 0
    responses: int = 0
    completions: int = 0
    certificates: int = 0

    def add(self, other):
        for name in ("learners", "attempts", "responses", "completions", "certificates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def course_items(structure):
    """The course in study order: ("check", quiz, lesson), ("read", None, lesson), ("quiz", quiz, None)."""
    items = []
    for module in structure:
        for lesson in module["lessons"]:
            if lesson["check_id"]:
                items.append(("check", lesson["check_id"], lesson["id"]))
            else:
                items.append(("read", None, lesson["id"]))
        if module["quiz_id"]:
            items.append(("quiz", module["quiz_id"], None))
    return items


def item_parameters(questions, rng):
    parameters = {}
    for question_id in sorted(questions):
        discrimination = rng.uniform(0.5, 2.2)
        if rng.random() < MISLEADING_SHARE:
            discrimination = -rng.uniform(0.4, 1.2)
        parameters[question_id] = ItemParameters(difficulty=rng.gauss(-0.8, 1.0), discrimination=discrimination)
    return parameters


def wrong_answer(question, rng):
    """A plausible wrong answer in database terms (the quiz app grades it)."""
    return question_kind(question).wrong_answer(question, rng)


class Grader:
    """The quiz app's grading, remembered: synthetic answers repeat a lot."""

    def __init__(self, questions):
        self.questions = questions
        self.credits = {}
        self.right_answers = {}

    def right_answer(self, question_id):
        if question_id not in self.right_answers:
            self.right_answers[question_id] = right_answer(self.questions[question_id])
        return self.right_answers[question_id]

    def credit(self, question_id, answer):
        key = (question_id, repr(answer))
        if key not in self.credits:
            self.credits[key] = grade_answer(self.questions[question_id], answer)
        return self.credits[key]


def plan_attempt(quiz, grader, parameters, skill, started_at, rng):
    seed = rng.getrandbits(62)
    question_ids = draw_question_ids(quiz["question_ids"], quiz["draw_count"], quiz["shuffle"], seed)
    responses, credits = [], []
    for question_id in question_ids:
        question = grader.questions[question_id]
        if rng.random() < UNANSWERED_SHARE:
            answer = None
        elif question.is_poll:
            answer = rng.choice([choice.pk for choice in question.choices.all()] or [None])
        elif rng.random() < parameters[question_id].chance_right(skill):
            answer = grader.right_answer(question_id)
        else:
            answer = wrong_answer(question, rng)
        credit = grader.credit(question_id, answer)
        responses.append((question_id, answer, credit))
        if not question.is_poll:
            credits.append((credit, question.points))
    score = grading.paper_score(credits, answered=bool(responses))
    submitted_at = started_at + timedelta(minutes=rng.uniform(2, 20))
    return PlannedAttempt(
        quiz_id=quiz["id"],
        seed=seed,
        question_ids=question_ids,
        started_at=started_at,
        submitted_at=submitted_at,
        score=score,
        passed=grading.is_pass(score, quiz["pass_mark"]),
        responses=responses,
    )


def plan_learner(number, items, quizzes, grader, parameters, now, rng):
    """One learner's history: what they took, when, and what they answered."""
    skill = rng.gauss(0, 1)
    finisher = rng.random() < FINISHER_SHARE
    reach = len(items) if finisher else min(len(items), 1 + int(rng.expovariate(1 / MEAN_ITEMS_BEFORE_DROPPING_OUT)))
    joined_at = now - timedelta(days=rng.uniform(1, 150), minutes=rng.uniform(0, 600))
    step = (now - joined_at) / (2 * reach + 2)
    clock = joined_at
    learner = PlannedLearner(number=number, joined_at=joined_at)
    done = 0
    for kind, quiz_id, lesson_id in items[:reach]:
        clock = min(clock + step * rng.uniform(0.2, 1.8), now - timedelta(minutes=30))
        if kind == "read":
            learner.completions.append((lesson_id, LessonCompletion.Via.READ, clock))
            done += 1
            continue
        tries, boost = 0, 0.0
        while True:
            tries += 1
            attempt = plan_attempt(quizzes[quiz_id], grader, parameters, skill + boost, clock, rng)
            learner.attempts.append(attempt)
            passed = attempt.passed
            clock = min(attempt.submitted_at + step * rng.uniform(0.05, 0.5), now - timedelta(minutes=30))
            if passed or tries >= (6 if finisher else 3) or rng.random() > (0.9 if finisher else 0.5):
                break
            boost += 0.4  # they re-read the lesson before the retake
        if passed:
            done += 1
            if kind == "check":
                learner.completions.append((lesson_id, LessonCompletion.Via.CHECK, attempt.submitted_at))
        elif not finisher and rng.random() < 0.4:
            break
    learner.last_seen_at = max([joined_at, clock] + [attempt.submitted_at for attempt in learner.attempts])
    if done == len(items) and items:
        learner.certificate_at = learner.last_seen_at
    return learner


def load_course_for_simulation():
    """Items in study order, quizzes and their questions with choices: five queries."""
    items = course_items(build_structure())
    quiz_ids = {quiz_id for _kind, quiz_id, _lesson in items if quiz_id}
    questions = {
        question.pk: question
        for question in Question.objects.filter(quiz_id__in=quiz_ids)
        .order_by("sort_order", "pk")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")))
    }
    quizzes = {
        quiz.pk: {
            "id": quiz.pk,
            "pass_mark": quiz.pass_mark,
            "draw_count": quiz.draw_count,
            "shuffle": quiz.shuffle,
            "question_ids": [],
        }
        for quiz in Quiz.objects.filter(pk__in=quiz_ids)
    }
    for question in questions.values():
        quizzes[question.quiz_id]["question_ids"].append(question.pk)
    # A quiz without questions cannot be taken; a learner would skip it.
    items = [item for item in items if item[0] == "read" or quizzes[item[1]]["question_ids"]]
    return items, quizzes, questions


def next_number():
    numbers = [
        int(name[len(SYNTHETIC_PREFIX) :])
        for name in synthetic_learners().values_list("username", flat=True)
        if name[len(SYNTHETIC_PREFIX) :].isdigit()
    ]
    return max(numbers, default=0) + 1


@transaction.atomic
def write_learners(plans):
    User = get_user_model()
    unusable = make_password(None)  # synthetic learners cannot sign in
    users = User.objects.bulk_create(
        [
            User(
                username=f"{SYNTHETIC_PREFIX}{plan.number:05d}",
                email=f"{SYNTHETIC_PREFIX}{plan.number:05d}@example.invalid",
                display_name=f"Synthetic learner {plan.number}",
                password=unusable,
                date_joined=plan.joined_at,
                last_login=plan.last_seen_at,
            )
            for plan in plans
        ]
    )
    attempts, completions, certificates = [], [], []
    for user, plan in zip(users, plans, strict=True):
        for planned in plan.attempts:
            attempt = Attempt(
                learner_id=user.pk,
                quiz_id=planned.quiz_id,
                seed=planned.seed,
                question_ids=planned.question_ids,
                started_at=planned.started_at,
                submitted_at=planned.submitted_at,
                score=planned.score,
                passed=planned.passed,
            )
            attempts.append((attempt, planned.responses))
        completions.extend(
            LessonCompletion(learner_id=user.pk, lesson_id=lesson_id, via=via, completed_at=when)
            for lesson_id, via, when in plan.completions
        )
        if plan.certificate_at:
            certificates.append(Certificate(learner_id=user.pk, issued_at=plan.certificate_at, name=user.username))
    Attempt.objects.bulk_create([attempt for attempt, _responses in attempts], batch_size=ROWS_PER_INSERT)
    responses = [
        Response(attempt_id=attempt.pk, question_id=question_id, answer=answer, credit=credit)
        for attempt, planned_responses in attempts
        for question_id, answer, credit in planned_responses
    ]
    Response.objects.bulk_create(responses, batch_size=ROWS_PER_INSERT)
    LessonCompletion.objects.bulk_create(completions, batch_size=ROWS_PER_INSERT)
    Certificate.objects.bulk_create(certificates, batch_size=ROWS_PER_INSERT)
    return Generated(len(users), len(attempts), len(responses), len(completions), len(certificates))


def generate_learners(count, seed, now=None, on_batch=None):
    """Create `count` synthetic learners with histories; the same seed gives the same histories."""
    now = now or timezone.now()
    items, quizzes, questions = load_course_for_simulation()
    parameters = item_parameters(questions, random.Random(f"questions:{seed}"))
    rng = random.Random(f"learners:{seed}")
    grader = Grader(questions)
    first = next_number()
    total = Generated()
    for batch_start in range(0, count, LEARNERS_PER_TRANSACTION):
        numbers = range(first + batch_start, first + min(count, batch_start + LEARNERS_PER_TRANSACTION))
        plans = [plan_learner(number, items, quizzes, grader, parameters, now, rng) for number in numbers]
        total.add(write_learners(plans))
        if on_batch:
            on_batch(total)
    analyze_tables()
    return total


def analyze_tables():
    # After a bulk load PostgreSQL's planner needs fresh statistics to pick good plans.
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (get_user_model(), Attempt, Response, LessonCompletion, Certificate):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def delete_rows(queryset):
    """DELETE ... WHERE pk IN (the query), without fetching rows. QuerySet.delete() would
    fetch them all, because the site listens to post_delete for every model."""
    model = queryset.model
    sql, params = queryset.values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN ({sql})",  # noqa: S608 - names from _meta, values as parameters
            params,
        )
        return cursor.rowcount


@transaction.atomic
def delete_synthetic_learners():
    learners = synthetic_learners()
    removed = Generated()
    removed.responses = delete_rows(Response.objects.filter(attempt__learner__in=learners))
    removed.attempts = delete_rows(Attempt.objects.filter(learner__in=learners))
    removed.completions = delete_rows(LessonCompletion.objects.filter(learner__in=learners))
    removed.certificates = delete_rows(Certificate.objects.filter(learner__in=learners))
    removed.learners = learners.count()
    learners.delete()  # the few remaining related rows (profiles, memberships) go the usual way
    return removed
