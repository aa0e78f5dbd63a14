from django import template
from django.db.models import Count

from course.lessons.content_version import cached_content
from course.progress.rules import NO_RECORD
from course.progress.standing import progress_for_request

from ..models import Quiz, QuizKind

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
