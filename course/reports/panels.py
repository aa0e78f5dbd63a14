from django.urls import reverse

from wagtail.admin.ui.components import Component

from . import queries
from .urls import REPORTS


class CourseHeadlinePanel(Component):
    """The admin dashboard's course figures, with links to the reports."""

    name = "course_headline"
    template_name = "reports/home_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        return {
            "headline": queries.headline(),
            "reports": [(label, reverse(f"course_reports:{name}")) for name, _view, label, *_rest in REPORTS],
        }
