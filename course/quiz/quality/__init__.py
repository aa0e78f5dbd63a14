"""Item quality: pure functions that flag item-writing flaws and measure a quiz's balance.

Anchored in Haladyna, Downing and Rodriguez, "A review of multiple-choice item-writing
guidelines for classroom assessment", Applied Measurement in Education 15(3), 2002: keep
options homogeneous in length and grammar so none cues the key, avoid "all/none of the
above", word stems positively (or make a negative stand out), avoid specific determiners
("never", "always") that give a statement away, vary the number and position of keys, and
test understanding rather than recall of trivia.

Everything here reads plain `Item`s, so the importer (`load_course` prints the warnings),
the tests and the admin (warnings when an instructor saves a quiz) share one set of rules.
`item_from_data` reads the importer's QuestionData, `item_from_question` a saved Question.

The package: `items` (the per-item flags and duplicates), `balance` (the figures against
the goals, test-wise and chance scores); this module puts them together for a quiz, a
parsed course and a quiz saved in the admin.
"""

from .balance import (
    GOAL_FALSE_SHARE,
    GOAL_LONGEST_KEY_SHARE,
    GOAL_MULTIPLE_MAX_SHARE,
    GOAL_NUMBER_RECALL_SHARE,
    MIN_ITEMS_FOR_A_SHARE,
    Balance,
    balance,
    chance_score,
    test_wise_score,
)
from .items import (
    ITEM_CHECKS,
    Flag,
    Item,
    duplicate_flags,
    is_number_recall,
    item_flags,
    item_from_data,
    item_from_question,
    key_is_longest,
)

__all__ = [
    "GOAL_FALSE_SHARE",
    "GOAL_LONGEST_KEY_SHARE",
    "GOAL_MULTIPLE_MAX_SHARE",
    "GOAL_NUMBER_RECALL_SHARE",
    "ITEM_CHECKS",
    "MIN_ITEMS_FOR_A_SHARE",
    "Balance",
    "Flag",
    "Item",
    "balance",
    "chance_score",
    "course_items",
    "course_report",
    "course_warnings",
    "duplicate_flags",
    "is_number_recall",
    "item_flags",
    "item_from_data",
    "item_from_question",
    "key_is_longest",
    "parsed_quizzes",
    "pool_flag",
    "quiz_warnings",
    "saved_quiz_flags",
    "test_wise_score",
]


def quiz_warnings(items):
    """Every flag for one quiz's items: per item, duplicates within the quiz."""
    flags = [flag for item in items for flag in item_flags(item)]
    return flags + duplicate_flags(items)


def course_warnings(quizzes):
    """`quizzes`: [(source, [Item])]. Per-item flags, duplicates across quizzes and the
    course's balance problems (per quiz the figures are too small to hold to goals)."""
    items = [item for _source, quiz_items in quizzes for item in quiz_items]
    flags = [flag for item in items for flag in item_flags(item)] + duplicate_flags(items)
    flags += [Flag("course", problem) for problem in balance(items).problems()]
    return flags


def pool_flag(label, kind, draw_count, pool_size, ratio=1.5):
    """A module quiz should draw each paper from a pool `ratio` times its length, so a retake
    is a different paper (lesson checks are for learning and may stay fixed)."""
    if kind != "module_quiz":
        return None
    if not draw_count or draw_count >= pool_size:
        return Flag(label, "a module quiz should draw its paper from a larger pool: set draw")
    if pool_size < ratio * draw_count:
        return Flag(label, f"the pool ({pool_size}) is under {ratio} times the paper ({draw_count})")
    return None


def parsed_quizzes(course):
    """Every quiz (importer QuizData) of a parsed course (importer CourseData), in course order."""
    found = []
    for module in course.modules:
        found += [lesson.check for lesson in module.lessons if lesson.check]
        if module.quiz:
            found.append(module.quiz)
    return found


def course_items(course):
    """[(source, [Item])] for every quiz of a parsed course (importer CourseData)."""
    return [
        (
            quiz.source,
            [
                item_from_data(question, f"{quiz.source}: question {number}")
                for number, question in enumerate(quiz.questions, start=1)
            ],
        )
        for quiz in parsed_quizzes(course)
    ]


def course_report(course):
    """Every warning for a parsed course: items, duplicates, balance and module-quiz pools."""
    flags = course_warnings(course_items(course))
    for quiz in parsed_quizzes(course):
        if flag := pool_flag(quiz.source, quiz.kind, quiz.draw_count, len(quiz.questions)):
            flags.append(flag)
    return flags


def saved_quiz_flags(quiz):
    """Warnings for a quiz saved in the admin: its items, their duplicates and its pool. The
    quiz may be a draft whose questions live only in its revision (not yet saved rows)."""
    questions = [question for question in quiz.questions.all() if not question.retired]
    questions.sort(key=lambda question: (question.sort_order, question.pk or 0))
    items = [item_from_question(question, f"Question {number}") for number, question in enumerate(questions, start=1)]
    flags = quiz_warnings(items)
    if flag := pool_flag("Pool", quiz.kind, quiz.draw_count, len(questions)):
        flags.append(flag)
    return flags
