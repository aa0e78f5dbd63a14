from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .panels import CourseHeadlinePanel
from .views import can_view_reports


class CourseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("course-reports/", include(urls, namespace="course_reports"))]


@hooks.register("register_reports_menu_item")
def register_learners_menu_item():
    return CourseReportMenuItem(
        _("Learners"), reverse("course_reports:learners"), name="course-learners", icon_name="group", order=100
    )


@hooks.register("register_reports_menu_item")
def register_quiz_results_menu_item():
    return CourseReportMenuItem(
        _("Quiz results"), reverse("course_reports:quizzes"), name="course-quiz-results", icon_name="tasks", order=110
    )


@hooks.register("register_reports_menu_item")
def register_item_analysis_menu_item():
    return CourseReportMenuItem(
        _("Item analysis"),
        reverse("course_reports:items"),
        name="course-item-analysis",
        icon_name="crosshairs",
        order=120,
    )


@hooks.register("register_reports_menu_item")
def register_reteach_menu_item():
    return CourseReportMenuItem(
        _("Re-teach map"), reverse("course_reports:reteach"), name="course-reteach", icon_name="redirect", order=130
    )


@hooks.register("construct_homepage_panels")
def add_course_headline_panel(request, panels):
    if can_view_reports(request.user):
        panels.append(CourseHeadlinePanel())
