"""Form data that answers a quiz paper, as a browser would post it: for the benchmark,
the load test's preparation and the tests (a development tool, not part of the site)."""

from course.quiz.attempts import attempt_paper
from course.quiz.models import QuestionType
from course.quiz.question_types import right_answer


def form_data_for(paper, answers):
    """POST data answering `paper`; `answers` maps question id -> answer in database terms
    (as `course.quiz.question_types.right_answer` gives it). Unanswered questions are left out."""
    data = {}
    for presented in paper:
        answer = answers.get(presented.question.pk)
        if answer is None:
            continue
        for name, values in presented.kind.form_values(presented, answer).items():
            data[name] = values if presented.kind.type == QuestionType.MULTIPLE else values[0]
    return data


def right_form_data(attempt):
    """What a learner who knows every answer posts for this attempt."""
    paper, questions = attempt_paper(attempt)
    return form_data_for(paper, {pk: right_answer(question) for pk, question in questions.items()})
