"""The "My progress" dashboard: the learner's record, rendered once and kept until it changes.

The record (progress, certificate, recent attempts) costs a
handful of queries and ~50 table rows of template. It changes only when the
learner's records change or course content changes, so it is kept in the cache
under the learner's version (learner_version.py, bumped by receivers) and the
content version: reading it costs no query. Keys carry the learner's id: no one
is ever shown another's record. The reviews due (count and list) are read live by the
page (`review_due_count`, `review_due_list`: the review page's own queue), not here:
progress does not depend on review.
"""

from django.template.loader import render_to_string

from course.lessons.content_version import content_version
from course.operations.versioned import versioned_value
from course.quiz.models import Attempt

from .learner_version import learner_version
from .models import Certificate
from .standing import learner_progress

HISTORY_SHOWN = 20
RECORD_CACHE_SECONDS = 24 * 60 * 60


def build_learner_record(learner):
    """The record's context: three queries (records, certificate, history)."""
    progress = learner_progress(learner)
    # Issued by the transaction that completed the course, never here: a GET writes nothing.
    certificate = Certificate.objects.filter(learner=learner).first()
    history = list(
        Attempt.objects.filter(learner=learner, submitted_at__isnull=False)
        .select_related("quiz")
        .order_by("-submitted_at")[:HISTORY_SHOWN]
    )
    return {
        "progress": progress,
        "certificate": certificate,
        "added_since_certificate": course_changed_since(progress, certificate),
        "history": history,
    }


def course_changed_since(progress, certificate):
    """None, or the unfinished lessons added since the certificate was issued (possibly
    none, when the change is a module quiz or capstone the learner has not finished):
    the certificate stays valid (it records the course as completed then), and the
    dashboard says the course has grown instead of calling it complete."""
    if certificate is None:
        return None
    added = progress.lessons_added_since(certificate.issued_at)
    if added or not progress.complete:
        return added
    return None


def learner_record(learner, version=None):
    """{"overview": html, "details": html} for the learner, from the cache when unchanged.
    Rendered without the request: nothing in it depends on anything but the learner's data.
    `version`: the learner's version if the caller has read it (request_learner_version)."""
    key = f"learner-record:{learner.pk}:{version or learner_version(learner.pk)}:{content_version()}"

    def render():
        context = build_learner_record(learner)
        return {
            part: render_to_string(f"progress/includes/record_{part}.html", context) for part in ("overview", "details")
        }

    return versioned_value(key, render, RECORD_CACHE_SECONDS)
