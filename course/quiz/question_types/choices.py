"""Types answered by picking among the choices shown: single, multiple, true/false and the poll."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .. import grading
from .base import QuestionKind, QuestionType, choice_by_token, one_value, read_choices, tokens_by_choice


class SingleChoice(QuestionKind):
    type = QuestionType.SINGLE
    has_options = True

    def clean(self, presented, values, draft=False):
        token = one_value(values, presented.field_name)
        if token == "":
            return None
        choice = choice_by_token(presented, token)
        if choice is None:
            raise ValidationError(_("Choose one of the options shown."))
        return choice.pk

    def form_values(self, presented, answer):
        return {presented.field_name: [tokens_by_choice(presented)[answer]]}

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
        if read_choices(reader, path, item, question, "a choice question") is None:
            return
        right = sum(1 for choice in question.choices if choice[1])
        if right != 1:
            reader.error(path, line, f"a single-choice question needs exactly one correct choice (has {right})")


class MultipleChoice(QuestionKind):
    type = QuestionType.MULTIPLE
    has_options = True

    def clean(self, presented, values, draft=False):
        tokens = values.get(presented.field_name, [])
        choices = [choice_by_token(presented, token) for token in tokens]
        if None in choices or len(set(tokens)) != len(tokens):
            raise ValidationError(_("Choose only from the options shown."))
        return sorted(choice.pk for choice in choices)

    def form_values(self, presented, answer):
        token_of = tokens_by_choice(presented)
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
        if read_choices(reader, path, item, question, "a choice question") is None:
            return
        if not any(choice[1] for choice in question.choices):
            reader.error(path, line, "a multiple-choice question needs at least one correct choice")


class TrueFalse(QuestionKind):
    type = QuestionType.TRUE_FALSE

    def clean(self, presented, values, draft=False):
        value = one_value(values, presented.field_name)
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
