"""The panels pages show from other apps: the learner's lesson status, a quiz panel,
a capstone panel and the reviews due. Templates of lessons and progress load
these; the apps that own the data never import one another for them
(docs/architecture.md)."""

from django import template

from course.capstone.models import capstone_of_page
from course.progress.dashboard import learner_record
from course.progress.rules import NO_RECORD
from course.progress.standing import progress_for_request
from course.quiz.models import QuizKind
from course.quiz.panels import quiz_of_page
from course.review.queue import due_reviews

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context):
    """The signed-in learner's progress, computed once per request (None for visitors)."""
    return progress_for_request(context["request"])


@register.simple_tag(takes_context=True)
def learner_overview(context):
    """The dashboard's overview (percent, course complete, new material since the
    certificate, continue), so the home page never tells a different story."""
    return learner_record(context["request"].user)["overview"]


@register.inclusion_tag("progress/includes/lesson_status.html", takes_context=True)
def lesson_status(context, lesson):
    progress = course_progress(context)
    return {
        "request": context["request"],
        "lesson": lesson,
        "info": progress.lesson(lesson.pk) if progress else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("quiz/includes/quiz_panel.html", takes_context=True)
def quiz_panel(context, page, kind):
    """A lesson's check or a module's quiz: start, resume, or best score and retake."""
    request = context["request"]
    quiz = quiz_of_page(page.pk, kind)
    progress = progress_for_request(request)  # the learner's records of every quiz, shared with the page
    record = progress.quiz_record(quiz.pk) if quiz and progress else NO_RECORD
    return {
        "request": request,
        "quiz": quiz,
        "page": page,
        "is_module_quiz": kind == QuizKind.MODULE_QUIZ,
        "question_count": quiz.question_count if quiz else 0,
        "open_attempt_id": record.open_attempt_id,
        "best_score": record.best_score,
        "passed": record.passed,
        "attempt_count": record.attempts,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("capstone/includes/capstone_panel.html", takes_context=True)
def capstone_panel(context, page):
    # No per-learner query here: the capstone page itself shows whether answers were submitted.
    return {"capstone": capstone_of_page(page.pk), "request": context["request"]}


def _due_reviews(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return due_reviews(request)


@register.simple_tag(takes_context=True)
def review_due_count(context):
    """How many review cards are due for the signed-in learner: one query per request, shared by
    the navigation, the page's own panels and the dashboard's list (none for visitors)."""
    queue = _due_reviews(context)
    return queue.total if queue else 0


@register.inclusion_tag("review/includes/due_list.html", takes_context=True)
def review_due_list(context):
    """The dashboard's "To review": the same cards, in the same order, as the review page serves."""
    return {"queue": _due_reviews(context)}
