"""The instructor reports: Wagtail ReportViews, so filters, sorting, pagination and
the CSV and XLSX downloads work as in Wagtail's own reports. Each reads a fixed
number of queries (see queries.py) whatever the number of learners."""

import html

from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from course.classes.privacy import learner_class_ids, learners_visible_to
from course.lessons.markdown import render_markdown
from course.lessons.models import LessonPage
from course.lessons.navigation import section_headings
from course.progress.rules import percent_complete
from course.progress.standing import course_structure
from course.quiz.models import Choice, Question, Quiz, Response

from . import queries
from .filters import FLAG_LABELS, ItemAnalysisFilterSet, LearnerFilterSet, MissedSectionFilterSet, QuizResultFilterSet
from .spreadsheet import SafeSpreadsheetExport

VIEW_REPORTS = "reports.view_reports"


def can_view_reports(user):
    return user.is_active and user.has_perm(VIEW_REPORTS)


def plain_text(markdown):
    return html.unescape(strip_tags(render_markdown(markdown))).strip()


def rounded(value, places):
    return None if value is None else round(value, places)


def as_percent(value, places=0):
    return "" if value is None else f"{value:.{places}f} %"


class PercentColumn(Column):
    """A per cent (0 to 100), or with `share=True` a share (0 to 1) shown as a per cent."""

    def __init__(self, name, share=False, places=0, **kwargs):
        super().__init__(name, **kwargs)
        self.share, self.places = share, places

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is not None and self.share:
            value *= 100
        return as_percent(value, self.places)


