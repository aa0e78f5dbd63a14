"""Each question type's grading rule, on plain data (no database)."""

import pytest

from course.quiz import grading


def test_single_choice_scores_only_the_right_choice():
    assert grading.grade_single(7, 7) == 1.0
    assert grading.grade_single(7, 8) == 0.0
    assert grading.grade_single(7, None) == 0.0


@pytest.mark.parametrize(
    ("chosen", "credit"),
    [
        ([1, 2, 3], 1.0),  # all three right ones
        ([1, 2], 2 / 3),  # two of three: partial credit
        ([1], 1 / 3),
        ([1, 2, 3, 4], 2 / 3),  # a wrong tick costs one right one
        ([1, 4], 0.0),
        ([1, 2, 3, 4, 5], 1 / 3),
        ([4, 5], 0.0),  # never below zero
        ([], 0.0),
        (None, 0.0),
    ],
)
def test_multiple_choice_gives_partial_credit(chosen, credit):
    assert grading.grade_multiple([1, 2, 3], chosen) == pytest.approx(credit)


def test_multiple_choice_ticking_everything_earns_nothing_when_half_are_wrong():
    assert grading.grade_multiple([1, 2], [1, 2, 3, 4]) == 0.0


def test_true_false_scores_the_right_value_and_nothing_for_no_answer():
    assert grading.grade_true_false(False, False) == 1.0
    assert grading.grade_true_false(False, True) == 0.0
    assert grading.grade_true_false(False, None) == 0.0
    assert grading.grade_true_false(True, True) == 1.0


@pytest.mark.parametrize("given", ["Article 5", "article 5", "  ARTICLE   5. ", "Article V", "árticle v!", "Article-5"])
def test_short_answer_ignores_case_spacing_punctuation_and_accents(given):
    assert grading.grade_short(["Article 5", "Article V"], given) == 1.0


@pytest.mark.parametrize("given", ["Article 4", "Article", "5", "", "   ", "...", None])
def test_short_answer_rejects_other_and_empty_answers(given):
    assert grading.grade_short(["Article 5", "Article V"], given) == 0.0


def test_short_answer_with_only_punctuation_never_matches_an_empty_accepted_answer():
    assert grading.grade_short(["?"], "!") == 0.0


@pytest.mark.parametrize(
    ("given", "credit"),
    [(1949, 1.0), (1949.0, 1.0), (1950, 0.0), (None, 0.0), (float("nan"), 0.0), (float("inf"), 0.0)],
)
def test_numeric_year_must_be_exact_without_tolerance(given, credit):
    assert grading.grade_numeric(1949, 0, given) == credit


def test_numeric_tolerance_is_inclusive_and_forgives_floating_point_noise():
    assert grading.grade_numeric(5.0, 0.5, 5.5) == 1.0
    assert grading.grade_numeric(5.0, 0.5, 4.5) == 1.0
    assert grading.grade_numeric(5.0, 0.5, 5.51) == 0.0
    assert grading.grade_numeric(0.3, 0, 0.1 + 0.2) == 1.0


@pytest.mark.parametrize(
    ("given", "credit"),
    [
        ([1, 2, 3, 4], 1.0),
        ([2, 1, 3, 4], 5 / 6),  # one neighbouring pair swapped: 5 of 6 pairs still in order
        ([1, 2, 4, 3], 5 / 6),
        ([4, 3, 2, 1], 0.0),  # reversed
        ([2, 3, 4, 1], 3 / 6),
    ],
)
def test_ordering_gives_credit_for_each_pair_in_the_right_order(given, credit):
    assert grading.grade_ordering([1, 2, 3, 4], given) == pytest.approx(credit)


@pytest.mark.parametrize("given", [None, [], [1, 2, 3], [1, 2, 3, 3], [1, 2, 3, 5], [1, 2, 3, 4, 5]])
def test_ordering_that_is_not_a_permutation_of_the_items_earns_nothing(given):
    assert grading.grade_ordering([1, 2, 3, 4], given) == 0.0


def test_matching_gives_credit_per_item_matched():
    correct = {"1": "1949", "2": "1951", "3": "1955", "4": "1992"}
    assert grading.grade_matching(correct, dict(correct)) == 1.0
    assert grading.grade_matching(correct, {"1": "1949", "2": "1955", "3": "1951", "4": "1992"}) == 0.5
    assert grading.grade_matching(correct, {"1": "1949"}) == 0.25
    assert grading.grade_matching(correct, {"9": "1949"}) == 0.0
    assert grading.grade_matching(correct, None) == 0.0


def test_attempt_score_weights_credit_by_points():
    assert grading.attempt_score([(1.0, 1), (0.5, 2), (0.0, 1)]) == 50.0
    assert grading.attempt_score([(2 / 3, 1)]) == 66.67
    assert grading.attempt_score([]) == 0.0


def test_pass_mark_is_reached_at_exactly_the_mark():
    assert grading.is_pass(70.0, 70)
    assert not grading.is_pass(69.99, 70)
