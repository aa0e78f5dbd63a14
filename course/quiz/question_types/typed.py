"""Types answered by typing: a short text (with its typo and wording slack) or a number."""

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .. import grading
from .base import MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, QuestionKind, QuestionType, one_value

NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
LEADING_ARTICLES = ("the", "a", "an")


def typos_between(first, second, limit):
    """Edits (insert, delete, substitute, swap two neighbours) turning one text into the
    other, counted up to `limit + 1` (enough to say "more than allowed")."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if previous2 is not None and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class ShortAnswer(QuestionKind):
    """Typed answers. An answer is right when, normalised, it equals an accepted answer, or
    misses one of 6+ letters by one typo (one of 12+ letters by two). Normalising drops case,
    accents, punctuation, spacing and a leading article, and reads number words as digits
    ("four" is "4"). Numbers and single letters get no typo slack: "1948" is not "1949".
    Authors still list real variants (synonyms, British and American spelling, abbreviations):
    "licence production" is a variant, not a typo."""

    type = QuestionType.SHORT
    max_length = MAX_TEXT_LENGTH

    @staticmethod
    def normalise(text):
        words = grading.normalise_text(text).split()
        if len(words) > 1 and words[0] in LEADING_ARTICLES:
            words = words[1:]
        return " ".join(NUMBER_WORDS.get(word, word) for word in words)

    @staticmethod
    def typos_allowed(accepted):
        """Typos tolerated against one normalised accepted answer."""
        if any(ch.isdigit() for ch in accepted):
            return 0
        letters = sum(ch.isalpha() for ch in accepted)
        return 2 if letters >= 12 else 1 if letters >= 6 else 0

    def matches(self, accepted_answers, given):
        given = self.normalise(given or "")
        if not given:
            return False
        for accepted in map(self.normalise, accepted_answers):
            if not accepted:
                continue
            allowed = self.typos_allowed(accepted)
            if given == accepted or (allowed and typos_between(given, accepted, allowed) <= allowed):
                return True
        return False

    def clean(self, presented, values, draft=False):
        value = one_value(values, presented.field_name)
        if len(value) > MAX_TEXT_LENGTH:
            raise ValidationError(_("Keep your answer under %(n)s characters.") % {"n": MAX_TEXT_LENGTH})
        if "\x00" in value:
            # PostgreSQL cannot store a NUL character in JSON.
            raise ValidationError(_("Your answer holds characters that cannot be stored; type it again."))
        return value.strip() or None

    def form_values(self, presented, answer):
        return {presented.field_name: [str(answer)]}

    def grade(self, question, answer):
        return 1.0 if answer is not None and self.matches(question.accepted_answer_list, answer) else 0.0

    def right_answer(self, question):
        return question.accepted_answer_list[0]

    def wrong_answer(self, question, rng):
        return "not sure"

    def correct_text(self, question):
        return question.accepted_answer_list[:1]

    def read_yaml(self, reader, path, item, line, question):
        question.accepted_answers = reader.text_list(path, item, "accepted")


class Numeric(QuestionKind):
    type = QuestionType.NUMERIC
    max_length = MAX_NUMBER_LENGTH

    def clean(self, presented, values, draft=False):
        value = one_value(values, presented.field_name).strip().replace(",", "")
        if not value:
            return None
        if len(value) > MAX_NUMBER_LENGTH:
            raise ValidationError(_("That number is too long."))
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValidationError(_("Enter a number, for example 1949."))
        return number

    def form_values(self, presented, answer):
        return {presented.field_name: [f"{answer:g}" if float(answer).is_integer() else repr(answer)]}

    def grade(self, question, answer):
        return grading.grade_numeric(question.correct_number, question.tolerance, answer)

    def right_answer(self, question):
        return question.correct_number

    def wrong_answer(self, question, rng):
        return (question.correct_number or 0) + (abs(question.tolerance) + 1) * rng.choice([-10, -3, -1, 1, 3, 10])

    def correct_text(self, question):
        text = f"{question.correct_number:g}"
        return [f"{text} (± {question.tolerance:g})" if question.tolerance else text]

    def given_text(self, question, answer):
        return [f"{answer:g}"]

    def read_yaml(self, reader, path, item, line, question):
        answer, tolerance = item.get("answer"), item.get("tolerance", 0)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            reader.error(path, item.line_of("answer"), "a numeric question needs answer: a number")
        else:
            question.correct_number = float(answer)
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            reader.error(path, item.line_of("tolerance"), "tolerance must be a number of 0 or more")
        else:
            question.tolerance = float(tolerance)
