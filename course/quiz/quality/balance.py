"""Balance figures: how a set of items measures against the goals of issue #23 (share of
longest keys, spread of keyed counts, true/false keyed false, bare-number recall), and the
scores a test-wise reader and a blind guesser would get."""

from collections import Counter
from dataclasses import dataclass, field

from .items import is_number_recall, key_is_longest

# The goals of issue #23, per course (and per quiz where a quiz has enough items to measure).
GOAL_LONGEST_KEY_SHARE = 0.30
GOAL_MULTIPLE_MAX_SHARE = 0.50
GOAL_FALSE_SHARE = (0.40, 0.60)
GOAL_NUMBER_RECALL_SHARE = 0.10
# Below these counts a share says little (one true/false item is 0 % or 100 % "false"), so
# `problems` holds a set of items to the goals only from this many items of the kind.
MIN_ITEMS_FOR_A_SHARE = 10


@dataclass
class Balance:
    graded: int = 0
    single: int = 0
    longest_key: int = 0
    multiple_key_counts: Counter = field(default_factory=Counter)
    true_false: int = 0
    keyed_false: int = 0
    number_recall: int = 0

    @property
    def longest_key_share(self):
        return self.longest_key / self.single if self.single else 0.0

    @property
    def multiple_max_share(self):
        total = sum(self.multiple_key_counts.values())
        return max(self.multiple_key_counts.values()) / total if total else 0.0

    @property
    def false_share(self):
        return self.keyed_false / self.true_false if self.true_false else 0.5

    @property
    def number_recall_share(self):
        return self.number_recall / self.graded if self.graded else 0.0

    def problems(self):
        """The goals this set of items misses, in words (empty when it meets them all)."""
        found = []
        enough = MIN_ITEMS_FOR_A_SHARE
        if self.single >= enough and self.longest_key_share > GOAL_LONGEST_KEY_SHARE:
            found.append(
                f"keyed option is the longest in {self.longest_key} of {self.single} single-choice items "
                f"({self.longest_key_share:.0%}; goal <= {GOAL_LONGEST_KEY_SHARE:.0%})"
            )
        if sum(self.multiple_key_counts.values()) >= enough and self.multiple_max_share > GOAL_MULTIPLE_MAX_SHARE:
            found.append(
                f"multiple choice keyed counts {dict(sorted(self.multiple_key_counts.items()))}: one count holds "
                f"{self.multiple_max_share:.0%} (goal <= {GOAL_MULTIPLE_MAX_SHARE:.0%})"
            )
        low, high = GOAL_FALSE_SHARE
        if self.true_false >= enough and not low <= self.false_share <= high:
            found.append(
                f"true/false keyed false in {self.keyed_false} of {self.true_false} ({self.false_share:.0%}; "
                f"goal {low:.0%}-{high:.0%})"
            )
        if self.graded >= enough and self.number_recall_share > GOAL_NUMBER_RECALL_SHARE:
            found.append(
                f"{self.number_recall} of {self.graded} items ask for a bare number or year "
                f"({self.number_recall_share:.0%}; goal <= {GOAL_NUMBER_RECALL_SHARE:.0%})"
            )
        return found

    def rows(self):
        """The figures as (cue, value) rows, for reports."""
        counts = sum(self.multiple_key_counts.values())
        spread = ", ".join(f"{k}: {n}" for k, n in sorted(self.multiple_key_counts.items()))
        return [
            (
                "single choice: keyed option is the longest",
                f"{self.longest_key} of {self.single} ({self.longest_key_share:.0%})",
            ),
            (
                "multiple choice: number of keyed options",
                f"{spread} of {counts} (largest {self.multiple_max_share:.0%})",
            ),
            ("true/false keyed false", f"{self.keyed_false} of {self.true_false} ({self.false_share:.0%})"),
            ("bare number or year recall", f"{self.number_recall} of {self.graded} ({self.number_recall_share:.0%})"),
        ]


def balance(items):
    figures = Balance()
    for item in items:
        if item.type == "poll":
            continue
        figures.graded += 1
        if item.type == "single":
            figures.single += 1
            figures.longest_key += key_is_longest(item)
        elif item.type == "multiple":
            figures.multiple_key_counts[sum(1 for _t, correct, _m in item.choices if correct)] += 1
        elif item.type == "true_false":
            figures.true_false += 1
            figures.keyed_false += item.correct_boolean is False
        figures.number_recall += is_number_recall(item)
    return figures


def test_wise_score(items):
    """The expected share of points a learner gets who reads no question: picks the longest
    option (a fair pick among equally long ones) and answers "false" to every statement."""
    earned = possible = 0.0
    for item in items:
        if item.type == "single":
            lengths = [len(text) for text, _c, _m in item.choices]
            longest = [c for (text, c, _m) in item.choices if len(text) == max(lengths)]
            earned += sum(longest) / len(longest)
            possible += 1
        elif item.type == "true_false":
            earned += item.correct_boolean is False
            possible += 1
    return earned / possible if possible else 0.0


def chance_score(items):
    """The same items answered by blind guessing: 1/options for single choice, 1/2 for true/false."""
    earned = possible = 0.0
    for item in items:
        if item.type == "single" and item.choices:
            earned += 1 / len(item.choices)
            possible += 1
        elif item.type == "true_false":
            earned += 0.5
            possible += 1
    return earned / possible if possible else 0.0
