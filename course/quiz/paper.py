"""What a learner sees for one attempt: which questions, in which order, with
which options. Everything is derived from the attempt's seed, so the same
attempt always looks the same (reload, resume, review) and nothing about the
order hints at the right answer.

Options are named by opaque tokens derived from the attempt's seed, never by
database id or position: ids follow authoring order (authors often list the
right answer first or ordering items in order), and a bare number is easy to
mistake for, or tamper into, an id.
"""

import hashlib
import random
from dataclasses import dataclass, field

from .question_types import question_kind


@dataclass
class PresentedOption:
    token: str
    text: str
    choice: object = None  # the Choice (server side only; templates print token and text)


@dataclass
class PresentedQuestion:
    number: int
    question: object
    options: list = field(default_factory=list)  # choices, ordering items or matching items
    targets: list = field(default_factory=list)  # matching: the texts items pair with

    @property
    def field_name(self):
        return f"q{self.number}"

    @property
    def kind(self):
        return question_kind(self.question)


def option_token(seed, question_id, value):
    """One option's name in one attempt: the same on every reload, meaningless in any other attempt."""
    return "o" + hashlib.blake2s(f"{seed}:{question_id}:{value}".encode(), digest_size=5).hexdigest()


def draw_question_ids(question_ids, draw_count, shuffle, seed):
    """The questions of a new attempt: all of them or `draw_count` at random, shuffled or in order."""
    question_ids = list(question_ids)
    rng = random.Random(f"draw:{seed}")
    if draw_count and draw_count < len(question_ids):
        chosen = set(rng.sample(question_ids, draw_count))
        question_ids = [qid for qid in question_ids if qid in chosen]
    if shuffle:
        rng.shuffle(question_ids)
    return question_ids


def _ordered_choices(question, shuffle, seed):
    choices = list(question.choices.all())
    kind = question_kind(question)
    if not (shuffle or kind.always_shuffled):
        return choices
    rng = random.Random(f"choices:{seed}:{question.pk}")
    shuffled = choices[:]
    rng.shuffle(shuffled)
    if kind.never_in_authored_order and len(shuffled) > 1 and shuffled == choices:
        # Never show an ordering question already in the right order.
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def matching_targets(question, seed):
    """The distinct partner texts of a matching question, in this attempt's order."""
    texts = sorted({choice.match_text for choice in question.choices.all()})
    random.Random(f"targets:{seed}:{question.pk}").shuffle(texts)
    return texts


def build_paper(attempt, questions_by_id, shuffle):
    """PresentedQuestions for an attempt; `questions_by_id` has choices prefetched."""
    paper = []
    for number, question_id in enumerate(attempt.question_ids, start=1):
        question = questions_by_id.get(question_id)
        if question is None:
            continue  # deleted by an instructor since the attempt began
        presented = PresentedQuestion(number=number, question=question)
        kind = presented.kind
        if kind.has_options:
            presented.options = [
                PresentedOption(option_token(attempt.seed, question.pk, f"choice:{choice.pk}"), choice.text, choice)
                for choice in _ordered_choices(question, shuffle, attempt.seed)
            ]
        if kind.has_targets:
            texts = matching_targets(question, attempt.seed)
            if len(texts) > 1 and texts == [option.choice.match_text for option in presented.options]:
                # Never line each item up with its partner in the list.
                texts = texts[1:] + texts[:1]
            presented.targets = [
                PresentedOption(option_token(attempt.seed, question.pk, f"target:{text}"), text) for text in texts
            ]
        paper.append(presented)
    return paper
