"""The arithmetic of the reports, on plain numbers (no database)."""

import pytest

from course.reports import figures


@pytest.mark.parametrize(
    ("values", "expected"), [([], None), ([3], 3), ([5, 1, 3], 3), ([4, 1, 3, 2], 2.5), ([20, 20, 40, 80], 30)]
)
def test_median_of_values(values, expected):
    assert figures.median(values) == expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([], None),
        ([(40, 0)], None),
        ([(40, 3)], 40),
        ([(20, 3), (40, 4), (60, 2), (80, 1)], 40),
        ([(10, 1), (30, 1)], 20),
    ],
)
def test_median_of_value_counts_equals_the_median_of_the_values(counts, expected):
    assert figures.median_of_counts(counts) == expected
    assert figures.median([value for value, count in counts for _ in range(count)]) == expected


@pytest.mark.parametrize(
    ("learners", "size"), [(0, 0), (1, 0), (2, 1), (4, 1), (8, 2), (10, 3), (100, 27), (1000, 270)]
)
def test_group_size_is_27_percent_rounded_half_up(learners, size):
    assert figures.group_size(learners) == size


def test_discrimination_needs_both_groups():
    assert figures.discrimination(0.75, 0.25) == 0.5
    assert figures.discrimination(None, 0.25) is None
    assert figures.discrimination(0.75, None) is None


@pytest.mark.parametrize(
    ("facility", "discrimination", "flags"),
    [
        (0.9, 0.0, []),
        (0.91, 0.1, [figures.TOO_EASY]),
        (0.3, 0.1, []),
        (0.29, 0.1, [figures.TOO_HARD]),
        (0.5, -0.01, [figures.MISLEADING]),
        (0.2, -0.5, [figures.TOO_HARD, figures.MISLEADING]),
        (None, None, []),
    ],
)
def test_flags_use_strict_thresholds(facility, discrimination, flags):
    assert figures.item_flags(facility, discrimination) == flags


@pytest.mark.parametrize(("percent", "items"), [(0, 0), (14, 4), (15, 5), (50, 14), (100, 28), (101, 29)])
def test_items_for_percent_is_the_fewest_items_that_show_that_percent(percent, items):
    assert figures.items_for_percent(percent, 28) == items


def test_picks_count_single_ids_and_each_id_of_a_list_once():
    answers = [(11, 3), ([11, 12], 2), ([12, 12], 1), (99, 5)]
    assert figures.tally_picks(answers, [11, 12, 13]) == {11: 5, 12: 3, 13: 0}


def test_true_false_picks_ignore_anything_but_booleans():
    assert figures.tally_true_false([(True, 4), (False, 1), (1, 7)]) == {True: 4, False: 1}
