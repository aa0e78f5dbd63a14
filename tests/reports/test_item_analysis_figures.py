"""Facility, discrimination and flags against the hand-computed history (see conftest)."""

import pytest

from course.reports import figures, queries

pytestmark = pytest.mark.django_db

FACILITY = [1.0, 0.125, 0.25, 0.5, 0.5]
DISCRIMINATION = [0.0, 0.5, -0.5, 1.0, 1.0]
FLAGS = [
    [figures.TOO_EASY],
    [figures.TOO_HARD],
    [figures.TOO_HARD, figures.MISLEADING],
    [],
    [],
]


def rows_for(history):
    return queries.add_item_figures([queries.ItemRow(question) for question in history.questions])


def test_facility_is_the_mean_credit_of_each_learners_best_attempt(history):
    assert [row.facility for row in rows_for(history)] == pytest.approx(FACILITY)


def test_each_learner_counts_once(history):
    assert [row.figures.answered for row in rows_for(history)] == [8] * 5


def test_discrimination_is_upper_minus_lower_27_percent_by_quiz_score(history):
    assert [row.discrimination for row in rows_for(history)] == pytest.approx(DISCRIMINATION)


def test_the_groups_hold_27_percent_of_learners_each(history):
    row = rows_for(history)[0]
    assert (row.figures.upper_count, row.figures.lower_count) == (2, 2)


def test_flags_mark_too_easy_too_hard_and_misleading_questions(history):
    assert [row.flags for row in rows_for(history)] == FLAGS
