"""Reads a submitted quiz form against the attempt's own paper.

`read_answers` turns POST data into answers in database terms (choice ids,
texts, numbers) or a list of errors; it never trusts anything the form did not
offer. `grade_answer` hands each answer to the pure functions in grading.py.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import grading
from .models import Confidence, QuestionType

MAX_TEXT_LENGTH = 200
MAX_NUMBER_LENGTH = 32
MAX_POSITION_LENGTH = 4  # int() of a long digit string is slow, or raises past 4,300 digits


@dataclass
class ReadAnswers:
    answers: dict = field(default_factory=dict)  # question id -> answer (JSON-ready)
    errors: dict = field(default_factory=dict)  # field name -> message
    unexpected_fields: list = field(default_factory=list)
    confidence: dict = field(default_factory=dict)  # question id -> "sure" / "guessing" (lesson checks)

    @property
    def ok(self):
        return not self.errors and not self.unexpected_fields


def _option(presented, token):
    for option in presented.options:
        if option.token == token:
            return option
    return None


def _read_one(presented, data):
    """(answer, error) for one question; answer None means unanswered."""
    question, name = presented.question, presented.field_name
    kind = question.type
    if kind in (QuestionType.ORDERING, QuestionType.MATCHING):
        one_value_fields = [f"{name}-{option.token}" for option in presented.options]
    else:
        one_value_fields = [] if kind == QuestionType.MULTIPLE else [name]
    if any(len(data.getlist(key)) > 1 for key in one_value_fields):
        # Radios, text boxes and selects send one value; more than one is a forged form.
        return None, _("Give one answer only.")
    if kind in (QuestionType.SINGLE, QuestionType.POLL):
        token = data.get(name)
        if token in (None, ""):
            return None, None
        option = _option(presented, token)
        return (option.choice.pk, None) if option else (None, _("Choose one of the options shown."))
    if kind == QuestionType.MULTIPLE:
        tokens = data.getlist(name)
        options = [_option(presented, token) for token in tokens]
        if None in options or len(set(tokens)) != len(tokens):
            return None, _("Choose only from the options shown.")
        return sorted(option.choice.pk for option in options), None
    if kind == QuestionType.TRUE_FALSE:
        value = data.get(name)
        if value in (None, ""):
            return None, None
        if value not in ("true", "false"):
            return None, _("Choose true or false.")
        return value == "true", None
    if kind == QuestionType.SHORT:
        value = data.get(name, "")
        if len(value) > MAX_TEXT_LENGTH:
            return None, _("Keep your answer under %(n)s characters.") % {"n": MAX_TEXT_LENGTH}
        if "\x00" in value:
            # PostgreSQL cannot store a NUL character in JSON.
            return None, _("Your answer holds characters that cannot be stored; type it again.")
        return (value.strip() or None), None
    if kind == QuestionType.NUMERIC:
        value = data.get(name, "").strip().replace(",", "")
        if not value:
            return None, None
        if len(value) > MAX_NUMBER_LENGTH:
            return None, _("That number is too long.")
        try:
            number = float(value)
        except ValueError:
            return None, _("Enter a number, for example 1949.")
        if not math.isfinite(number):
            return None, _("Enter a number, for example 1949.")
        return number, None
    if kind == QuestionType.ORDERING:
        positions = {}
        for option in presented.options:
            raw = data.get(f"{name}-{option.token}", "")
            if raw == "":
                continue
            # isdigit() alone lets through '²', which int() rejects.
            is_number = len(raw) <= MAX_POSITION_LENGTH and raw.isascii() and raw.isdigit()
            if not is_number or not 1 <= int(raw) <= len(presented.options):
                return None, _("Give each item a position from 1 to %(n)s.") % {"n": len(presented.options)}
            positions[option.choice.pk] = int(raw)
        if not positions:
            return None, None
        if len(positions) != len(presented.options) or len(set(positions.values())) != len(positions):
            return None, _("Give each item a different position, from 1 to %(n)s.") % {"n": len(presented.options)}
        return [choice_id for choice_id, _position in sorted(positions.items(), key=lambda item: item[1])], None
    if kind == QuestionType.MATCHING:
        pairs = {}
        targets = {target.token: target.text for target in presented.targets}
        for option in presented.options:
            raw = data.get(f"{name}-{option.token}", "")
            if raw == "":
                continue
            if raw not in targets:
                return None, _("Choose a match from the list for each item.")
            pairs[str(option.choice.pk)] = targets[raw]
        return (pairs or None), None
    return None, _("This question cannot be answered.")  # pragma: no cover - every type is handled


def confidence_field_name(presented):
    return f"{presented.field_name}-confidence"


def asks_confidence(presented):
    """Polls have no right answer, so there is nothing to be sure of."""
    return not presented.question.is_poll


def prepare_form(paper, errors, data, with_confidence=False):
    """What each question's inputs show (quiz and review pages): its error and, after a failed
    submit, the learner's input (`data`, the POST; None on first display)."""
    for presented in paper:
        name = presented.field_name
        presented.confidence_name = (
            confidence_field_name(presented) if with_confidence and asks_confidence(presented) else ""
        )
        presented.confidence_value = data.get(presented.confidence_name, "") if data else ""
        presented.error = errors.get(name)
        presented.positions_range = range(1, len(presented.options) + 1)
        presented.selected = set(data.getlist(name)) if data else set()
        presented.text_value = data.get(name, "") if data else ""
        presented.positions = (
            {option.token: data.get(f"{name}-{option.token}", "") for option in presented.options} if data else {}
        )


