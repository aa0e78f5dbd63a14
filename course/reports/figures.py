"""The arithmetic behind the reports, as pure functions over plain numbers.

Item analysis follows the classical definitions:
- facility: the mean credit (0 to 1) learners earned on a question;
- discrimination: the mean credit of the upper 27 % of learners (ranked by quiz
  score) minus that of the lower 27 %; a question the strong get right and the
  weak get wrong scores near 1, a negative value means the strong do worse.
Each learner counts once per quiz, with their best submitted attempt.
"""

from course.progress.rules import percent_complete

UPPER_LOWER_PERCENT = 27
TOO_EASY_ABOVE = 0.9
TOO_HARD_BELOW = 0.3

TOO_EASY = "too_easy"
TOO_HARD = "too_hard"
MISLEADING = "misleading"


def group_size(learners):
    """How many learners form the upper (and the lower) group: 27 % of them, rounded half up.

    The SQL in queries.py computes the same with integers: (n * 27 + 50) / 100.
    """
    return (learners * UPPER_LOWER_PERCENT + 50) // 100


def discrimination(upper_mean, lower_mean):
    if upper_mean is None or lower_mean is None:
        return None
    return upper_mean - lower_mean


def item_flags(facility, discrimination_index):
    flags = []
    if facility is not None and facility > TOO_EASY_ABOVE:
        flags.append(TOO_EASY)
    if facility is not None and facility < TOO_HARD_BELOW:
        flags.append(TOO_HARD)
    if discrimination_index is not None and discrimination_index < 0:
        flags.append(MISLEADING)
    return flags


def share(part, whole):
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def median(values):
    values = sorted(values)
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def median_of_counts(value_counts):
    """The median of values given as (value, how many times) pairs."""
    pairs = sorted((value, count) for value, count in value_counts if count > 0)
    total = sum(count for _value, count in pairs)
    if not total:
        return None
    # The middle positions (1-based): one for an odd total, two for an even one.
    wanted = sorted({(total + 1) // 2, total // 2 + 1})
    found, seen = [], 0
    for value, count in pairs:
        seen += count
        while wanted and wanted[0] <= seen:
            found.append(value)
            wanted.pop(0)
    return sum(found) / len(found)


def items_for_percent(percent, items_total):
    """The fewest items done that show as at least `percent` % complete."""
    for items in range(items_total + 1):
        if percent_complete(items, items_total) >= percent:
            return items
    return items_total + 1  # more than 100 %: nobody


def tally_picks(answer_counts, choice_ids):
    """How often each choice was picked, from (answer, count) pairs.

    An answer is one choice id (single choice) or a list of them (multiple
    choice); ids that are not among `choice_ids` (a choice deleted since) and
    unanswered questions are left out.
    """
    picks = dict.fromkeys(choice_ids, 0)
    for answer, count in answer_counts:
        chosen = answer if isinstance(answer, list) else [answer]
        for choice_id in set(chosen):
            if choice_id in picks:
                picks[choice_id] += count
    return picks


def tally_true_false(answer_counts):
    picks = {True: 0, False: 0}
    for answer, count in answer_counts:
        if answer in picks and isinstance(answer, bool):
            picks[answer] += count
    return picks
