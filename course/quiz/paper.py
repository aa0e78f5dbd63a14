"""What a learner sees for one attempt: which questions, in which order, with
which options. Everything is derived from the attempt's seed, so the same
attempt always looks the same (reload, resume, review) and nothing about the
order hints at the right answer.

Options are named by their position in this attempt ("0", "1", ...), never by
database id: ids follow authoring order, and authors often list the right
answer first or ordering items in order.
"""

import random
from dataclasses import dataclass, field

from .models import CHOICE_TYPES, QuestionType


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
    must_shuffle = shuffle or question.type in (QuestionType.ORDERING, QuestionType.MATCHING)
    if not must_shuffle:
        return choices
    rng = random.Random(f"choices:{seed}:{question.pk}")
    shuffled = choices[:]
    rng.shuffle(shuffled)
    if question.type == QuestionType.ORDERING and len(shuffled) > 1 and shuffled == choices:
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
        if question.type in CHOICE_TYPES:
            presented.options = [
                PresentedOption(str(position), choice.text, choice)
                for position, choice in enumerate(_ordered_choices(question, shuffle, attempt.seed))
            ]
        if question.type == QuestionType.MATCHING:
            presented.targets = [
                PresentedOption(str(position), text)
                for position, text in enumerate(matching_targets(question, attempt.seed))
            ]
        paper.append(presented)
    return paper
