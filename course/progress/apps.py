from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "course.progress"
    label = "progress"
    verbose_name = _("Progress")

    def ready(self):
        from . import receivers  # noqa: F401 - connects the signal receivers

    def export_learner_data(self, learner):
        from .models import Certificate, LessonCompletion, LessonVisit

        certificate = Certificate.objects.filter(learner=learner).first()
        return {
            "lesson_completions": [
                {
                    "lesson": c.lesson.title,
                    "lesson_id": c.lesson_id,
                    "via": c.via,
                    "completed_at": c.completed_at.isoformat(),
                }
                for c in LessonCompletion.objects.filter(learner=learner)
                .select_related("lesson")
                .order_by("completed_at")
            ],
            "lesson_visits": [
                {"lesson": v.lesson.title, "lesson_id": v.lesson_id, "first_opened_at": v.first_opened_at.isoformat()}
                for v in LessonVisit.objects.filter(learner=learner)
                .select_related("lesson")
                .order_by("first_opened_at")
            ],
            "certificate": (
                {"code": certificate.code, "issued_at": certificate.issued_at.isoformat()} if certificate else None
            ),
        }
