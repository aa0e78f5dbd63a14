from django.urls import include, path, reverse

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
