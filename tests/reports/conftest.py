"""A small quiz history whose every report figure is worked out by hand below.

A new lesson ("Reports lesson", under module 1) has a check of five single-choice
questions, one point each (choice "Right" is correct). Eight learners, L1 to L8,
created and answering in that order. Their best attempts (credit per question):

         q1 q2 q3 q4 q5   score   position (score desc, then earlier attempt)
    L1    1  1  0  1  1    80     1  upper 27 %: (8 * 27 + 50) // 100 = 2 learners
    L2    1  0  0  1  1    60     2  upper
    L3    1  0  0  1  1    60     3
    L4    1  0  0  1  0    40     4
    L5    1  0  0  0  1    40     5
    L7    1  0  1  0  0    40     6
    L8    1  0  1  0  0    40     7  lower
    L6    1  0  0  0  0    20     8  lower

Other attempts: L1 first scored 20 (1 0 0 0 0); L6 took it twice with the same
score, so the first attempt is the best (its second answered "Also wrong" on q2).
L3 answered "Also wrong" on q2; every other wrong answer is "Wrong".

    facility:        q1 1.000  q2 0.125  q3 0.250  q4 0.500  q5 0.500
    upper mean:      q1 1      q2 0.5    q3 0      q4 1      q5 1
    lower mean:      q1 1      q2 0      q3 0.5    q4 0      q5 0
    discrimination:  q1 0      q2 0.5    q3 -0.5   q4 1      q5 1
    flags:           q1 too easy; q2 too hard; q3 too hard, misleading

Quiz results (ten submitted attempts, pass mark 70): 8 learners, mean 42.0,
median 40.0, pass rate 10 %, learners who passed 12.5 %.

Re-teach map (every submitted answer with credit < 1 is a miss): q1 links to
section "a" of lesson 1.1, q2 and q3 to section "b" of lesson 1.1, q5 to "c" of
the reports lesson, q4 to nothing. Misses: q2 9, q3 8, q4 6, q5 6. So section
"b": 17 misses of 20 answers, 2 questions; "c": 6 of 10, 1 question; "a": none.
"""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.quiz.models import Attempt, QuizKind, Response
from tests.conftest import make_quiz

CREDITS = {
    "L1": [(1, 0, 0, 0, 0), (1, 1, 0, 1, 1)],
    "L2": [(1, 0, 0, 1, 1)],
    "L3": [(1, 0, 0, 1, 1)],
    "L4": [(1, 0, 0, 1, 0)],
    "L5": [(1, 0, 0, 0, 1)],
    "L6": [(1, 0, 0, 0, 0), (1, 0, 0, 0, 0)],
    "L7": [(1, 0, 1, 0, 0)],
    "L8": [(1, 0, 1, 0, 0)],
}
# (learner, attempt index, question index) answered "Also wrong" instead of "Wrong".
ALSO_WRONG = {("L3", 0, 1), ("L6", 1, 1)}


class History:
    """The hand-computed data set: its quiz, questions, learners and sections."""

    def __init__(self, lesson, quiz, questions, learners):
        self.lesson, self.quiz, self.questions, self.learners = lesson, quiz, questions, learners


def record_attempt(learner, quiz, questions, credits, when, also_wrong=()):
    score = round(100 * sum(credits) / len(credits), 2)
    attempt = Attempt.objects.create(
        learner=learner,
        quiz=quiz,
        seed=1,
        question_ids=[question.pk for question in questions],
        started_at=when - timedelta(minutes=5),
        submitted_at=when,
        score=score,
        passed=score >= quiz.pass_mark,
    )
    for index, (question, credit) in enumerate(zip(questions, credits, strict=True)):
        choices = {choice.text: choice.pk for choice in question.choices.all()}
        answer = choices["Right"] if credit else choices["Also wrong" if index in also_wrong else "Wrong"]
        Response.objects.create(attempt=attempt, question=question, answer=answer, credit=credit)
    return attempt


@pytest.fixture
def history(make_user, lesson_1_1):
    module = ModulePage.objects.live().order_by("path").first()
    lesson = module.add_child(
        instance=LessonPage(
            title="Reports lesson",
            slug="reports-lesson",
            summary="A summary.",
            objectives="One",
            sources="- A source",
            body=[{"type": "markdown", "value": "## C\n\nText."}],
        )
    )
    quiz = make_quiz(lesson, QuizKind.LESSON_CHECK, questions=5)
    questions = list(quiz.questions.order_by("sort_order").prefetch_related("choices"))
    sections = [(lesson_1_1, "a"), (lesson_1_1, "b"), (lesson_1_1, "b"), (None, ""), (lesson, "c")]
    for question, (page, anchor) in zip(questions, sections, strict=True):
        question.section_page, question.section_anchor = page, anchor
        question.save()
    start = timezone.now() - timedelta(days=3)
    learners = {}
    for number, (name, attempts) in enumerate(CREDITS.items()):
        learners[name] = make_user(name)
        for index, credits in enumerate(attempts):
            also_wrong = {q for (who, a, q) in ALSO_WRONG if who == name and a == index}
            when = start + timedelta(minutes=10 * number + index)
            record_attempt(learners[name], quiz, questions, credits, when, also_wrong)
    return History(lesson, quiz, questions, learners)
