from django import template

from ..models import Attempt, Quiz, QuizKind

register = template.Library()


@register.inclusion_tag("quiz/includes/quiz_panel.html", takes_context=True)
def quiz_panel(context, page, kind):
    """A lesson's check or a module's quiz: start, resume, or best score and retake."""
    request = context["request"]
    quiz = Quiz.objects.filter(page=page, kind=kind).first()
    attempts = []
    if quiz and request.user.is_authenticated:
        attempts = list(
            Attempt.objects.filter(quiz=quiz, learner=request.user).only("id", "score", "passed", "submitted_at")
        )
    submitted = [attempt for attempt in attempts if attempt.submitted_at]
    return {
        "request": request,
        "quiz": quiz,
        "page": page,
        "is_module_quiz": kind == QuizKind.MODULE_QUIZ,
        "question_count": (quiz.draw_count or quiz.questions.count()) if quiz else 0,
        "open_attempt": next((a for a in attempts if not a.submitted_at), None),
        "best_score": max((a.score for a in submitted), default=None),
        "passed": any(a.passed for a in submitted),
        "attempt_count": len(submitted),
        "csrf_token": context.get("csrf_token"),
    }
