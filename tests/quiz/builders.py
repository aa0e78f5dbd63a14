"""Quizzes with every question type, and form data that answers a paper.

Plain functions, shared by the quiz tests: `make_every_type_quiz` writes a quiz
to the database, `every_type_questions` builds the same questions in memory
(no database) for the pure grading tests, and `form_data_for` turns answers in
database terms into what a browser would post for one attempt's paper.
"""

from datetime import timedelta
from itertools import count, cycle

from django.http import QueryDict
from django.utils import timezone

from bs4 import BeautifulSoup

from course.quiz.models import Attempt, Choice, Question, QuestionType, Quiz, QuizKind
from devtools.answers import form_data_for, right_form_data  # noqa: F401 - also used by bench/, re-exported for the tests

# One question of each type. Authors tend to list the right answer first and
# ordering items in order; so do these, to show that nothing on the paper follows it.
QUESTION_SPECS = {
    QuestionType.SINGLE: {
        "prompt": "Which treaty founded NATO?",
        "explanation": "The North Atlantic Treaty of **1949** founded NATO.",
        "choices": [("The North Atlantic Treaty", True, ""), ("The Warsaw Pact", False, ""),
                    ("The Treaty of Rome", False, ""), ("The Helsinki Final Act", False, "")],
    },
    QuestionType.MULTIPLE: {
        "prompt": "Which of these make deterrence credible? Select all that apply.",
        "explanation": "Capability, resolve and communication; secrecy undermines it.",
        "choices": [("Capability", True, ""), ("Resolve", True, ""), ("Communication", True, ""),
                    ("Secrecy", False, ""), ("Neutrality", False, "")],
    },
    QuestionType.TRUE_FALSE: {
        "prompt": "Article 5 obliges every ally to use armed force.",
        "explanation": "Each ally takes such action as it deems necessary.",
        "correct_boolean": False,
    },
    QuestionType.SHORT: {
        "prompt": "Which article of the North Atlantic Treaty is the collective defence clause?",
        "explanation": "Article 5.",
        "accepted_answers": "Article 5\nArticle V",
    },
    QuestionType.NUMERIC: {
        "prompt": "In which year was NATO founded?",
        "explanation": "1949.",
        "correct_number": 1949,
        "tolerance": 0,
    },
    QuestionType.ORDERING: {
        "prompt": "Put these events in order.",
        "explanation": "1949, 1955, 1991, 1999.",
        "choices": [("NATO founded", False, ""), ("Warsaw Pact signed", False, ""),
                    ("Warsaw Pact dissolved", False, ""), ("First post-Cold War enlargement", False, "")],
    },
    QuestionType.MATCHING: {
        "prompt": "Match each alliance with the year it was founded.",
        "explanation": "NATO 1949, ANZUS 1951, Warsaw Pact 1955, CSTO 1992.",
        "choices": [("NATO", False, "1949"), ("ANZUS", False, "1951"),
                    ("Warsaw Pact", False, "1955"), ("CSTO", False, "1992")],
    },
}  # fmt: skip

ALL_TYPES = list(QUESTION_SPECS)
SECTION_ANCHOR = "section-0"


def _question_fields(kind, spec):
    fields = {key: value for key, value in spec.items() if key != "choices"}
    return {"type": kind, "points": 1, **fields}


def make_every_type_quiz(page, questions=None, section_page=None, **quiz_fields):
    """A quiz on `page` whose questions cycle through every type (7 gives one of each)."""
    quiz = Quiz.objects.create(
        title=f"Every type on {page.title}", kind=QuizKind.LESSON_CHECK, page=page, **quiz_fields
    )
    questions = questions or len(ALL_TYPES)
    kinds = cycle(ALL_TYPES)
    created = Question.objects.bulk_create(
        Question(
            quiz=quiz,
            sort_order=position,
            section_page=section_page,
            section_anchor=SECTION_ANCHOR if section_page else "",
            **_question_fields(kind, QUESTION_SPECS[kind]),
        )
        for position, kind in zip(range(questions), kinds, strict=False)
    )
    Choice.objects.bulk_create(
        Choice(question=question, sort_order=index, text=text, is_correct=is_correct, match_text=match_text)
        for question in created
        for index, (text, is_correct, match_text) in enumerate(QUESTION_SPECS[question.type].get("choices", []))
    )
    return quiz


def every_type_questions(first_pk=1000):
    """The same seven questions in memory, with primary keys and no database (modelcluster keeps the choices)."""
    pks = count(first_pk)
    questions = {}
    for kind, spec in QUESTION_SPECS.items():
        question = Question(pk=next(pks), **_question_fields(kind, spec))
        question.choices = [
            Choice(pk=next(pks), sort_order=index, text=text, is_correct=is_correct, match_text=match_text)
            for index, (text, is_correct, match_text) in enumerate(spec.get("choices", []))
        ]
        questions[question.pk] = question
    return questions


def as_querydict(data):
    """What Django makes of posted form data (lists become repeated fields)."""
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def move_deadline(attempt, seconds_from_now):
    """Set an attempt's deadline relative to now (negative: already past)."""
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=seconds_from_now))


def shown_values(html):
    """What the page's form would post as it is shown: {name: [values]}."""
    form = BeautifulSoup(html, "html.parser").select_one("form.quiz-form")
    shown = {}
    for field in form.select("input[type=radio][checked], input[type=checkbox][checked]"):
        shown.setdefault(field["name"], []).append(field["value"])
    for field in form.select("input[type=text]"):
        if field.get("value"):
            shown.setdefault(field["name"], []).append(field["value"])
    for select in form.select("select"):
        chosen = select.select_one("option[selected]")
        if chosen and chosen["value"]:
            shown.setdefault(select["name"], []).append(chosen["value"])
    return {name: sorted(values) for name, values in shown.items()}


def as_lists(data):
    return {name: sorted(value) if isinstance(value, list) else [value] for name, value in data.items()}
