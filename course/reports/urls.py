"""Admin URLs of the reports (mounted under /admin/course-reports/ by wagtail_hooks).
Each report has a results-only twin that Wagtail's filters refresh in place.
REPORTS lists them once for the URLs, the Reports menu and the admin home panel."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import ItemAnalysisReportView, LearnersReportView, MissedSectionsReportView, QuizResultsReportView

app_name = "course_reports"

# (route and URL name, view, label, menu item name, icon)
REPORTS = [
    ("learners", LearnersReportView, _("Learners"), "course-learners", "group"),
    ("quizzes", QuizResultsReportView, _("Quiz results"), "course-quiz-results", "tasks"),
    ("items", ItemAnalysisReportView, _("Item analysis"), "course-item-analysis", "crosshairs"),
    ("reteach", MissedSectionsReportView, _("Re-teach map"), "course-reteach", "redirect"),
]

urlpatterns = [
    url
    for name, view, *_rest in REPORTS
    for url in (
        path(f"{name}/", view.as_view(), name=name),
        path(f"{name}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    )
]
