"""The class grid: learners x modules (and one module's lessons on demand), with
state, best score and late work, the class medians and who has not started.

Six queries whatever the class size: the learners, their quiz records, their
lesson completions, the lessons they opened, their capstone answers and the class's
due dates. Each learner's standing (course complete included: every module quiz
passed and the capstone submitted) then comes from progress's own rules
(`progress_from_records`), so the grid and the learner's dashboard can never disagree."""

from dataclasses import dataclass, field
from statistics import median

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from course.capstone.models import CapstoneResponse
from course.progress import rules
from course.progress.models import LessonCompletion, LessonVisit
from course.progress.standing import course_structure, progress_from_records
from course.quiz.models import Attempt

from .due import is_late
from .models import Membership, ModuleDueDate

STATE_ORDER = {rules.NOT_STARTED: 0, rules.IN_PROGRESS: 1, rules.COMPLETE: 2}


@dataclass
class Cell:
    state: str
    best_score: float | None = None
    percent: int = 0
    late: bool = False

    @property
    def sort_key(self):
        return (STATE_ORDER[self.state], self.percent, -1 if self.best_score is None else self.best_score)


@dataclass
class Row:
    learner: object
    progress: object
    cells: list  # one per column
    started: bool
    late_count: int = 0

    @property
    def percent(self):
        return self.progress.percent

    @property
    def course_complete(self):
        return self.progress.complete


@dataclass
class Column:
    id: int
    label: str
    title: str
    due_at: object = None
    median_percent: float | None = None
    median_score: float | None = None


@dataclass
class ClassGrid:
    columns: list
    rows: list
    module: object = None  # the module whose lessons are the columns, if any
    median_percent: float | None = None
    not_started: list = field(default_factory=list)


def members(course_class):
    return (
        get_user_model()
        .objects.filter(class_memberships__course_class=course_class)
        .only("id", "username", "email", "display_name", "first_name", "last_name")
        .order_by("username", "pk")
    )


@dataclass
class ClassRecords:
    quizzes: dict  # learner id -> {quiz id: QuizRecord}
    first_passes: dict  # learner id -> {quiz id: first pass}
    completions: dict  # learner id -> {lesson id: completed at}
    opened: dict  # learner id -> {lesson ids opened}
    submitted: dict  # learner id -> {capstone ids submitted}


def class_records(course_class):
    """The learning records of the whole class: four queries (attempts, completions, lessons
    opened, capstone answers) whatever its size."""
    learner_ids = Membership.objects.filter(course_class=course_class).values("learner_id")
    submitted = Q(submitted_at__isnull=False)
    rows = (
        Attempt.objects.filter(learner_id__in=learner_ids)
        .values("learner_id", "quiz_id")
        .annotate(
            best=Max("score", filter=submitted),
            submitted=Count("id", filter=submitted),
            passes=Count("id", filter=submitted & Q(passed=True)),
            open_id=Max("id", filter=Q(submitted_at__isnull=True)),
            first_pass=Min("submitted_at", filter=submitted & Q(passed=True)),
        )
        .order_by()
    )
    records, first_passes, completions = {}, {}, {}
    for row in rows:
        learner_id, quiz_id = row["learner_id"], row["quiz_id"]
        records.setdefault(learner_id, {})[quiz_id] = rules.QuizRecord(
            row["best"], row["passes"] > 0, row["submitted"], row["open_id"]
        )
        if row["first_pass"]:
            first_passes.setdefault(learner_id, {})[quiz_id] = row["first_pass"]
    for learner_id, lesson_id, completed_at in LessonCompletion.objects.filter(learner_id__in=learner_ids).values_list(
        "learner_id", "lesson_id", "completed_at"
    ):
        completions.setdefault(learner_id, {})[lesson_id] = completed_at
    opened, submitted = {}, {}
    for learner_id, lesson_id in LessonVisit.objects.filter(learner_id__in=learner_ids).values_list(
        "learner_id", "lesson_id"
    ):
        opened.setdefault(learner_id, set()).add(lesson_id)
    for learner_id, capstone_id in CapstoneResponse.objects.filter(learner_id__in=learner_ids).values_list(
        "learner_id", "capstone_id"
    ):
        submitted.setdefault(learner_id, set()).add(capstone_id)
    return ClassRecords(records, first_passes, completions, opened, submitted)


