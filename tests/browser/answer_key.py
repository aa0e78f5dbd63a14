"""The right answers to an attempt, in the terms a learner sees on the page.

The take page names its fields q1, q2, ... in the attempt's own (shuffled)
order, and shows choices by their text; this maps each field to what a learner
who knows every answer would choose or type.
"""

from dataclasses import dataclass

from course.quiz.models import Attempt, Question, QuestionType


@dataclass(frozen=True)
class Answer:
    type: str
    labels: frozenset = frozenset()  # single, multiple, true_false, poll: the label texts to tick
    text: str = ""  # short, numeric: what to type
    selects: tuple = ()  # ordering, matching: (label of the select, option to pick)


def _number(value):
    return str(int(value)) if float(value).is_integer() else str(value)


def answer_key(attempt_id):
    """{field name: Answer} for every question of the attempt."""
    attempt = Attempt.objects.get(pk=attempt_id)
    questions = Question.objects.prefetch_related("choices").in_bulk(attempt.question_ids)
    key = {}
    for number, question_id in enumerate(attempt.question_ids, start=1):
        question = questions[question_id]
        choices = list(question.choices.all())
        if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
            answer = Answer(question.type, labels=frozenset(c.text for c in choices if c.is_correct))
        elif question.type == QuestionType.TRUE_FALSE:
            answer = Answer(question.type, labels=frozenset(["True" if question.correct_boolean else "False"]))
        elif question.type == QuestionType.SHORT:
            answer = Answer(question.type, text=question.accepted_answer_list[0])
        elif question.type == QuestionType.NUMERIC:
            answer = Answer(question.type, text=_number(question.correct_number))
        elif question.type == QuestionType.ORDERING:
            answer = Answer(question.type, selects=tuple((c.text, str(i)) for i, c in enumerate(choices, start=1)))
        elif question.type == QuestionType.MATCHING:
            answer = Answer(question.type, selects=tuple((c.text, c.match_text) for c in choices))
        elif question.type == QuestionType.POLL:
            answer = Answer(question.type, labels=frozenset([choices[0].text]))  # no right answer: any view
        else:
            raise ValueError(f"no answer key for {question.type} questions")
        key[f"q{number}"] = answer
    return key


def answer_with_pointer(page, attempt_id):
    """Fill the take page the ordinary way (Playwright's check, fill and select)."""
    for field, answer in answer_key(attempt_id).items():
        question = page.locator(f"fieldset#{field}")
        for label in answer.labels:
            question.get_by_label(label, exact=True).check()
        if answer.text:
            question.locator("input[type=text]").fill(answer.text)
        for label, option in answer.selects:
            question.get_by_label(label, exact=True).select_option(label=option)
