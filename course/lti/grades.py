"""Grades back to the LMS (Assignment and Grade Services), from the background queue.

Each graded attempt of a quiz that was launched from an LMS queues one job per gradebook
column (line item) the learner's class has for that quiz. The job posts the learner's
current best score, not the attempt's: running it twice, late or out of order posts the same
number. PostedScore keeps the last score the LMS accepted, so a retried or repeated job sends
nothing when the best has not changed (never doubled); a failure (the LMS down, a token
refused) is retried by the queue with a growing delay (never lost)."""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.grade import Grade
from pylti1p3.lineitem import LineItem as PlatformLineItem
from pylti1p3.service_connector import ServiceConnector

from course.operations.background import background_job, enqueue_on_commit
from course.quiz.models import Attempt

from .models import LineItem, LTIAccount, PostedScore
from .tool_config import registration_for

SCORE_MAXIMUM = 100  # Attempt.score is a percentage


def queue_score_passback(sender, attempt, **kwargs):
    """quiz.signals.attempt_graded: sent inside the grading transaction, so the jobs are queued
    on commit (a rolled-back grading queues nothing)."""
    line_items = LineItem.objects.filter(
        quiz_id=attempt.quiz_id, context__course_class__memberships__learner_id=attempt.learner_id
    ).values_list("pk", flat=True)
    for line_item_id in line_items:
        enqueue_on_commit(post_best_score, line_item_id, attempt.learner_id)


def best_score(learner_id, quiz_id):
    submitted = Attempt.objects.filter(
        learner_id=learner_id, quiz_id=quiz_id, submitted_at__isnull=False, score__isnull=False
    )
    return submitted.aggregate(best=Max("score"))["best"]


def grades_service(context, line_item_url=""):
    connector = ServiceConnector(registration_for(context.platform))
    return AssignmentsGradesService(
        connector, {"scope": context.ags_scopes, "lineitems": context.lineitems_url, "lineitem": line_item_url}
    )


def ensure_line_item_url(line_item):
    """The LMS's column for this quiz: found by its tag, or made (once; saved here)."""
    if line_item.url:
        return line_item.url
    column = (
        PlatformLineItem()
        .set_tag(f"quiz-{line_item.quiz_id}")
        .set_label(line_item.quiz.title)
        .set_score_maximum(SCORE_MAXIMUM)
        .set_resource_link_id(line_item.resource_link_id)
    )
    found = grades_service(line_item.context).find_or_create_lineitem(column)
    line_item.url = found.get_id()
    line_item.save(update_fields=["url"])
    return line_item.url


@background_job(max_attempts=8, first_delay=timedelta(minutes=1))
def post_best_score(line_item_id: int, learner_id: int) -> str:
    line_item = LineItem.objects.select_related("context__platform", "quiz").filter(pk=line_item_id).first()
    if line_item is None:
        return "line item gone"
    account = LTIAccount.objects.filter(issuer=line_item.context.issuer, user_id=learner_id).first()
    if account is None:
        return "learner has no account on this LMS"
    best = best_score(learner_id, line_item.quiz_id)
    posted = PostedScore.objects.filter(line_item=line_item, learner_id=learner_id).first()
    if best is None or (posted is not None and posted.score == best):
        return "unchanged"
    url = ensure_line_item_url(line_item)
    grade = (
        Grade()
        .set_score_given(best)
        .set_score_maximum(SCORE_MAXIMUM)
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_timestamp(timezone.now().isoformat())
        .set_user_id(account.subject)
    )
    grades_service(line_item.context, url).put_grade(grade, PlatformLineItem({"id": url}))
    PostedScore.objects.update_or_create(
        line_item=line_item, learner_id=learner_id, defaults={"score": best, "posted_at": timezone.now()}
    )
    return f"posted {best}"
