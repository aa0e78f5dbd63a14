"""Every question type in one place: one class per `QuestionType`, in `QUESTION_KINDS`.

A class knows everything about its type: which inputs the quiz form has for it
and the template that draws them, how to read and check what a learner posted
(`clean`, the inverse `form_values` for showing a saved answer again), how to
grade an answer, how to put the right and the given answer into words, the
full-credit and a plausible wrong answer (demo data and tests), and how the
importer reads it from a content file (`read_yaml`).

Answers are in database terms: choice ids, texts, numbers, never the tokens of
a paper (see paper.py). Adding a type: add it to `QuestionType`, write its
class here, register it in `QUESTION_KINDS` and add its template
`templates/quiz/inputs/<value>.html`.
"""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import grading

MAX_TEXT_LENGTH = 200
MAX_NUMBER_LENGTH = 32
MAX_POSITION_LENGTH = 4  # int() of a long digit string is slow, or raises past 4,300 digits


class QuestionType(models.TextChoices):
    SINGLE = "single", gettext_lazy("Single choice")
    MULTIPLE = "multiple", gettext_lazy("Multiple choice (select all that apply)")
    TRUE_FALSE = "true_false", gettext_lazy("True or false")
    SHORT = "short", gettext_lazy("Short answer")
    NUMERIC = "numeric", gettext_lazy("Numeric")
    ORDERING = "ordering", gettext_lazy("Ordering")
    MATCHING = "matching", gettext_lazy("Matching")
    POLL = "poll", gettext_lazy("Opinion poll (ungraded)")


def _one_value(values, name):
    """The single value a radio, text box or select sends for `name` ("" when none)."""
    sent = values.get(name, [])
    if len(sent) > 1:
        # One input sends one value; more than one is a forged form.
        raise ValidationError(_("Give one answer only."))
    return sent[0] if sent else ""


class QuestionKind:
    """The behaviour shared by every type; each subclass fills in its own rules."""

    type = None
    has_options = False  # the paper shows the question's choices, each under an opaque token
    always_shuffled = False  # shuffled even when the quiz does not shuffle (ordering, matching)
    never_in_authored_order = False  # ordering: the authored order is the answer
    has_targets = False  # matching: the texts items pair with
    graded = True

    @property
    def template_name(self):
        return f"quiz/inputs/{self.type.value}.html"

    # The form -----------------------------------------------------------------------------
    def input_names(self, presented):
        """The names of the inputs this question's template posts."""
        return [presented.field_name]

    def clean(self, presented, values, draft=False):
        """The answer in `values` ({input name: [posted values]}), None if unanswered; raises
        ValidationError for a value the form did not offer. A `draft` may be unfinished."""
        raise NotImplementedError

    def form_values(self, presented, answer):
        """What the inputs post for `answer`: the inverse of `clean` (resume, tests)."""
        raise NotImplementedError

    # Grading and words --------------------------------------------------------------------
    def grade(self, question, answer):
        raise NotImplementedError

    def right_answer(self, question):
        raise NotImplementedError

    def wrong_answer(self, question, rng):
        raise NotImplementedError

    def correct_text(self, question):
        raise NotImplementedError

    def given_text(self, question, answer):
        return [str(answer)]

    # Content files ------------------------------------------------------------------------
    def read_yaml(self, reader, path, item, line, question):
        """Fill `question` (importer QuestionData) from its YAML mapping; report errors on `reader`."""
        raise NotImplementedError


def _token_of(presented):
    return {option.choice.pk: option.token for option in presented.options}


def _choice_by_token(presented, token):
    return next((option.choice for option in presented.options if option.token == token), None)


def _read_choices(reader, path, item, question, what):
    """A list of `{text, correct}` choices, at least two."""
    choices = item.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        reader.error(path, item.line_of("choices"), f"{what} needs at least two choices")
        return None
    for index, choice in enumerate(choices):
        if not isinstance(choice, dict) or not str(choice.get("text", "")).strip():
            reader.error(path, choices.line_of(index), "each choice needs text")
            continue
        correct = choice.get("correct", False)
        if not isinstance(correct, bool):
            reader.error(path, choices.line_of(index), "correct must be true or false")
        question.choices.append((str(choice["text"]).strip(), correct is True, ""))
    return choices


