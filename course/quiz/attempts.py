"""Starting, reading and submitting attempts: the only code that writes learner quiz data."""

import secrets
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from course.lessons.content_version import cached_content

from . import grading
from .forms import PaperForm
from .models import Attempt, Choice, Question, QuizKind, Response
from .paper import build_paper, draw_question_ids
from .question_types import grade_answer
from .signals import attempt_graded
from .snapshot import frozen_questions, snapshot_paper

# Slack for the network and a slow click after the clock reaches zero.
DEADLINE_GRACE = timedelta(seconds=30)


def questions_with_choices(quiz_id, question_ids):
    """{question id: question, choices prefetched} of those of a quiz's questions in
    `question_ids`. Read once per content version (two queries) and shared: read-only."""
    wanted = set(question_ids)
    return {pk: question for pk, question in _all_questions(quiz_id).items() if pk in wanted}


def _all_questions(quiz_id):
    """Every question of a quiz, retired ones too (old reviews), read once per content version."""
    return cached_content(f"quiz-questions:{quiz_id}", lambda: _load_questions(quiz_id))


def _load_questions(quiz_id):
    queryset = Question.objects.filter(quiz_id=quiz_id).prefetch_related(
        Prefetch("choices", queryset=Choice.objects.filter(retired=False).order_by("sort_order", "pk"))
    )
    return {question.pk: question for question in queryset}


class RetakeTooSoon(Exception):
    """A new attempt was asked for before the quiz's minimum time between attempts."""

    def __init__(self, available_at):
        super().__init__(f"next attempt from {available_at.isoformat()}")
        self.available_at = available_at


def next_attempt_at(learner, quiz, now=None):
    """When the learner may start a new attempt: None if now, else the time (the quiz's
    minimum interval after the last submitted attempt)."""
    interval = quiz.retake_interval
    if not interval:
        return None
    last = (
        Attempt.objects.filter(learner=learner, quiz=quiz, submitted_at__isnull=False)
        .order_by("-submitted_at")
        .values_list("submitted_at", flat=True)
        .first()
    )
    if last is None or last + interval <= (now or timezone.now()):
        return None
    return last + interval


# Tries at drawing a paper unlike the learner's last one (a pool of 12 drawn 8 at a time
# repeats a paper once in 495 draws; ten tries make that vanishingly rare).
NEW_PAPER_TRIES = 10


def _new_paper(learner, quiz, current):
    """(seed, question ids) of a new attempt from the `current` (not retired) questions: when
    the quiz draws from a pool, a different set from the learner's last attempt, so a retake
    is a different paper."""
    pool = [question.pk for question in current]
    last = None
    if quiz.draw_count and quiz.draw_count < len(pool):
        last = (
            Attempt.objects.filter(learner=learner, quiz=quiz)
            .order_by("-started_at")
            .values_list("question_ids", flat=True)
            .first()
        )
    for _try in range(NEW_PAPER_TRIES):
        seed = secrets.randbits(62)
        question_ids = draw_question_ids(pool, quiz.draw_count, quiz.shuffle, seed)
        if last is None or set(question_ids) != set(last):
            break
    return seed, question_ids


def open_attempt(learner, quiz, respect_retake_interval=True):
    """The learner's unfinished attempt at this quiz, or a new one. Raises RetakeTooSoon
    if a new one would start before the quiz's minimum time between attempts (test and demo
    helpers that play several attempts in a row pass respect_retake_interval=False)."""
    existing = Attempt.objects.filter(learner=learner, quiz=quiz, submitted_at__isnull=True).first()
    if existing and not is_expired(existing):
        return existing
    if existing:
        submit_expired(existing)
    available_at = next_attempt_at(learner, quiz) if respect_retake_interval else None
    if available_at is not None:
        raise RetakeTooSoon(available_at)
    current = [
        question
        for question in sorted(_all_questions(quiz.pk).values(), key=lambda q: (q.sort_order, q.pk))
        if not question.retired
    ]
    seed, question_ids = _new_paper(learner, quiz, current)
    by_id = {question.pk: question for question in current}
    # The paper as given, frozen: a later edit or import never changes this attempt.
    paper = snapshot_paper(by_id[question_id] for question_id in question_ids)
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                learner=learner,
                quiz=quiz,
                seed=seed,
                question_ids=question_ids,
                paper=paper,
                started_at=now,
                deadline=deadline,
            )
    except IntegrityError:
        # A second tab started the same quiz at the same moment: use its attempt.
        return Attempt.objects.get(learner=learner, quiz=quiz, submitted_at__isnull=True)


