"""The rules of the course (design.md), as pure functions over plain data.

- A lesson is complete when its check is passed, or, without a check, when marked read;
  opened but not complete, it is in progress.
- A module is complete when all its lessons are and its module quiz is passed.
- The course is complete (and earns the certificate) when every module quiz is passed and the
  capstone is submitted: the module quizzes measure what was learnt, the capstone applies it.
  Lesson checks are for learning and do not gate the certificate. Retakes: the best score counts.
"""

from dataclasses import dataclass

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETE = "complete"


@dataclass(frozen=True)
class QuizRecord:
    """A learner's record on one quiz: best score, whether any attempt passed, attempts
    submitted, and the attempt still open (started, not submitted), if any."""

    best_score: float | None = None
    passed: bool = False
    attempts: int = 0
    open_attempt_id: int | None = None


NO_RECORD = QuizRecord()


def lesson_state(has_check, check, marked_read, opened=False):
    """`opened`: the learner has opened the lesson (reading counts as started)."""
    if has_check:
        if check.passed:
            return COMPLETE
        return IN_PROGRESS if check.attempts or marked_read or opened else NOT_STARTED
    if marked_read:
        return COMPLETE
    return IN_PROGRESS if opened else NOT_STARTED


def module_state(lesson_states, has_quiz, quiz):
    lessons_done = all(state == COMPLETE for state in lesson_states)
    quiz_done = quiz.passed or not has_quiz
    if lessons_done and quiz_done:
        return COMPLETE
    if any(state != NOT_STARTED for state in lesson_states) or quiz.attempts:
        return IN_PROGRESS
    return NOT_STARTED


def percent_complete(done, total):
    return round(100 * done / total) if total else 0


def course_complete(module_quizzes_passed, capstones_submitted):
    """`module_quizzes_passed`: one bool per module quiz; `capstones_submitted`: one per capstone."""
    return bool(module_quizzes_passed) and all(module_quizzes_passed) and all(capstones_submitted)
