from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .facts_due import FactsDueReportView, can_review_facts
from .panels import CourseHeadlinePanel
from .views import can_view_reports


class CourseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("course-reports/", include(urls, namespace="course_reports"))]


def _register_menu_item(order, name, label, menu_name, icon):
    @hooks.register("register_reports_menu_item")
    def register():
        return CourseReportMenuItem(
            label, reverse(f"course_reports:{name}"), name=menu_name, icon_name=icon, order=order
        )


for _order, (_name, _view, _label, _menu_name, _icon) in enumerate(urls.REPORTS):
    _register_menu_item(100 + 10 * _order, _name, _label, _menu_name, _icon)


@hooks.register("construct_homepage_panels")
def add_course_headline_panel(request, panels):
    if can_view_reports(request.user):
        panels.append(CourseHeadlinePanel())


class FactsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review_facts(request.user)


@hooks.register("register_admin_urls")
def register_facts_due_report_urls():
    return [
        path("reports/facts-due/", FactsDueReportView.as_view(), name="lessons_facts_due"),
        path(
            "reports/facts-due/results/",
            FactsDueReportView.as_view(results_only=True),
            name="lessons_facts_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_facts_due_report_menu_item():
    return FactsDueMenuItem(
        _("Facts due for review"), reverse("lessons_facts_due"), name="facts-due", icon_name="date", order=150
    )