class SingleChoice(QuestionKind):
    type = QuestionType.SINGLE
    has_options = True

    def clean(self, presented, values, draft=False):
        token = _one_value(values, presented.field_name)
        if token == "":
            return None
        choice = _choice_by_token(presented, token)
        if choice is None:
            raise ValidationError(_("Choose one of the options shown."))
        return choice.pk

    def form_values(self, presented, answer):
        return {presented.field_name: [_token_of(presented)[answer]]}

    def grade(self, question, answer):
        correct = next((choice.pk for choice in question.choices.all() if choice.is_correct), None)
        return grading.grade_single(correct, answer)

    def right_answer(self, question):
        return next(choice.pk for choice in question.choices.all() if choice.is_correct)

    def wrong_answer(self, question, rng):
        wrong = [choice.pk for choice in question.choices.all() if not choice.is_correct]
        # The first distractor draws most of the wrong answers, as a real one does.
        return rng.choices(wrong, weights=[3] + [1] * (len(wrong) - 1))[0] if wrong else None

    def correct_text(self, question):
        return [choice.text for choice in question.choices.all() if choice.is_correct]

    def given_text(self, question, answer):
        return [choice.text for choice in question.choices.all() if choice.pk == answer]

    def read_yaml(self, reader, path, item, line, question):
        if _read_choices(reader, path, item, question, "a choice question") is None:
            return
        right = sum(1 for choice in question.choices if choice[1])
        if right != 1:
            reader.error(path, line, f"a single-choice question needs exactly one correct choice (has {right})")


class MultipleChoice(QuestionKind):
    type = QuestionType.MULTIPLE
    has_options = True

    def clean(self, presented, values, draft=False):
        tokens = values.get(presented.field_name, [])
        choices = [_choice_by_token(presented, token) for token in tokens]
        if None in choices or len(set(tokens)) != len(tokens):
            raise ValidationError(_("Choose only from the options shown."))
        return sorted(choice.pk for choice in choices)

    def form_values(self, presented, answer):
        token_of = _token_of(presented)
        return {presented.field_name: [token_of[choice_id] for choice_id in answer]}

    def grade(self, question, answer):
        return grading.grade_multiple([c.pk for c in question.choices.all() if c.is_correct], answer)

    def right_answer(self, question):
        return sorted(choice.pk for choice in question.choices.all() if choice.is_correct)

    def wrong_answer(self, question, rng):
        right = self.right_answer(question)
        wrong = [choice.pk for choice in question.choices.all() if not choice.is_correct]
        picked = set(right)
        if right and (not wrong or rng.random() < 0.5):
            picked.discard(rng.choice(right))
        if wrong and rng.random() < 0.7:
            picked.add(rng.choice(wrong))
        return sorted(picked)

    def correct_text(self, question):
        return [choice.text for choice in question.choices.all() if choice.is_correct]

    def given_text(self, question, answer):
        by_id = {choice.pk: choice.text for choice in question.choices.all()}
        return [by_id[choice_id] for choice_id in answer if choice_id in by_id]

    def read_yaml(self, reader, path, item, line, question):
        if _read_choices(reader, path, item, question, "a choice question") is None:
            return
        if not any(choice[1] for choice in question.choices):
            reader.error(path, line, "a multiple-choice question needs at least one correct choice")


