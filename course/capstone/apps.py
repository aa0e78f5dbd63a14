from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapstoneConfig(AppConfig):
    name = "course.capstone"
    label = "capstone"
    verbose_name = _("Capstone")

    def ready(self):
        from course.lessons.content_version import bump_when_saved_or_deleted

        from .models import Capstone, CapstonePrompt

        bump_when_saved_or_deleted(Capstone, CapstonePrompt)

    def export_learner_data(self, learner):
        from .models import CapstoneDraft, CapstoneResponse

        return {
            "capstone_drafts": [
                {"capstone": draft.capstone.title, "answers": draft.answers, "saved_at": draft.saved_at.isoformat()}
                for draft in CapstoneDraft.objects.filter(learner=learner).select_related("capstone")
            ],
            "capstone_responses": [
                {
                    "capstone": response.capstone.title,
                    "answers": response.answers,
                    "submitted_at": response.submitted_at.isoformat(),
                }
                for response in CapstoneResponse.objects.filter(learner=learner).select_related("capstone")
            ],
        }
