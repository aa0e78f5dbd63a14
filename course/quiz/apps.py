from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizConfig(AppConfig):
    name = "course.quiz"
    label = "quiz"
    verbose_name = _("Quizzes")

    def ready(self):
        from course.lessons.content_version import bump_when_saved_or_deleted

        from .models import Choice, Question, Quiz

        # Quiz panels and the course structure show quiz content; learner attempts do not count.
        bump_when_saved_or_deleted(Quiz, Question, Choice)

    def export_learner_data(self, learner):
        from .models import Attempt
        from .question_types import given_answer_text

        attempts = Attempt.objects.filter(learner=learner).select_related("quiz")
        attempts = attempts.prefetch_related("responses__question__choices")
        return {
            "quiz_attempts": [
                {
                    "quiz": attempt.quiz.title,
                    "quiz_id": attempt.quiz_id,
                    "started_at": attempt.started_at.isoformat(),
                    "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
                    "score": attempt.score,
                    "passed": attempt.passed,
                    "saved_answers": attempt.draft,  # of an open attempt: as the form posted them
                    "responses": [
                        {
                            "question_id": r.question_id,
                            "question": r.question.prompt,
                            "answer": r.answer,  # as stored: choice ids, text or a number
                            "answer_text": given_answer_text(r.question, r.answer),
                            "credit": r.credit,
                            "confidence": r.confidence or None,
                        }
                        for r in attempt.responses.all()
                    ],
                }
                for attempt in attempts.order_by("started_at")
            ]
        }
