"""The Leitner schedule: pure functions over dates, with `today` passed in."""

from datetime import date

import pytest

from course.review.leitner import INTERVALS, is_due, schedule, schedule_miss, schedule_right

TODAY = date(2026, 3, 10)


def test_the_boxes_come_back_after_1_3_7_16_and_35_days():
    assert INTERVALS == {1: 1, 2: 3, 3: 7, 4: 16, 5: 35}


def test_a_miss_sends_a_card_to_box_1_due_tomorrow():
    assert schedule_miss(TODAY) == (1, date(2026, 3, 11))


@pytest.mark.parametrize(("box", "new_box", "due"), [
    (1, 2, date(2026, 3, 13)),
    (2, 3, date(2026, 3, 17)),
    (3, 4, date(2026, 3, 26)),
    (4, 5, date(2026, 4, 14)),
])  # fmt: skip
def test_a_right_answer_moves_a_card_up_a_box_and_schedules_it_that_many_days_later(box, new_box, due):
    assert schedule_right(box, TODAY) == (new_box, due)


def test_a_card_in_the_last_box_stays_there_35_days_at_a_time():
    assert schedule_right(5, TODAY) == (5, date(2026, 4, 14))


def test_a_miss_in_any_box_starts_again_from_box_1():
    assert all(schedule(box, False, TODAY) == (1, date(2026, 3, 11)) for box in range(1, 6))


def test_the_schedule_crosses_months_and_years():
    assert schedule_right(4, date(2026, 12, 20)) == (5, date(2027, 1, 24))


def test_a_card_is_due_on_its_date_and_after_but_not_before():
    assert is_due(TODAY, TODAY)
    assert is_due(date(2026, 3, 1), TODAY)
    assert not is_due(date(2026, 3, 11), TODAY)
