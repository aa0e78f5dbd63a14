"""Admin URLs of the reports (mounted under /admin/course-reports/ by wagtail_hooks).
Each report has a results-only twin that Wagtail's filters refresh in place."""

from django.urls import path

from .views import ItemAnalysisReportView, LearnersReportView, MissedSectionsReportView, QuizResultsReportView

app_name = "course_reports"


def report_urls(route, view, name):
    return [
        path(f"{route}/", view.as_view(), name=name),
        path(f"{route}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *report_urls("learners", LearnersReportView, "learners"),
    *report_urls("quizzes", QuizResultsReportView, "quizzes"),
    *report_urls("items", ItemAnalysisReportView, "items"),
    *report_urls("reteach", MissedSectionsReportView, "reteach"),
]
