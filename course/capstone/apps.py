from django.apps import AppConfig


class CapstoneConfig(AppConfig):
    name = "course.capstone"
    label = "capstone"
    verbose_name = "Capstone"

    def export_learner_data(self, learner):
        from .models import CapstoneResponse

        return {
            "capstone_responses": [
                {
                    "capstone": response.capstone.title,
                    "answers": response.answers,
                    "submitted_at": response.submitted_at.isoformat(),
                }
                for response in CapstoneResponse.objects.filter(learner=learner).select_related("capstone")
            ]
        }