def is_expired(attempt, now=None):
    return attempt.deadline is not None and (now or timezone.now()) > attempt.deadline + DEADLINE_GRACE


def attempt_questions(attempt):
    """{question id: question} as the attempt was given them: its snapshot (attempts opened before
    snapshots existed read the live questions)."""
    if attempt.paper:
        return frozen_questions(attempt.paper)
    return questions_with_choices(attempt.quiz_id, attempt.question_ids)


def attempt_paper(attempt):
    questions = attempt_questions(attempt)
    return build_paper(attempt, questions, attempt.quiz.shuffle), questions


def attempt_form(attempt, paper, data=None, draft=False):
    """The attempt's quiz form, showing its saved draft until something is posted. Lesson checks
    are for learning: there the learner may say how sure they are of each answer."""
    return PaperForm(
        paper,
        data,
        with_confidence=attempt.quiz.kind == QuizKind.LESSON_CHECK,
        draft=draft,
        saved=attempt.draft,
    )


def save_draft(attempt, values):
    """Store the answers given so far (valid form values) on the open attempt. One conditional
    UPDATE: False if the attempt was submitted meanwhile (the draft is then not written)."""
    now = timezone.now()
    saved = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(draft=values, draft_saved_at=now)
    attempt.draft, attempt.draft_saved_at = values, now
    return bool(saved)


def submit_expired(attempt, paper=None):
    """Grade an attempt whose time ran out on the answers saved by then (never zero them)."""
    paper = paper if paper is not None else attempt_paper(attempt)[0]
    form = PaperForm.from_saved(paper, attempt.draft, with_confidence=attempt.quiz.kind == QuizKind.LESSON_CHECK)
    form.is_valid()  # a saved value that no longer reads (the question was edited) counts as unanswered
    return submit_attempt(attempt, form.answers(), timed_out=True, confidence=form.confidence())


def submit_attempt(attempt, answers, timed_out=False, confidence=None):
    """Grade and store an attempt once. Returns False if it had already been submitted.

    Grading is pure, so it happens first; then one conditional UPDATE claims the
    attempt and stores its score: of two concurrent submits only one sees
    `submitted_at IS NULL`, so responses are written once. Polls are stored but
    left out of the score; a quiz of polls only scores 100 (nothing to miss).
    """
    confidence = confidence or {}
    questions = attempt_questions(attempt)
    responses, credits = [], []
    for question_id in attempt.question_ids:
        question = questions.get(question_id)
        if question is None:
            continue
        answer = answers.get(question_id)
        credit = grade_answer(question, answer)
        responses.append(
            Response(
                attempt=attempt,
                question_id=question.pk,
                answer=answer,
                credit=credit,
                confidence=confidence.get(question_id, ""),
            )
        )
        if not question.is_poll:
            credits.append((credit, question.points))
    score = grading.paper_score(credits, answered=bool(responses))
    passed = grading.is_pass(score, attempt.quiz.pass_mark)
    now = timezone.now()
    with transaction.atomic():
        claimed = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            submitted_at=now, timed_out=timed_out, score=score, passed=passed, draft={}
        )
        if not claimed:
            return False
        # Answered questions are retired, never deleted; one never answered may have been deleted
        # by an import while this attempt was open: its grade counts, its response row cannot.
        kept = set(Question.objects.filter(pk__in=[r.question_id for r in responses]).values_list("pk", flat=True))
        responses = [response for response in responses if response.question_id in kept]
        Response.objects.bulk_create(responses)
        attempt.submitted_at, attempt.timed_out, attempt.score, attempt.passed = now, timed_out, score, passed
        attempt_graded.send(sender=Attempt, attempt=attempt, responses=responses)
    return True
