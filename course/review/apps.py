from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "course.review"
    label = "review"
    verbose_name = _("Spaced review")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the signal receivers

    def export_learner_data(self, learner):
        from .models import ReviewCard, ReviewReminder

        return {
            "review_cards": [
                {
                    "question_id": card.question_id,
                    "question": card.question.prompt,
                    "box": card.box,
                    "due_on": card.due_on.isoformat(),
                    "confident_miss": card.confident_miss,
                    "last_reviewed_at": card.last_reviewed_at.isoformat() if card.last_reviewed_at else None,
                }
                for card in ReviewCard.objects.filter(learner=learner)
                .select_related("question")
                .order_by("due_on", "pk")
            ],
            "review_reminders_sent": list(
                ReviewReminder.objects.filter(learner=learner).order_by("week").values_list("week", flat=True)
            ),
        }