class TrueFalse(QuestionKind):
    type = QuestionType.TRUE_FALSE

    def clean(self, presented, values, draft=False):
        value = _one_value(values, presented.field_name)
        if value == "":
            return None
        if value not in ("true", "false"):
            raise ValidationError(_("Choose true or false."))
        return value == "true"

    def form_values(self, presented, answer):
        return {presented.field_name: ["true" if answer else "false"]}

    def grade(self, question, answer):
        return grading.grade_true_false(question.correct_boolean, answer)

    def right_answer(self, question):
        return question.correct_boolean

    def wrong_answer(self, question, rng):
        return not question.correct_boolean

    def correct_text(self, question):
        return [_("True") if question.correct_boolean else _("False")]

    def given_text(self, question, answer):
        return [_("True") if answer else _("False")]

    def read_yaml(self, reader, path, item, line, question):
        if not isinstance(item.get("answer"), bool):
            reader.error(path, item.line_of("answer"), "a true/false question needs answer: true or false")
        question.correct_boolean = item.get("answer") is True


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
        value = _one_value(values, presented.field_name)
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
        value = _one_value(values, presented.field_name).strip().replace(",", "")
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


class _SelectPerItem(QuestionKind):
    """A select per item (ordering, matching), named <question>-<item token>."""

    has_options = True
    always_shuffled = True

    def input_names(self, presented):
        return [f"{presented.field_name}-{option.token}" for option in presented.options]

    def chosen(self, presented, values):
        """(item, value chosen) for each item given a value."""
        for option, name in zip(presented.options, self.input_names(presented), strict=True):
            raw = _one_value(values, name)
            if raw != "":
                yield option, raw


class Ordering(_SelectPerItem):
    """Items put in order by giving each a position (a select per item: no drag and drop needed)."""

    type = QuestionType.ORDERING
    never_in_authored_order = True

    def clean(self, presented, values, draft=False):
        count = len(presented.options)
        positions = {}
        for option, raw in self.chosen(presented, values):
            # isdigit() alone lets through '²', which int() rejects.
            is_number = len(raw) <= MAX_POSITION_LENGTH and raw.isascii() and raw.isdigit()
            if not is_number or not 1 <= int(raw) <= count:
                raise ValidationError(_("Give each item a position from 1 to %(n)s.") % {"n": count})
            positions[option.choice.pk] = int(raw)
        if not positions:
            return None
        if len(positions) != count or len(set(positions.values())) != count:
            if draft:
                return None  # still being ordered: kept as typed, not yet an answer
            raise ValidationError(_("Give each item a different position, from 1 to %(n)s.") % {"n": count})
        return [choice_id for choice_id, _position in sorted(positions.items(), key=lambda item: item[1])]

    def form_values(self, presented, answer):
        token_of = _token_of(presented)
        return {
            f"{presented.field_name}-{token_of[choice_id]}": [str(position)]
            for position, choice_id in enumerate(answer, start=1)
        }

    def grade(self, question, answer):
        return grading.grade_ordering([choice.pk for choice in question.choices.all()], answer)

    def right_answer(self, question):
        return [choice.pk for choice in question.choices.all()]

    def wrong_answer(self, question, rng):
        order = self.right_answer(question)
        if len(order) > 1:
            index = rng.randrange(len(order) - 1)
            order[index], order[index + 1] = order[index + 1], order[index]
        return order

    def correct_text(self, question):
        return [choice.text for choice in question.choices.all()]

    given_text = MultipleChoice.given_text

    def read_yaml(self, reader, path, item, line, question):
        # Each item is its text, or {key, text} once load_course has given it a key.
        raw = item.get("items")
        texts = None
        if isinstance(raw, list):
            texts = [entry.get("text", "") if isinstance(entry, dict) else entry for entry in raw]
            if not all(isinstance(text, (str, int, float)) and str(text).strip() for text in texts):
                reader.error(path, item.line_of("items"), "each ordering item needs text")
                return
        items = [str(text).strip() for text in texts] if texts is not None else []
        if raw is None:
            reader.error(path, item.line, "missing items")
        if len(items) < 2:
            reader.error(path, item.line_of("items"), "an ordering question needs at least two items")
        if len(set(items)) != len(items):
            reader.error(path, item.line_of("items"), "ordering items must all differ")
        question.choices = [(text, False, "") for text in items]


