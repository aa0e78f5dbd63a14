"""Grading: pure functions over plain data, one per question type.

Each returns a credit in [0, 1]. Answers arrive already parsed and validated
(see `course.quiz.question_types`); a missing answer is None and earns nothing.
"""

import math
import re
import string
import unicodedata
from itertools import combinations

_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}‘’“”–—…]")


def grade_single(correct_id, chosen_id):
    return 1.0 if chosen_id is not None and chosen_id == correct_id else 0.0


def grade_multiple(correct_ids, chosen_ids):
    """Select all that apply: +1 per right choice ticked, -1 per wrong one, over the number right.

    Ticking everything therefore earns nothing for a question with as many wrong
    choices as right ones, and the score never goes below zero.
    """
    correct_ids, chosen_ids = set(correct_ids), set(chosen_ids or ())
    if not correct_ids:
        return 1.0 if not chosen_ids else 0.0
    hits = len(chosen_ids & correct_ids)
    misses = len(chosen_ids - correct_ids)
    return max(0.0, (hits - misses) / len(correct_ids))


def grade_true_false(correct, given):
    return 1.0 if given is not None and given == correct else 0.0


def normalise_text(text):
    """Case, accents, punctuation and spacing do not matter: 'Article  V.' == 'article v'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCTUATION.sub(" ", text.casefold())
    return " ".join(text.split())


def grade_short(accepted_answers, given):
    if given is None:
        return 0.0
    given = normalise_text(given)
    return 1.0 if given and given in {normalise_text(answer) for answer in accepted_answers} else 0.0


def grade_numeric(correct, tolerance, given):
    if given is None or not math.isfinite(given):
        return 0.0
    # A little slack for floating-point noise (0.1 + 0.2 style).
    return 1.0 if abs(given - correct) <= abs(tolerance) + 1e-9 else 0.0


def grade_ordering(correct_order, given_order):
    """Share of item pairs put in the right relative order (1 when all are, 0 when reversed)."""
    correct_order = list(correct_order)
    if not given_order or sorted(given_order) != sorted(correct_order):
        return 0.0
    if len(correct_order) < 2:
        return 1.0
    rank = {item: position for position, item in enumerate(given_order)}
    pairs = list(combinations(correct_order, 2))
    right = sum(1 for earlier, later in pairs if rank[earlier] < rank[later])
    return right / len(pairs)


def grade_matching(correct_pairs, given_pairs):
    """Share of items matched to their partner. `correct_pairs` maps item -> partner."""
    if not correct_pairs:
        return 1.0
    given_pairs = given_pairs or {}
    right = sum(1 for item, partner in correct_pairs.items() if given_pairs.get(item) == partner)
    return right / len(correct_pairs)


def attempt_score(credits_and_points):
    """Per cent of points earned over (credit, points) pairs; 0 for an empty quiz."""
    possible = sum(points for _, points in credits_and_points)
    if not possible:
        return 0.0
    earned = sum(credit * points for credit, points in credits_and_points)
    return round(100 * earned / possible, 2)


def paper_score(graded_credits_and_points, answered):
    """An attempt's score: polls are left out (only graded questions are passed in); a paper
    of polls only, answered, scores 100 (there was nothing to miss)."""
    if graded_credits_and_points or not answered:
        return attempt_score(graded_credits_and_points)
    return 100.0


def is_pass(score, pass_mark):
    return score >= pass_mark
