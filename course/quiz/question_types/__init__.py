"""Every question type in one place: one class per `QuestionType`, in `QUESTION_KINDS`.

A class knows everything about its type: which inputs the quiz form has for it
and the template that draws them, how to read and check what a learner posted
(`clean`, the inverse `form_values` for showing a saved answer again), how to
grade an answer, how to put the right and the given answer into words, the
full-credit and a plausible wrong answer (demo data and tests), and how the
importer reads it from a content file (`read_yaml`).

Answers are in database terms: choice ids, texts, numbers, never the tokens of
a paper (see paper.py). Adding a type: add it to `QuestionType`, write its
class in the family module it belongs to (or a new one), register it in
`QUESTION_KINDS` and add its template `templates/quiz/inputs/<value>.html`.

The package: `base` (QuestionType, QuestionKind, shared helpers), `choices` (single,
multiple, true/false, poll), `typed` (short answer, numeric) and `per_item` (ordering,
matching); this module holds the registry and the functions callers use.
"""

from .base import MAX_NUMBER_LENGTH, MAX_POSITION_LENGTH, MAX_TEXT_LENGTH, QuestionKind, QuestionType
from .choices import MultipleChoice, Poll, SingleChoice, TrueFalse
from .per_item import Matching, Ordering, yaml_text
from .typed import Numeric, ShortAnswer, typos_between

__all__ = [
    "MAX_NUMBER_LENGTH",
    "MAX_POSITION_LENGTH",
    "MAX_TEXT_LENGTH",
    "QUESTION_KINDS",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Ordering",
    "Poll",
    "QuestionKind",
    "QuestionType",
    "ShortAnswer",
    "SingleChoice",
    "TrueFalse",
    "correct_answer_text",
    "given_answer_text",
    "grade_answer",
    "is_unanswered",
    "question_kind",
    "right_answer",
    "typos_between",
    "yaml_text",
]


QUESTION_KINDS = {
    kind.type: kind
    for kind in (
        SingleChoice(),
        MultipleChoice(),
        TrueFalse(),
        ShortAnswer(),
        Numeric(),
        Ordering(),
        Matching(),
        Poll(),
    )
}


def question_kind(question):
    """The behaviour of `question`'s type."""
    return QUESTION_KINDS[question.type]


def is_unanswered(answer):
    return answer is None or answer == [] or answer == {}


def grade_answer(question, answer):
    """Credit in [0, 1] for an answer in database terms."""
    return question_kind(question).grade(question, answer)


def right_answer(question):
    """The full-credit answer in database terms (demo data and tests)."""
    return question_kind(question).right_answer(question)


def correct_answer_text(question):
    """The right answer in words, for the review page."""
    return question_kind(question).correct_text(question)


def given_answer_text(question, answer):
    """The learner's answer in words, for the review page."""
    return [] if is_unanswered(answer) else question_kind(question).given_text(question, answer)
