"""The admin preview of a quiz (a draft or any revision): the paper as a learner would
see it, in authored order, never the answers (the template prints no right answer)."""

from types import SimpleNamespace

from .forms import PaperForm
from .paper import build_paper
from .snapshot import frozen_questions, snapshot_question


def preview_paper(quiz):
    """The quiz form of a preview. Works on unsaved questions and choices (a draft in the
    editor): they are numbered by position, not by id."""
    paper = []
    for number, question in enumerate(quiz.questions.all(), start=1):
        if question.retired:
            continue
        data = snapshot_question(question)
        data["id"] = question.pk or -number
        for index, choice in enumerate(data["choices"], start=1):
            choice["id"] = choice["id"] or -index
        paper.append(data)
    questions = frozen_questions(paper)
    attempt = SimpleNamespace(seed=0, question_ids=list(questions))
    return PaperForm(build_paper(attempt, questions, shuffle=False))
