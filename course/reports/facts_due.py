"""The "Facts due for review" admin report: lessons and questions whose
review_by date has come, oldest first, for instructors to re-check.

It lives with the other instructor reports, which may read lessons and quizzes.
"""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from course.lessons.models import LessonPage
from course.quiz.models import Question
from course.reports.spreadsheet import SafeSpreadsheetExport


@dataclass
class DueItem:
    kind: str
    title: str
    where: str
    review_by: date
    facts_as_of: date | None
    edit_url: str


def can_review_facts(user):
    """Instructors and superusers: anyone who may edit course pages."""
    return user.is_active and PagePermissionPolicy().user_has_permission(user, "change")


def items_due_for_review(today):
    """Lessons and questions with review_by on or before `today`, oldest first: two queries."""
    items = [
        DueItem(
            kind=str(_("Lesson")),
            title=lesson.title,
            where=lesson.url_path,
            review_by=lesson.review_by,
            facts_as_of=lesson.facts_as_of,
            edit_url=reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        )
        for lesson in LessonPage.objects.filter(review_by__lte=today).only(
            "id", "title", "url_path", "review_by", "facts_as_of"
        )
    ]
    for question in Question.objects.filter(review_by__lte=today).select_related("quiz"):
        items.append(
            DueItem(
                kind=str(_("Question")),
                title=Truncator(question.prompt).chars(90),
                where=question.quiz.title,
                review_by=question.review_by,
                facts_as_of=question.facts_as_of,
                edit_url=reverse("wagtailsnippets_quiz_quiz:edit", args=[question.quiz_id]),
            )
        )
    return sorted(items, key=lambda item: (item.review_by, item.kind, item.title))


class FactsDueReportView(SafeSpreadsheetExport, ReportView):
    page_title = _("Facts due for review")
    header_icon = "date"
    index_url_name = "lessons_facts_due"
    index_results_url_name = "lessons_facts_due_results"
    results_template_name = "reports/facts_due_results.html"
    export_headings = {
        "kind": _("Kind"),
        "title": _("Lesson or question"),
        "where": _("Page or quiz"),
        "review_by": _("Review by"),
        "facts_as_of": _("Facts as of"),
    }
    list_export = list(export_headings)
    columns = [
        Column("kind", label=_("Kind")),
        TitleColumn("title", label=_("Lesson or question"), get_url=lambda item: item.edit_url),
        Column("where", label=_("Page or quiz")),
        DateColumn("review_by", label=_("Review by")),
        DateColumn("facts_as_of", label=_("Facts as of")),
    ]
    permission_required = "change"

    def user_has_permission(self, permission):
        return can_review_facts(self.request.user)

    def get_queryset(self):
        return items_due_for_review(timezone.localdate())

    def get_filename(self):
        return f"facts-due-for-review-{timezone.localdate():%Y-%m-%d}"
