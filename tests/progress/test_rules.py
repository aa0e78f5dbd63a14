"""The rules of the course as pure functions: no database, no Django."""

from course.progress import rules
from course.progress.rules import COMPLETE, IN_PROGRESS, NO_RECORD, NOT_STARTED, QuizRecord

FAILED = QuizRecord(best_score=40.0, passed=False, attempts=1)
PASSED = QuizRecord(best_score=80.0, passed=True, attempts=1)
# A pass on the second try, then a worse retake: the best score and the pass still count.
RETAKEN = QuizRecord(best_score=100.0, passed=True, attempts=3)


def test_lesson_with_check_is_not_started_without_attempts():
    assert rules.lesson_state(True, NO_RECORD, marked_read=False) == NOT_STARTED


def test_lesson_with_check_is_in_progress_after_a_failed_attempt():
    assert rules.lesson_state(True, FAILED, marked_read=False) == IN_PROGRESS


def test_lesson_with_check_is_complete_once_the_check_is_passed():
    assert rules.lesson_state(True, PASSED, marked_read=False) == COMPLETE


def test_lesson_with_check_is_complete_when_a_retake_passed_even_if_later_attempts_failed():
    assert rules.lesson_state(True, RETAKEN, marked_read=False) == COMPLETE


def test_marking_a_lesson_with_check_read_does_not_complete_it():
    assert rules.lesson_state(True, NO_RECORD, marked_read=True) == IN_PROGRESS
    assert rules.lesson_state(True, FAILED, marked_read=True) == IN_PROGRESS


def test_lesson_without_check_is_complete_only_when_marked_read():
    assert rules.lesson_state(False, NO_RECORD, marked_read=False) == NOT_STARTED
    assert rules.lesson_state(False, NO_RECORD, marked_read=True) == COMPLETE


def test_module_is_complete_when_all_lessons_are_and_its_quiz_is_passed():
    assert rules.module_state([COMPLETE, COMPLETE], True, PASSED) == COMPLETE


def test_module_is_not_complete_until_its_quiz_is_passed():
    assert rules.module_state([COMPLETE, COMPLETE], True, NO_RECORD) == IN_PROGRESS
    assert rules.module_state([COMPLETE, COMPLETE], True, FAILED) == IN_PROGRESS


def test_module_is_not_complete_with_an_unfinished_lesson_even_if_its_quiz_is_passed():
    assert rules.module_state([COMPLETE, NOT_STARTED], True, PASSED) == IN_PROGRESS


def test_module_counts_a_quiz_passed_on_a_retake():
    assert rules.module_state([COMPLETE], True, RETAKEN) == COMPLETE


def test_module_without_a_quiz_is_complete_when_its_lessons_are():
    assert rules.module_state([COMPLETE, COMPLETE], False, NO_RECORD) == COMPLETE


def test_module_is_not_started_until_something_is_done():
    assert rules.module_state([NOT_STARTED, NOT_STARTED], True, NO_RECORD) == NOT_STARTED


def test_module_is_in_progress_after_one_lesson_or_a_quiz_attempt():
    assert rules.module_state([IN_PROGRESS, NOT_STARTED], True, NO_RECORD) == IN_PROGRESS
    assert rules.module_state([NOT_STARTED, NOT_STARTED], True, FAILED) == IN_PROGRESS


def test_course_is_complete_when_every_module_quiz_is_passed_and_the_capstone_submitted():
    assert rules.course_complete([True, True, True], [True]) is True
    assert rules.course_complete([True, False, True], [True]) is False
    assert rules.course_complete([True, True, True], [False]) is False  # the capstone is required
    assert rules.course_complete([True], []) is True  # a course without a capstone


def test_a_course_without_module_quizzes_is_not_complete():
    assert rules.course_complete([], [True]) is False


def test_percent_complete_rounds_and_handles_an_empty_course():
    assert rules.percent_complete(1, 3) == 33
    assert rules.percent_complete(2, 3) == 67
    assert rules.percent_complete(4, 4) == 100
    assert rules.percent_complete(0, 0) == 0
