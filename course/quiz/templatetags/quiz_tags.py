from django import template
from django.db.models import Count

from course.lessons.content_version import cached_content

from ..models import Attempt, Quiz, QuizKind

register = template.Library()


def quizzes_by_page():
    """(page id, kind) -> quiz, with the number of questions asked: one query per content version."""
    quizzes = Quiz.objects.annotate(question_total=Count("questions")).only(
        "id", "title", "kind", "page_id", "pass_mark", "draw_count", "time_limit_minutes"
    )
    for quiz in quizzes:
        quiz.question_count = min(quiz.draw_count or quiz.question_total, quiz.question_total)
    return {(quiz.page_id, quiz.kind): quiz for quiz in quizzes}


@register.inclusion_tag("quiz/includes/quiz_panel.html", takes_context=True)
def quiz_panel(context, page, kind):
    """A lesson's check or a module's quiz: start, resume, or best score and retake."""
    request = context["request"]
    quiz = cached_content("quizzes-by-page", quizzes_by_page).get((page.pk, kind))
    attempts = []
    if quiz and request.user.is_authenticated:
        attempts = list(
            Attempt.objects.filter(quiz_id=quiz.pk, learner=request.user).only("id", "score", "passed", "submitted_at")
        )
    submitted = [attempt for attempt in attempts if attempt.submitted_at]
    return {
        "request": request,
        "quiz": quiz,
        "page": page,
        "is_module_quiz": kind == QuizKind.MODULE_QUIZ,
        "question_count": quiz.question_count if quiz else 0,
        "open_attempt": next((a for a in attempts if not a.submitted_at), None),
        "best_score": max((a.score for a in submitted), default=None),
        "passed": any(a.passed for a in submitted),
        "attempt_count": len(submitted),
        "csrf_token": context.get("csrf_token"),
    }
