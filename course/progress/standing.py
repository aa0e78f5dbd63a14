"""Where a learner stands: the course structure (cached, shared by everyone) plus
the learner's own records, read in one query however big the course is."""

from dataclasses import dataclass, field

from django.db import connection

from course.capstone.models import Capstone, CapstoneResponse
from course.lessons.content_version import cached_content, content_version
from course.lessons.models import LessonPage, ModulePage
from course.operations.versioned import versioned_value
from course.quiz.models import Attempt, Quiz, QuizKind

from . import rules
from .learner_version import request_learner_version
from .models import LessonCompletion, LessonVisit


@dataclass
class LessonInfo:
    id: int
    title: str
    url: str
    number_label: str
    check_id: int | None
    first_published_at: object = None  # when the lesson joined the course (a datetime)
    state: str = rules.NOT_STARTED
    check: rules.QuizRecord = rules.NO_RECORD


@dataclass
class ModuleInfo:
    id: int
    number: int
    title: str
    url: str
    quiz_id: int | None
    lessons: list = field(default_factory=list)
    state: str = rules.NOT_STARTED
    quiz: rules.QuizRecord = rules.NO_RECORD

    @property
    def lessons_done(self):
        return sum(1 for lesson in self.lessons if lesson.state == rules.COMPLETE)

    @property
    def items_total(self):
        return len(self.lessons) + (1 if self.quiz_id else 0)

    @property
    def items_done(self):
        return self.lessons_done + (1 if self.quiz_id and self.quiz.passed else 0)

    @property
    def percent(self):
        return rules.percent_complete(self.items_done, self.items_total)


@dataclass
class CourseProgress:
    modules: list
    complete: bool = False
    records: dict = field(default_factory=dict)  # quiz id -> QuizRecord
    capstones: list = field(default_factory=list)  # [{"id", "title", "url", "submitted"}] of the course

    def quiz_record(self, quiz_id):
        return self.records.get(quiz_id, rules.NO_RECORD)

    @property
    def percent(self):
        done = sum(module.items_done for module in self.modules)
        total = sum(module.items_total for module in self.modules)
        return rules.percent_complete(done, total)

    def module(self, module_id):
        return next((module for module in self.modules if module.id == module_id), None)

    def lesson(self, lesson_id):
        for module in self.modules:
            for lesson in module.lessons:
                if lesson.id == lesson_id:
                    return lesson
        return None

    def lessons_added_since(self, moment):
        """Lessons published after `moment` (say, a certificate's issue) and not complete yet."""
        return [
            lesson
            for module in self.modules
            for lesson in module.lessons
            if lesson.first_published_at and lesson.first_published_at > moment and lesson.state != rules.COMPLETE
        ]

    @property
    def next_step(self):
        """The first unfinished lesson, or the module quiz that is all that remains of a module."""
        for module in self.modules:
            for lesson in module.lessons:
                if lesson.state != rules.COMPLETE:
                    return {"title": lesson.title, "url": lesson.url, "label": lesson.number_label}
            if module.quiz_id and not module.quiz.passed:
                return {"title": f"Module {module.number} quiz", "url": module.url + "#module-quiz", "label": ""}
        for capstone in self.capstones:
            if not capstone["submitted"]:
                return {"title": capstone["title"], "url": capstone["url"], "label": ""}
        return None


def build_structure():
    """[(module fields, [lesson fields])] for the live course: three queries."""
    quizzes = {(quiz["page_id"], quiz["kind"]): quiz["id"] for quiz in Quiz.objects.values("id", "page_id", "kind")}
    lessons_by_parent = {}
    for lesson in (
        LessonPage.objects.live()
        .order_by("path")
        .only("id", "title", "path", "url_path", "depth", "first_published_at")
    ):
        lessons_by_parent.setdefault(lesson.path[: -LessonPage.steplen], []).append(lesson)
    structure = []
    for module in ModulePage.objects.live().order_by("path").only("id", "title", "number", "path", "url_path"):
        lessons = [
            {
                "id": lesson.pk,
                "title": lesson.title,
                "url": lesson.url,
                "number_label": f"{module.number}.{position}",
                "check_id": quizzes.get((lesson.pk, QuizKind.LESSON_CHECK)),
                "first_published_at": lesson.first_published_at,
            }
            for position, lesson in enumerate(lessons_by_parent.get(module.path, []), start=1)
        ]
        structure.append(
            {
                "id": module.pk,
                "number": module.number,
                "title": module.title,
                "url": module.url,
                "quiz_id": quizzes.get((module.pk, QuizKind.MODULE_QUIZ)),
                "lessons": lessons,
            }
        )
    return structure


def course_structure():
    return cached_content("course-structure", build_structure)


