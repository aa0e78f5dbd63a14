from django.apps import AppConfig


class LTIConfig(AppConfig):
    name = "course.lti"
    label = "lti"
    verbose_name = "LTI"

    def ready(self):
        from course.quiz.signals import attempt_graded

        from .grades import queue_score_passback

        attempt_graded.connect(queue_score_passback, dispatch_uid="lti-score-passback")

    def export_learner_data(self, learner):
        from .models import LTIAccount, PostedScore

        return {
            "lti_accounts": [
                {"issuer": account.issuer, "subject": account.subject, "linked_at": account.linked_at.isoformat()}
                for account in LTIAccount.objects.filter(user=learner).order_by("linked_at", "pk")
            ],
            "lti_scores_sent": [
                {"quiz": posted.line_item.quiz.title, "score": posted.score, "posted_at": posted.posted_at.isoformat()}
                for posted in PostedScore.objects.filter(learner=learner).select_related("line_item__quiz")
            ],
        }
