"""The Leitner schedule of spaced review, as pure functions over dates.

Five boxes; a card in box n comes back INTERVALS[n] days after it was last
answered. A right answer moves a card up a box (box 5 stays in box 5), a miss
sends it back to box 1. Callers pass `today`, so tests choose the date.
"""

from datetime import timedelta

INTERVALS = {1: 1, 2: 3, 3: 7, 4: 16, 5: 35}  # box -> days until the card is due again
FIRST_BOX, LAST_BOX = 1, 5


def schedule_miss(today):
    """(box, due date) after a miss, in a quiz or in review."""
    return FIRST_BOX, today + timedelta(days=INTERVALS[FIRST_BOX])


def schedule_right(box, today):
    """(box, due date) after a right answer in review."""
    box = min(max(box, FIRST_BOX) + 1, LAST_BOX)
    return box, today + timedelta(days=INTERVALS[box])


def schedule(box, right, today):
    return schedule_right(box, today) if right else schedule_miss(today)


def is_due(due_on, today):
    return due_on <= today
