"""Types answered with a select per item: ordering (a position each) and matching (a partner each)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .. import grading
from .base import MAX_POSITION_LENGTH, QuestionKind, QuestionType, one_value, tokens_by_choice
from .choices import MultipleChoice


class _SelectPerItem(QuestionKind):
    """A select per item (ordering, matching), named <question>-<item token>."""

    has_options = True
    always_shuffled = True

    def input_names(self, presented):
        return [f"{presented.field_name}-{option.token}" for option in presented.options]

    def chosen(self, presented, values):
        """(item, value chosen) for each item given a value."""
        for option, name in zip(presented.options, self.input_names(presented), strict=True):
            raw = one_value(values, name)
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
        token_of = tokens_by_choice(presented)
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
        token_of = tokens_by_choice(presented)
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
