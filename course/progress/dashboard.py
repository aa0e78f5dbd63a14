"""The "My progress" dashboard: the learner's record, rendered once and kept until it changes.

The record (progress, certificate, missed questions, recent attempts) costs a
handful of queries and ~50 table rows of template. It changes only when the
learner submits an attempt or the capstone, completes a lesson or gets a certificate, or when
course content changes; one query reads a fingerprint of exactly that (and
the live count of reviews due), and the rendered record is kept in the cache
under it. Keys carry the learner's id: no one is ever shown another's record.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, OuterRef, Subquery, When, Window
from django.template.loader import render_to_string

from course.capstone.models import CapstoneResponse
from course.lessons.content_version import content_version
from course.quiz.models import Attempt, Confidence, Response
from course.review.models import ReviewCard
from course.review.receivers import today

from .models import Certificate, LessonCompletion
from .standing import learner_progress

TO_REVIEW_SHOWN = 10
HISTORY_SHOWN = 20
RECORD_CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class DashboardState:
    learner_id: int
    fingerprint: str
    reviews_due: int


# Read on every view of the dashboard, so written out once (the ORM would spend longer
# composing it than the database spends running it). Portable SQL.
STATE_SQL = f"""
    SELECT (SELECT COUNT(*) FROM {Attempt._meta.db_table} WHERE learner_id = %(learner)s AND submitted_at IS NOT NULL),
           (SELECT MAX(submitted_at) FROM {Attempt._meta.db_table} WHERE learner_id = %(learner)s),
           (SELECT COUNT(*) FROM {LessonCompletion._meta.db_table} WHERE learner_id = %(learner)s),
           (SELECT MAX(id) FROM {LessonCompletion._meta.db_table} WHERE learner_id = %(learner)s),
           (SELECT MAX(id) FROM {Certificate._meta.db_table} WHERE learner_id = %(learner)s),
           (SELECT MAX(submitted_at) FROM {CapstoneResponse._meta.db_table} WHERE learner_id = %(learner)s),
           (SELECT COUNT(*) FROM {ReviewCard._meta.db_table} WHERE learner_id = %(learner)s AND due_on <= %(today)s)
"""  # noqa: S608 - table names from the models, values as parameters


def dashboard_state(learner):
    """What the learner's record depends on, and the reviews due today: one query."""
    with connection.cursor() as cursor:
        cursor.execute(STATE_SQL, {"learner": learner.pk, "today": today()})
        *record, reviews_due = cursor.fetchone()
    fingerprint = hashlib.sha256(repr((content_version(), *record)).encode()).hexdigest()[:24]
    return DashboardState(learner.pk, fingerprint, reviews_due or 0)


def missed_questions(learner, limit=TO_REVIEW_SHOWN):
    """Questions not fully right in the learner's best attempt at each quiz, those the
    learner was sure of first (a misconception is worth more attention than a guess):
    (the first `limit`, how many in all), in one query however many attempts there are."""
    best_of_quiz = (
        Attempt.objects.filter(learner=learner, quiz_id=OuterRef("quiz_id"), submitted_at__isnull=False)
        .order_by("-score", "-submitted_at", "-pk")
        .values("pk")[:1]
    )
    best_attempts = Attempt.objects.filter(learner=learner, submitted_at__isnull=False, pk=Subquery(best_of_quiz))
    missed = list(
        Response.objects.filter(attempt__in=best_attempts, credit__lt=1)
        .annotate(missed_in_all=Window(Count("id")))
        .select_related("question", "attempt__quiz")
        .only(
            "confidence",
            "attempt__quiz__title",
            "question__prompt",
            "question__section_page_id",
            "question__section_anchor",
        )
        .order_by(
            Case(When(confidence=Confidence.SURE, then=0), default=1),
            "attempt__quiz_id",
            "question__sort_order",
            "pk",
        )[:limit]
    )
    return missed, (missed[0].missed_in_all if missed else 0)


def build_learner_record(learner):
    """The record's context: four queries (records, certificate, missed questions, history)."""
    progress = learner_progress(learner)
    # Issued by the transaction that completed the course, never here: a GET writes nothing.
    certificate = Certificate.objects.filter(learner=learner).first()
    to_review, to_review_total = missed_questions(learner)
    history = list(
        Attempt.objects.filter(learner=learner, submitted_at__isnull=False)
        .select_related("quiz")
        .order_by("-submitted_at")[:HISTORY_SHOWN]
    )
    return {
        "progress": progress,
        "certificate": certificate,
        "history": history,
        "to_review": to_review,
        "to_review_total": to_review_total,
    }


def learner_record(learner, state):
    """{"overview": html, "details": html} for the learner, from the cache when unchanged.
    Rendered without the request: nothing in it depends on anything but the learner's data."""
    key = f"learner-record:{state.learner_id}:{state.fingerprint}"
    record = cache.get(key)
    if record is None:
        context = build_learner_record(learner)
        record = {
            part: render_to_string(f"progress/includes/record_{part}.html", context) for part in ("overview", "details")
        }
        cache.set(key, record, RECORD_CACHE_SECONDS)
    return record