def module_done_at(module, first_passes, completions):
    """When the module was finished (the last of its required items), or None."""
    times = []
    for lesson in module.lessons:
        done = first_passes.get(lesson.check_id) if lesson.check_id else completions.get(lesson.id)
        if done is None:
            return None
        times.append(done)
    if module.quiz_id:
        if module.quiz_id not in first_passes:
            return None
        times.append(first_passes[module.quiz_id])
    return max(times, default=None)


def lesson_done_at(lesson, first_passes, completions):
    return first_passes.get(lesson.check_id) if lesson.check_id else completions.get(lesson.id)


def build_grid(course_class, module_id=None, now=None, structure=None):
    """The grid of the class; with `module_id`, that module's lessons as columns."""
    now = now or timezone.now()
    structure = course_structure() if structure is None else structure
    learners = list(members(course_class))
    records = class_records(course_class)
    due = dict(ModuleDueDate.objects.filter(course_class=course_class).values_list("module_id", "due_at"))
    module_data = next((module for module in structure if module["id"] == module_id), None)
    if module_data:
        columns = [Column(lesson["id"], lesson["number_label"], lesson["title"]) for lesson in module_data["lessons"]]
    else:
        columns = [
            Column(module["id"], str(module["number"]), module["title"], due.get(module["id"])) for module in structure
        ]
    rows = []
    for learner in learners:
        quiz_records = records.quizzes.get(learner.pk, {})
        lessons_done = records.completions.get(learner.pk, {})
        passes = records.first_passes.get(learner.pk, {})
        opened = records.opened.get(learner.pk, set())
        submitted = records.submitted.get(learner.pk, set())
        progress = progress_from_records(quiz_records, set(lessons_done), submitted, structure=structure, opened=opened)
        if module_data:
            module = progress.module(module_data["id"])
            due_at = due.get(module.id)
            cells = [
                Cell(
                    lesson.state,
                    lesson.check.best_score,
                    100 if lesson.state == rules.COMPLETE else 0,
                    is_late(due_at, lesson_done_at(lesson, passes, lessons_done), now),
                )
                for lesson in module.lessons
            ]
        else:
            cells = [
                Cell(
                    module.state,
                    module.quiz.best_score,
                    module.percent,
                    is_late(due.get(module.id), module_done_at(module, passes, lessons_done), now),
                )
                for module in progress.modules
            ]
        row = Row(learner, progress, cells, started=bool(quiz_records or lessons_done or opened or submitted))
        row.late_count = sum(1 for cell in cells if cell.late)
        rows.append(row)
    for index, column in enumerate(columns):
        column.median_percent = median_or_none([row.cells[index].percent for row in rows])
        column.median_score = median_or_none(
            [row.cells[index].best_score for row in rows if row.cells[index].best_score is not None]
        )
    return ClassGrid(
        columns=columns,
        rows=rows,
        module=module_data,
        median_percent=median_or_none([row.percent for row in rows]),
        not_started=[row.learner for row in rows if not row.started],
    )


def median_or_none(values):
    return median(values) if values else None


SORTS = {
    "name": lambda row: (row.learner.username.casefold(),),
    "progress": lambda row: (row.percent, row.learner.username.casefold()),
    "late": lambda row: (row.late_count, row.learner.username.casefold()),
}


def sort_rows(rows, sort):
    """`sort` is name, progress, late or col<index>, with "-" for descending; unknown keys sort by name."""
    descending, key = sort.startswith("-"), sort.lstrip("-")
    if key.startswith("col") and key[3:].isdigit():
        index = int(key[3:])
        if rows and index < len(rows[0].cells):
            return sorted(
                rows, key=lambda row: (row.cells[index].sort_key, row.learner.username.casefold()), reverse=descending
            )
    return sorted(rows, key=SORTS.get(key, SORTS["name"]), reverse=descending)