class IndexColumn(Column):
    """Facility or discrimination: two decimals."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else f"{value:.2f}"


class PicksColumn(Column):
    cell_template_name = "reports/cells/picks.html"


class FlagsColumn(Column):
    cell_template_name = "reports/cells/flags.html"


def sort_rows(rows, key, descending):
    """Sort plain rows on `key(row)`, rows without a value last either way."""
    present = [row for row in rows if key(row) is not None]
    missing = [row for row in rows if key(row) is None]
    return sorted(present, key=key, reverse=descending) + missing


class CourseReportView(SafeSpreadsheetExport, ReportView):
    """A report for users with the `reports.view_reports` permission (Instructors, superusers)."""

    permission_required = VIEW_REPORTS

    def user_has_permission(self, permission):
        return can_view_reports(self.request.user)

    def get_filtered_queryset(self):
        # get_queryset() filters already; ReportView would filter a second time.
        return self.get_queryset()

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def class_id(self):
        """The class chosen in the Class filter (one the user teaches), or None for all learners."""
        if self.filters is None or not self.filters.is_valid():
            return None
        course_class = self.filters.form.cleaned_data.get("course_class")
        return course_class.pk if course_class else None


class LearnersReportView(CourseReportView):
    page_title = _("Learners")
    header_icon = "group"
    index_url_name = "course_reports:learners"
    index_results_url_name = "course_reports:learners_results"
    filterset_class = LearnerFilterSet
    is_searchable = True
    search_fields = ["username", "display_name", "first_name", "last_name", "email"]
    default_ordering = "username"
    sort_fields = {
        "username": "username",
        "completion": "items_done",
        "modules": "modules_done",
        "last_activity": "last_activity",
        "certificate": "certificate__issued_at",
    }
    export_filename = "learners"
    export_headings = {
        "username": _("Username"),
        "name_for_display": _("Name"),
        "email": _("Email"),
        "completion_percent": _("Completion (%)"),
        "modules_done": _("Modules done"),
        "modules_total": _("Modules"),
        "last_activity": _("Last activity"),
        "certificate_issued_at": _("Certificate issued"),
    }
    list_export = list(export_headings)
    columns = [
        TitleColumn(
            "username",
            label=_("Learner"),
            sort_key="username",
            get_url=lambda learner: learner.class_page_url,  # their page in a class of the reader's, if any
        ),
        Column("name_for_display", label=_("Name")),
        PercentColumn("completion_percent", label=_("Completion"), sort_key="completion"),
        Column("modules_label", label=_("Modules done"), sort_key="modules"),
        DateColumn("last_activity", label=_("Last activity"), sort_key="last_activity"),
        Column("certificate_label", label=_("Certificate"), sort_key="certificate"),
    ]

    @cached_property
    def requirements(self):
        return queries.module_requirements(course_structure())

    @cached_property
    def items_total(self):
        return sum(module.items for module in self.requirements)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "items_total": self.items_total}

    def get_base_queryset(self):
        # Individual learners: an instructor sees those of the classes they teach; superusers all.
        learners = queries.learners()
        if not self.request.user.is_superuser:
            learners = learners.filter(pk__in=learners_visible_to(self.request.user).values("pk"))
        return queries.with_progress(learners, self.requirements)

    def order_queryset(self, queryset):
        field = F(self.sort_fields[self.ordering.lstrip("-")])
        # Learners without a certificate sort last both ways; ties in name order.
        first = field.desc(nulls_last=True) if self.ordering.startswith("-") else field.asc(nulls_last=True)
        return queryset.order_by(first, "username", "pk")

    def decorate_paginated_queryset(self, learners):
        modules_total = len(self.requirements)
        class_of = learner_class_ids(self.request.user, [learner.pk for learner in learners])
        for learner in learners:
            class_id = class_of.get(learner.pk)
            learner.class_page_url = reverse("classes_admin:learner", args=[class_id, learner.pk]) if class_id else None
            learner.completion_percent = percent_complete(
                learner.items_done, self.items_total
            )  # as the learner sees it
            learner.modules_total = modules_total
            learner.modules_label = f"{learner.modules_done} / {modules_total}"
            certificate = getattr(learner, "certificate", None)
            learner.certificate_issued_at = certificate.issued_at if certificate else None
            learner.certificate_label = (
                _("Yes, %(date)s") % {"date": f"{timezone.localtime(certificate.issued_at):%Y-%m-%d}"}
                if certificate
                else _("No")
            )
        return learners


class ListedReportView(CourseReportView):
    """A report whose rows are few (one per quiz, question or section): built in a fixed
    number of queries, sorted in Python, so no aggregate runs twice for a page count."""

    row_sort_keys = {}  # sort key -> function of a row; other keys keep the course order

    def get_rows(self):
        raise NotImplementedError

    def get_queryset(self):
        rows = self.get_rows()
        name, descending = self.ordering.lstrip("-"), self.ordering.startswith("-")
        if name in self.row_sort_keys:
            return sort_rows(rows, self.row_sort_keys[name], descending)
        return rows[::-1] if descending else rows


class QuizResultsReportView(ListedReportView):
    page_title = _("Quiz results")
    header_icon = "tasks"
    index_url_name = "course_reports:quizzes"
    index_results_url_name = "course_reports:quizzes_results"
    filterset_class = QuizResultFilterSet
    default_ordering = "course"
    row_sort_keys = {
        "title": lambda quiz: quiz.title.casefold(),
        "attempts": lambda quiz: quiz.attempt_count,
        "learners": lambda quiz: quiz.learner_count,
        "mean": lambda quiz: quiz.mean_score,
        "median": lambda quiz: quiz.median_score,
        "pass_rate": lambda quiz: quiz.pass_rate,
        "learners_passed": lambda quiz: quiz.learners_passed_rate,
    }
    export_filename = "quiz-results"
    export_headings = {
        "title": _("Quiz"),
        "kind_label": _("Kind"),
        "page.title": _("Lesson or module"),
        "pass_mark": _("Pass mark (%)"),
        "attempt_count": _("Attempts"),
        "learner_count": _("Learners"),
        "mean_score_export": _("Mean score (%)"),
        "median_score_export": _("Median score (%)"),
        "pass_rate_export": _("Pass rate (% of attempts)"),
        "learners_passed_export": _("Learners who passed (%)"),
    }
    list_export = list(export_headings)
    columns = [
        TitleColumn(
            "title",
            label=_("Quiz"),
            sort_key="title",
            get_url=lambda quiz: f"{reverse('course_reports:items')}?quiz={quiz.pk}",
        ),
        Column("page", label=_("Lesson or module"), accessor="page.title", sort_key="course"),
        Column("kind_label", label=_("Kind")),
        Column("attempt_count", label=_("Attempts"), sort_key="attempts"),
        Column("learner_count", label=_("Learners"), sort_key="learners"),
        PercentColumn("mean_score", label=_("Mean score"), places=1, sort_key="mean"),
        PercentColumn("median_score", label=_("Median score"), places=1, sort_key="median"),
        PercentColumn("pass_rate", label=_("Pass rate"), share=True, sort_key="pass_rate"),
        PercentColumn("learners_passed_rate", label=_("Learners who passed"), share=True, sort_key="learners_passed"),
    ]

    def get_rows(self):
        quizzes = self.filter_queryset(Quiz.objects.order_by(*queries.course_order(), "pk"))
        return queries.quiz_results(quizzes, self.class_id)

    def decorate_paginated_queryset(self, quizzes):
        for quiz in quizzes:
            quiz.kind_label = quiz.get_kind_display()
            quiz.mean_score_export = rounded(quiz.mean_score, 2)
            quiz.median_score_export = rounded(quiz.median_score, 2)
            quiz.pass_rate_export = rounded(quiz.pass_rate and 100 * quiz.pass_rate, 2)
            quiz.learners_passed_export = rounded(quiz.learners_passed_rate and 100 * quiz.learners_passed_rate, 2)
        return quizzes


class ItemAnalysisReportView(ListedReportView):
    page_title = _("Item analysis")
    header_icon = "crosshairs"
    index_url_name = "course_reports:items"
    index_results_url_name = "course_reports:items_results"
    results_template_name = "reports/item_analysis_results.html"
    filterset_class = ItemAnalysisFilterSet
    default_ordering = "course"
    row_sort_keys = {
        "answered": lambda row: row.figures.answered,
        "facility": lambda row: row.facility,
        "discrimination": lambda row: row.discrimination,
    }
    export_filename = "item-analysis"
    export_headings = {
        "question.quiz.title": _("Quiz"),
        "position": _("Question number"),
        "question.prompt": _("Question"),
        "type_label": _("Type"),
        "figures.answered": _("Learners"),
        "facility_export": _("Facility"),
        "discrimination_export": _("Discrimination"),
        "upper_mean_export": _("Upper 27 % mean credit"),
        "lower_mean_export": _("Lower 27 % mean credit"),
        "picks_export": _("Choices picked"),
        "flags_export": _("Flags"),
    }
    list_export = list(export_headings)
    columns = [
        TitleColumn(
            "prompt",
            label=_("Question"),
            accessor=lambda row: Truncator(plain_text(row.question.prompt)).chars(100),
            get_url=lambda row: reverse("wagtailsnippets_quiz_quiz:edit", args=[row.question.quiz_id]),
            sort_key="course",
        ),
        Column("quiz", label=_("Quiz"), accessor="question.quiz.title"),
        Column("type_label", label=_("Type")),
        Column("answered", label=_("Learners"), accessor="figures.answered", sort_key="answered"),
        IndexColumn("facility", label=_("Facility"), sort_key="facility"),
        IndexColumn("discrimination", label=_("Discrimination"), sort_key="discrimination"),
        PicksColumn("picks", label=_("Choices picked")),
        FlagsColumn("flag_labels", label=_("Flags")),
    ]
    flag_labels = FLAG_LABELS

    def get_rows(self):
        questions = self.filter_queryset(
            Question.objects.select_related("quiz")
            .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")))
            .order_by(*queries.course_order("quiz__"), "sort_order", "pk")
        )
        rows = [queries.ItemRow(question) for question in questions]
        flag = self.filters.form.cleaned_data.get("flag") if self.filters and self.filters.is_valid() else None
        if flag or self.ordering.lstrip("-") in self.row_sort_keys:
            # Sorting or filtering on the figures needs them for every question...
            queries.add_item_figures(rows, self.class_id)
        return [row for row in rows if flag in row.flags] if flag else rows

    def decorate_paginated_queryset(self, rows):
        # ...in course order only the shown page needs them: fewer quizzes to rank.
        queries.add_item_figures(rows, self.class_id)
        for row in rows:
            question = row.question
            row.position = (question.sort_order or 0) + 1
            row.type_label = question.get_type_display()
            row.facility_export = rounded(row.facility, 3)
            row.discrimination_export = rounded(row.discrimination, 3)
            row.upper_mean_export = rounded(row.figures.upper_mean, 3)
            row.lower_mean_export = rounded(row.figures.lower_mean, 3)
            row.picks_export = "; ".join(f"{label}: {count}" for label, count, _correct in row.picks)
            row.flag_labels = [self.flag_labels[flag] for flag in row.flags]
            row.flags_export = ", ".join(str(label) for label in row.flag_labels)
        return rows


class MissedSectionsReportView(ListedReportView):
    page_title = _("Re-teach map")
    header_icon = "redirect"
    index_url_name = "course_reports:reteach"
    index_results_url_name = "course_reports:reteach_results"
    results_template_name = "reports/reteach_results.html"
    filterset_class = MissedSectionFilterSet
    default_ordering = "-misses"
    row_sort_keys = {
        "misses": lambda section: section.misses,
        "answers": lambda section: section.answers,
        "questions": lambda section: section.questions,
        "miss_rate": lambda section: section.miss_rate,
    }
    export_filename = "re-teach-map"
    export_headings = {
        "lesson_title": _("Lesson"),
        "heading": _("Section"),
        "anchor": _("Anchor"),
        "url": _("Link"),
        "misses": _("Misses"),
        "answers": _("Answers"),
        "miss_rate_export": _("Missed (% of answers)"),
        "questions": _("Questions missed"),
    }
    list_export = list(export_headings)
    columns = [
        TitleColumn("label", label=_("Lesson section"), get_url=lambda section: section.url or None),
        Column("misses", label=_("Misses"), sort_key="misses"),
        Column("answers", label=_("Answers"), sort_key="answers"),
        PercentColumn("miss_rate", label=_("Missed"), share=True, sort_key="miss_rate"),
        Column("questions", label=_("Questions missed"), sort_key="questions"),
    ]

    def get_rows(self):
        return queries.missed_sections(self.filter_queryset(Response.objects.all()))

    def decorate_paginated_queryset(self, sections):
        pages = LessonPage.objects.in_bulk({section.page_id for section in sections})
        for section in sections:
            page = pages.get(section.page_id)
            page_url = (page.url or "") if page else ""
            section.lesson_title = page.title if page else ""
            section.url = f"{page_url}#{section.anchor}" if page_url and section.anchor else page_url
            # The heading by name (an anchor is a slug no one reads); an anchor no heading has any more stays visible.
            section.heading = section_headings().get((section.page_id, section.anchor), "") if section.anchor else ""
            heading = section.heading or (f"#{section.anchor}" if section.anchor else "")
            section.label = f"{section.lesson_title} › {heading}" if heading else section.lesson_title
            section.miss_rate_export = rounded(section.miss_rate and 100 * section.miss_rate, 2)
        return sections
