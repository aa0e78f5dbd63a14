from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from . import queries


class CourseHeadlinePanel(Component):
    """The admin dashboard's course figures, with links to the reports."""

    name = "course_headline"
    template_name = "reports/home_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        return {
            "headline": queries.headline(),
            "reports": [
                (_("Learners"), reverse("course_reports:learners")),
                (_("Quiz results"), reverse("course_reports:quizzes")),
                (_("Item analysis"), reverse("course_reports:items")),
                (_("Re-teach map"), reverse("course_reports:reteach")),
            ],
        }