def yaml_text(value):
    """A YAML scalar as text: dates (YAML reads 1949-04-04 as one) in ISO form."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip() if value is not None else ""


class Matching(_SelectPerItem):
    """Each item picks its partner from one list of texts (a select per item)."""

    type = QuestionType.MATCHING
    has_targets = True

    def clean(self, presented, values, draft=False):
        targets = {target.token: target.text for target in presented.targets}
        pairs = {}
        for option, raw in self.chosen(presented, values):
            if raw not in targets:
                raise ValidationError(_("Choose a match from the list for each item."))
            pairs[str(option.choice.pk)] = targets[raw]
        return pairs or None

    def form_values(self, presented, answer):
        token_of = _token_of(presented)
        target_of = {target.text: target.token for target in presented.targets}
        return {
            f"{presented.field_name}-{token_of[int(choice_id)]}": [target_of[partner]]
            for choice_id, partner in answer.items()
            if int(choice_id) in token_of and partner in target_of
        }

    def grade(self, question, answer):
        return grading.grade_matching(self.right_answer(question), answer)

    def right_answer(self, question):
        return {str(choice.pk): choice.match_text for choice in question.choices.all()}

    def wrong_answer(self, question, rng):
        pairs = self.right_answer(question)
        keys, texts = list(pairs), list(pairs.values())
        if len(texts) > 1:
            first, second = rng.sample(range(len(texts)), 2)
            texts[first], texts[second] = texts[second], texts[first]
        return dict(zip(keys, texts, strict=True))

    def correct_text(self, question):
        return [f"{choice.text} → {choice.match_text}" for choice in question.choices.all()]

    def given_text(self, question, answer):
        by_id = {choice.pk: choice.text for choice in question.choices.all()}
        return [f"{by_id[int(key)]} → {value}" for key, value in answer.items() if int(key) in by_id]

    def read_yaml(self, reader, path, item, line, question):
        pairs = item.get("pairs")
        if not isinstance(pairs, list) or len(pairs) < 2:
            reader.error(path, item.line_of("pairs"), "a matching question needs at least two pairs")
            return
        for index, pair in enumerate(pairs):
            if not isinstance(pair, dict) or "left" not in pair or "right" not in pair:
                reader.error(path, pairs.line_of(index), "each pair needs left and right")
                continue
            question.choices.append((yaml_text(pair["left"]), False, yaml_text(pair["right"])))
        lefts = [choice[0] for choice in question.choices]
        if len(set(lefts)) != len(lefts):
            reader.error(path, item.line_of("pairs"), "matching items (left) must all differ")


class Poll(SingleChoice):
    """An opinion poll: chosen like a single choice, never graded (full credit, left out of scores)."""

    type = QuestionType.POLL
    graded = False

    def grade(self, question, answer):
        # Full credit, so a poll is never "missed"; scores leave polls out (attempts.py).
        return 1.0

    def right_answer(self, question):
        choices = list(question.choices.all())
        return choices[0].pk if choices else None

    wrong_answer = right_answer

    def correct_text(self, question):
        return []  # polls have no right answer

    def read_yaml(self, reader, path, item, line, question):
        choices = item.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            reader.error(path, item.line_of("choices"), "a poll needs at least two choices")
            return
        for index, choice in enumerate(choices):
            text = choice.get("text", "") if isinstance(choice, dict) else choice
            if isinstance(choice, dict) and "correct" in choice:
                reader.error(path, choices.line_of(index), "a poll has no correct choice: remove correct")
            if not isinstance(text, str) or not text.strip():
                reader.error(path, choices.line_of(index), "each choice needs text")
                continue
            question.choices.append((text.strip(), False, ""))
        texts = [choice[0] for choice in question.choices]
        if len(set(texts)) != len(texts):
            reader.error(path, item.line_of("choices"), "poll choices must all differ")
        question.poll_note = reader.text(path, item, "note")


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