def expected_field_names(paper, with_confidence=False):
    names = {"csrfmiddlewaretoken", "action"}
    for presented in paper:
        names.add(presented.field_name)
        if with_confidence and asks_confidence(presented):
            names.add(confidence_field_name(presented))
        if presented.question.type in (QuestionType.ORDERING, QuestionType.MATCHING):
            names.update(f"{presented.field_name}-{option.token}" for option in presented.options)
    return names


def _read_confidence(presented, data):
    """(confidence, error): optional; "" when not given."""
    values = data.getlist(confidence_field_name(presented))
    if len(values) > 1:
        return "", _("Choose either sure or guessing, not both.")
    value = values[0] if values else ""
    if value and value not in Confidence.values:
        return "", _("Choose sure or guessing, or leave both empty.")
    return value, None


def read_answers(paper, data, with_confidence=False):
    """`with_confidence`: the form offers an optional sure/guessing pair per question (lesson checks)."""
    result = ReadAnswers()
    expected = expected_field_names(paper, with_confidence)
    result.unexpected_fields = sorted(key for key in data if key not in expected)
    for presented in paper:
        answer, error = _read_one(presented, data)
        if not error and with_confidence and asks_confidence(presented):
            confidence, error = _read_confidence(presented, data)
            if confidence:
                result.confidence[presented.question.pk] = confidence
        if error:
            result.errors[presented.field_name] = error
        else:
            result.answers[presented.question.pk] = answer
    return result


def grade_answer(question, answer):
    """Credit in [0, 1] for an answer in database terms."""
    choices = list(question.choices.all())
    kind = question.type
    if kind == QuestionType.SINGLE:
        correct = next((choice.pk for choice in choices if choice.is_correct), None)
        return grading.grade_single(correct, answer)
    if kind == QuestionType.MULTIPLE:
        return grading.grade_multiple([choice.pk for choice in choices if choice.is_correct], answer)
    if kind == QuestionType.TRUE_FALSE:
        return grading.grade_true_false(question.correct_boolean, answer)
    if kind == QuestionType.SHORT:
        return grading.grade_short(question.accepted_answer_list, answer)
    if kind == QuestionType.NUMERIC:
        return grading.grade_numeric(question.correct_number, question.tolerance, answer)
    if kind == QuestionType.ORDERING:
        return grading.grade_ordering([choice.pk for choice in choices], answer)
    if kind == QuestionType.MATCHING:
        return grading.grade_matching({str(choice.pk): choice.match_text for choice in choices}, answer)
    if kind == QuestionType.POLL:
        # Ungraded: full credit, so a poll is never "missed"; scores leave polls out (attempts.py).
        return 1.0
    return 0.0  # pragma: no cover


def correct_answer_text(question):
    """The right answer in words, for the review page."""
    choices = list(question.choices.all())
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return [choice.text for choice in choices if choice.is_correct]
    if kind == QuestionType.TRUE_FALSE:
        return [_("True") if question.correct_boolean else _("False")]
    if kind == QuestionType.SHORT:
        return question.accepted_answer_list[:1]
    if kind == QuestionType.NUMERIC:
        text = f"{question.correct_number:g}"
        return [f"{text} (± {question.tolerance:g})" if question.tolerance else text]
    if kind == QuestionType.ORDERING:
        return [choice.text for choice in choices]
    if kind == QuestionType.MATCHING:
        return [f"{choice.text} → {choice.match_text}" for choice in choices]
    return []  # polls have no right answer


def given_answer_text(question, answer):
    """The learner's answer in words, for the review page."""
    if answer is None or answer == [] or answer == {}:
        return []
    by_id = {choice.pk: choice for choice in question.choices.all()}
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.POLL):
        return [by_id[answer].text] if answer in by_id else []
    if kind in (QuestionType.MULTIPLE, QuestionType.ORDERING):
        return [by_id[choice_id].text for choice_id in answer if choice_id in by_id]
    if kind == QuestionType.TRUE_FALSE:
        return [_("True") if answer else _("False")]
    if kind == QuestionType.NUMERIC:
        return [f"{answer:g}"]
    if kind == QuestionType.MATCHING:
        return [f"{by_id[int(key)].text} → {value}" for key, value in answer.items() if int(key) in by_id]
    return [str(answer)]


def right_answer(question):
    """The full-credit answer in database terms (demo data and tests)."""
    choices = list(question.choices.all())
    kind = question.type
    if kind == QuestionType.SINGLE:
        return next(choice.pk for choice in choices if choice.is_correct)
    if kind == QuestionType.MULTIPLE:
        return sorted(choice.pk for choice in choices if choice.is_correct)
    if kind == QuestionType.TRUE_FALSE:
        return question.correct_boolean
    if kind == QuestionType.SHORT:
        return question.accepted_answer_list[0]
    if kind == QuestionType.NUMERIC:
        return question.correct_number
    if kind == QuestionType.ORDERING:
        return [choice.pk for choice in choices]
    if kind == QuestionType.MATCHING:
        return {str(choice.pk): choice.match_text for choice in choices}
    if kind == QuestionType.POLL:
        return choices[0].pk if choices else None
    return None  # pragma: no cover
