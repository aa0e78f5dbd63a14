"""The "My progress" dashboard: the learner's record, rendered once and kept until it changes.

The record (progress, certificate, missed questions, recent attempts) costs a
handful of queries and ~50 table rows of template. It changes only when the
learner submits an attempt, completes a lesson or gets a certificate, or when
course content changes; one query reads a fingerprint of exactly that (and
the live count of reviews due), and the rendered record is kept in the cache
under it. Keys carry the learner's id: no one is ever shown another's record.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Case, Count, Max, OuterRef, Subquery, When, Window
from django.template.loader import render_to_string

from course.lessons.content_version import content_version
from course.quiz.models import Attempt, Confidence, Response
from course.review.models import ReviewCard
from course.review.receivers import today

from .models import Certificate, LessonCompletion
from .receivers import issue_certificate_if_complete
from .standing import learner_progress

TO_REVIEW_SHOWN = 10
HISTORY_SHOWN = 20
RECORD_CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class DashboardState:
    learner_id: int
    fingerprint: str
    reviews_due: int


def _per_learner(model, aggregate, **filters):
    rows = model.objects.filter(learner=OuterRef("pk"), **filters).order_by().values("learner")
    return Subquery(rows.annotate(value=aggregate).values("value"))


def dashboard_state(learner):
    """What the learner's record depends on, and the reviews due today: one query."""
    submitted = {"submitted_at__isnull": False}
    row = (
        get_user_model()
        .objects.filter(pk=learner.pk)
        .annotate(
            record_attempts=_per_learner(Attempt, Count("id"), **submitted),
            record_last_submitted=_per_learner(Attempt, Max("submitted_at"), **submitted),
            record_completions=_per_learner(LessonCompletion, Count("id")),
            record_last_completion=_per_learner(LessonCompletion, Max("id")),
            record_certificate=_per_learner(Certificate, Max("id")),
            record_reviews_due=_per_learner(ReviewCard, Count("id"), due_on__lte=today()),
        )
        .values_list(
            "record_attempts",
            "record_last_submitted",
            "record_completions",
            "record_last_completion",
            "record_certificate",
            "record_reviews_due",
        )
        .get()
    )
    *record, reviews_due = row
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


def build_learner_record(request):
    """The record's context: six queries."""
    learner = request.user
    progress = learner_progress(learner)
    certificate = Certificate.objects.filter(learner=learner).first()
    if progress.complete and certificate is None:
        certificate = issue_certificate_if_complete(learner)
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


def learner_record(request, state):
    """{"overview": html, "details": html} for the signed-in learner, from the cache when unchanged."""
    key = f"learner-record:{state.learner_id}:{state.fingerprint}"
    record = cache.get(key)
    if record is None:
        context = build_learner_record(request)
        record = {
            part: render_to_string(f"progress/includes/record_{part}.html", context, request)
            for part in ("overview", "details")
        }
        cache.set(key, record, RECORD_CACHE_SECONDS)
    return record
