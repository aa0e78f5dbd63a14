"""Filters for the reports, as Wagtail's own reports do them (django-filter FilterSets)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

import django_filters

from course.classes.models import CourseClass
from course.lessons.models import ModulePage
from course.quiz.models import Question, QuestionType, Quiz, QuizKind, Response

from . import figures

FLAG_LABELS = {
    figures.TOO_EASY: _("Too easy"),
    figures.TOO_HARD: _("Too hard"),
    figures.MISLEADING: _("Misleading"),
}


def _modules(request):
    return ModulePage.objects.live().order_by("path")


def module_filter(path_field):
    """A "Module" filter: rows whose page (reached by `path_field`, a tree path) is in the module."""

    def in_module(queryset, name, module):
        return queryset.filter(**{f"{path_field}__startswith": module.path})

    return django_filters.ModelChoiceFilter(
        label=_("Module"), queryset=_modules, method=in_module, empty_label=_("Any")
    )


def _classes(request):
    return CourseClass.objects.taught_by(request.user) if request else CourseClass.objects.none()


def class_filter(learner_field=None):
    """A "Class" filter, offering the classes the user teaches (every class for a superuser).
    With `learner_field` it filters the rows itself; without, the view reads the class and
    narrows the attempts its figures are computed from."""

    def in_class(queryset, name, course_class):
        if learner_field is None:
            return queryset
        return queryset.filter(**{f"{learner_field}__in": course_class.memberships.values("learner_id")})

    return django_filters.ModelChoiceFilter(
        label=_("Class"), queryset=_classes, method=in_class, empty_label=_("All learners")
    )


def _quizzes(request):
    return Quiz.objects.select_related("page").order_by("page__path", "kind")


class LearnerFilterSet(WagtailFilterSet):
    certificate = django_filters.ChoiceFilter(
        label=_("Certificate"),
        choices=[("yes", _("Has a certificate")), ("no", _("No certificate yet"))],
        empty_label=_("Any"),
        method="filter_certificate",
    )
    completion_at_least = django_filters.NumberFilter(
        label=_("Completion at least (%)"), method="filter_completion", min_value=0, max_value=100
    )
    last_activity = django_filters.DateFromToRangeFilter(label=_("Last active"), widget=DateRangePickerWidget)
    course_class = class_filter("pk")

    class Meta:
        model = get_user_model()
        fields = ["certificate", "completion_at_least", "last_activity", "course_class"]

    def __init__(self, *args, items_total=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.items_total = items_total

    def filter_certificate(self, queryset, name, value):
        return queryset.filter(certificate__isnull=(value == "no"))

    def filter_completion(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(items_done__gte=figures.items_for_percent(value, self.items_total))


class QuizResultFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=QuizKind.choices, empty_label=_("Any"))
    module = module_filter("page__path")
    course_class = class_filter()

    class Meta:
        model = Quiz
        fields = ["kind", "module", "course_class"]


class ItemAnalysisFilterSet(WagtailFilterSet):
    quiz = django_filters.ModelChoiceFilter(label=_("Quiz"), queryset=_quizzes, empty_label=_("All quizzes"))
    module = module_filter("quiz__page__path")
    type = django_filters.ChoiceFilter(label=_("Question type"), choices=QuestionType.choices, empty_label=_("Any"))
    flag = django_filters.ChoiceFilter(
        label=_("Flag"),
        choices=list(FLAG_LABELS.items()),
        empty_label=_("Any"),
        method="keep_all",  # needs the computed figures: the view applies it
    )
    course_class = class_filter()

    class Meta:
        model = Question
        fields = ["quiz", "module", "type", "flag", "course_class"]

    def keep_all(self, queryset, name, value):
        return queryset


class MissedSectionFilterSet(WagtailFilterSet):
    module = module_filter("question__section_page__path")
    since = django_filters.DateFilter(
        label=_("Answered since"), field_name="attempt__submitted_at", lookup_expr="date__gte", widget=AdminDateInput
    )
    course_class = class_filter("attempt__learner_id")

    class Meta:
        model = Response
        fields = ["module", "since", "course_class"]
