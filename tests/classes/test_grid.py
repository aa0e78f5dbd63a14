"""The class grid against hand-computed figures, its sorting, and its query count
from 10 to 1,000 learners (the page's and the export's)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from course.classes.exports import grid_file
from course.classes.grid import build_grid, sort_rows
from course.classes.models import Membership, ModuleDueDate
from course.lessons.models import LessonPage
from course.progress import rules
from course.quiz.models import Attempt, Quiz, QuizKind
from tests.conftest import warm_query_count

from .conftest import submit

pytestmark = pytest.mark.django_db

DAY = 24 * 60


@pytest.fixture
def module(make_module):
    return make_module(lessons=3)


@pytest.fixture
def quizzes(module):
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    checks = [Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK) for lesson in lessons]
    return checks, Quiz.objects.get(page=module, kind=QuizKind.MODULE_QUIZ)


@pytest.fixture
def class_of_four(seminar, learner, make_user, quizzes, module):
    """a: checks 1 and 2 passed (100, 80), check 3 failed (50), no module quiz.
    b: everything passed three days ago, module quiz 60 then 90.
    c: nothing at all.  d: the module quiz once, 40.
    The module was due yesterday: a, c and d are late; b finished in time."""
    checks, module_quiz = quizzes
    a = learner
    b, c, d = (make_user(name) for name in ("bea", "cal", "dee"))
    for user in (b, c, d):
        Membership.objects.create(course_class=seminar, learner=user)
    submit(a, checks[0], 100.0)
    submit(a, checks[1], 80.0)
    submit(a, checks[2], 50.0)
    for check in checks:
        submit(b, check, 100.0, minutes_ago=3 * DAY)
    submit(b, module_quiz, 60.0, minutes_ago=3 * DAY + 30)
    submit(b, module_quiz, 90.0, minutes_ago=3 * DAY)
    submit(d, module_quiz, 40.0)
    ModuleDueDate.objects.create(course_class=seminar, module=module, due_at=timezone.now() - timedelta(days=1))
    return {"a": a, "b": b, "c": c, "d": d}


def column_of(grid, module):
    return next(index for index, column in enumerate(grid.columns) if column.id == module.pk)


def cells_by_learner(grid, index):
    return {row.learner.username: row.cells[index] for row in grid.rows}


def test_module_cells_medians_and_late_work(seminar, class_of_four, module):
    grid = build_grid(seminar)
    index = column_of(grid, module)
    cells = cells_by_learner(grid, index)
    assert (cells["learner"].state, cells["learner"].percent, cells["learner"].best_score) == (
        rules.IN_PROGRESS,
        50,  # 2 of 4 items: two checks passed; a failed check and no module quiz
        None,
    )
    assert (cells["bea"].state, cells["bea"].percent, cells["bea"].best_score) == (rules.COMPLETE, 100, 90.0)
    assert (cells["cal"].state, cells["cal"].percent, cells["cal"].best_score) == (rules.NOT_STARTED, 0, None)
    assert (cells["dee"].state, cells["dee"].percent, cells["dee"].best_score) == (rules.IN_PROGRESS, 0, 40.0)
    assert {name for name, cell in cells.items() if cell.late} == {"learner", "cal", "dee"}
    column = grid.columns[index]
    assert column.median_percent == 25  # median of 50, 100, 0, 0
    assert column.median_score == 65  # median of 90 and 40
    assert column.due_at is not None
    assert [learner.username for learner in grid.not_started] == ["cal"]


def test_lessons_on_demand(seminar, class_of_four, module):
    grid = build_grid(seminar, module_id=module.pk)
    assert [column.label for column in grid.columns] == ["99.1", "99.2", "99.3"]
    first, third = cells_by_learner(grid, 0), cells_by_learner(grid, 2)
    assert (first["learner"].state, first["learner"].best_score) == (rules.COMPLETE, 100.0)
    assert (third["learner"].state, third["learner"].best_score, third["learner"].late) == (
        rules.IN_PROGRESS,
        50.0,
        True,
    )
    assert (third["bea"].state, third["bea"].late) == (rules.COMPLETE, False)
    assert grid.columns[0].median_percent == 50  # 100, 100, 0, 0
    assert grid.columns[2].median_percent == 0  # 0, 100, 0, 0
    assert grid.columns[2].median_score == 75  # 50 and 100


def test_sorting_by_a_column_then_name(seminar, class_of_four, module):
    grid = build_grid(seminar)
    index = column_of(grid, module)
    order = [row.learner.username for row in sort_rows(grid.rows, f"-col{index}")]
    assert order == ["bea", "learner", "dee", "cal"]
    assert [row.learner.username for row in sort_rows(grid.rows, "name")] == ["bea", "cal", "dee", "learner"]
    assert [row.learner.username for row in sort_rows(grid.rows, "-late")][-1] == "bea"


def test_grid_page_shows_figures_and_not_started(seminar, class_of_four, module, instructor, login):
    page = login(instructor).get(f"/admin/classes/{seminar.pk}/grid/?sort=-progress")
    assert page.status_code == 200
    assert "1 learner has not started:" in page.text
    assert "best 90%" in page.text and "Late" in page.text
    assert 'aria-sort="descending"' in page.text
    lessons = login(instructor).get(f"/admin/classes/{seminar.pk}/grid/?module={module.pk}")
    assert "Lesson 99.1" in lessons.text


def add_learners(course_class, count, quizzes, start):
    """`count` learners with a passed check and a failed module quiz each."""
    checks, module_quiz = quizzes
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bulk-{start + n}", email=f"bulk-{start + n}@example.com", password="!")
        for n in range(count)
    )
    Membership.objects.bulk_create(Membership(course_class=course_class, learner=user) for user in users)
    now = timezone.now()
    Attempt.objects.bulk_create(
        Attempt(
            learner=user,
            quiz=quiz,
            seed=1,
            started_at=now - timedelta(minutes=10),
            submitted_at=now,
            score=score,
            passed=score >= 70,
        )
        for user in users
        for quiz, score in ((checks[0], 100.0), (module_quiz, 30.0))
    )


def test_query_count_is_flat_from_10_to_1000_learners(seminar, quizzes, instructor, login):
    client = login(instructor)
    add_learners(seminar, 9, quizzes, 0)
    url = f"/admin/classes/{seminar.pk}/grid/"
    small, _response = warm_query_count(client, url)
    export_small = export_queries(seminar)
    add_learners(seminar, 990, quizzes, 9)
    big, response = warm_query_count(client, url)
    assert "1000 learners" in response.text
    assert big == small
    # What the worker runs for an export: the grid's own queries, as flat.
    assert export_queries(seminar) == export_small <= small


def export_queries(course_class):
    with CaptureQueriesContext(connection) as queries:
        content, learners = grid_file(course_class, "xlsx")
    assert content and learners
    return len(queries)