def build_capstones():
    """[{"id", "title", "url"}] of the live course's capstones: one query."""
    return [
        {"id": capstone.pk, "title": capstone.title, "url": capstone.page.url}
        for capstone in Capstone.objects.filter(page__live=True).select_related("page").order_by("page__path")
    ]


def course_capstones():
    return cached_content("course-capstones", build_capstones)


# Read on every signed-in page, so written out once rather than composed by the ORM on
# each request (which costs more than running it): the learner's record on every quiz
# (best score, attempts submitted, any passed, the attempt still open), the lessons
# completed, the capstones submitted and the lessons opened, in one statement.
# Portable SQL: SQLite and PostgreSQL both run it.
LEARNER_RECORDS_SQL = f"""
    SELECT 'quiz', quiz_id,
           MAX(CASE WHEN submitted_at IS NOT NULL THEN score END),
           SUM(CASE WHEN submitted_at IS NOT NULL THEN 1 ELSE 0 END),
           SUM(CASE WHEN submitted_at IS NOT NULL AND passed THEN 1 ELSE 0 END),
           MAX(CASE WHEN submitted_at IS NULL THEN id END)
      FROM {Attempt._meta.db_table} WHERE learner_id = %s GROUP BY quiz_id
    UNION ALL
    SELECT 'lesson', lesson_id, NULL, NULL, NULL, NULL
      FROM {LessonCompletion._meta.db_table} WHERE learner_id = %s
    UNION ALL
    SELECT 'capstone', capstone_id, NULL, NULL, NULL, NULL
      FROM {CapstoneResponse._meta.db_table} WHERE learner_id = %s
    UNION ALL
    SELECT 'opened', lesson_id, NULL, NULL, NULL, NULL
      FROM {LessonVisit._meta.db_table} WHERE learner_id = %s
"""  # noqa: S608 - table names from the models, the learner's id as a parameter


def learner_records(learner):
    """({quiz id: QuizRecord}, {ids of lessons completed}, {ids of capstones submitted},
    {ids of lessons opened}) for one learner: one query."""
    records, completed, submitted, opened = {}, set(), set(), set()
    with connection.cursor() as cursor:
        cursor.execute(LEARNER_RECORDS_SQL, [learner.pk] * 4)
        for kind, object_id, best, attempts, passes, open_attempt_id in cursor.fetchall():
            if kind == "lesson":
                completed.add(object_id)
            elif kind == "capstone":
                submitted.add(object_id)
            elif kind == "opened":
                opened.add(object_id)
            else:
                records[object_id] = rules.QuizRecord(best, passes > 0, attempts, open_attempt_id)
    return records, completed, submitted, opened


def learner_progress(learner):
    if not learner.is_authenticated:
        return progress_from_records({}, set())
    records, marked_read, submitted, opened = learner_records(learner)
    return progress_from_records(records, marked_read, submitted, opened=opened)


def progress_from_records(records, marked_read, submitted=frozenset(), structure=None, opened=frozenset()):
    """CourseProgress from one learner's records ({quiz id: QuizRecord}, {lesson ids
    completed}, {capstone ids submitted}, {lesson ids opened}): no query but the cached
    structure. Also used for a whole class at once."""
    modules = []
    for module_data in course_structure() if structure is None else structure:
        module = ModuleInfo(**{**module_data, "lessons": []})
        for lesson_data in module_data["lessons"]:
            lesson = LessonInfo(**lesson_data)
            lesson.check = records.get(lesson.check_id, rules.NO_RECORD)
            lesson.state = rules.lesson_state(
                lesson.check_id is not None, lesson.check, lesson.id in marked_read, lesson.id in opened
            )
            module.lessons.append(lesson)
        module.quiz = records.get(module.quiz_id, rules.NO_RECORD)
        module.state = rules.module_state(
            [lesson.state for lesson in module.lessons], module.quiz_id is not None, module.quiz
        )
        modules.append(module)
    capstones = [{**capstone, "submitted": capstone["id"] in submitted} for capstone in course_capstones()]
    progress = CourseProgress(modules=modules, records=records, capstones=capstones)
    progress.complete = rules.course_complete(
        [module.quiz.passed for module in modules if module.quiz_id], [c["submitted"] for c in capstones]
    )
    return progress


PROGRESS_CACHE_SECONDS = 24 * 60 * 60


def progress_for_request(request):
    """The signed-in learner's progress (None when signed out), once per request: kept under
    the learner's version (bumped by receivers on every write of their attempts, completions,
    visits, capstone answers and certificate) and the content version, so a warm page reads
    no records. Shared by the requests of this worker: callers must not change it."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_course_progress"):
        learner = request.user
        key = f"learner-progress:{learner.pk}:{request_learner_version(request)}:{content_version()}"
        request._course_progress = versioned_value(key, lambda: learner_progress(learner), PROGRESS_CACHE_SECONDS)
    return request._course_progress
