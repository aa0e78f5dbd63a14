"""What a learner was given: the questions of an attempt frozen when it opens.

The snapshot (Attempt.paper) holds, for each drawn question, everything the
paper, the grading and the review read: type, wording, points, the right answer
and the choices with their ids. Content edited or re-imported afterwards never
changes an attempt: an open attempt is graded against the paper it was given,
and a review shows the questions and options as they were.

`FrozenQuestion` reads like a Question to question_types/, paper.py and the
templates (same attribute names), so one code path serves both.
"""

from course.lessons.navigation import page_links, section_title

from .question_types import QuestionType

QUESTION_FIELDS = (
    "key",
    "type",
    "prompt",
    "explanation",
    "points",
    "section_page_id",
    "section_anchor",
    "correct_boolean",
    "accepted_answers",
    "correct_number",
    "tolerance",
    "poll_note",
)
CHOICE_FIELDS = ("key", "text", "is_correct", "match_text")


def snapshot_question(question):
    """One question as JSON: its fields and its current (not retired) choices, in order."""
    data = {"id": question.pk, **{name: getattr(question, name) for name in QUESTION_FIELDS}}
    data["choices"] = [
        {"id": choice.pk, **{name: getattr(choice, name) for name in CHOICE_FIELDS}}
        for choice in question.choices.all()
        if not choice.retired
    ]
    return data


def snapshot_paper(questions_in_order):
    return [snapshot_question(question) for question in questions_in_order]


class _FrozenChoices:
    """Stands in for a related manager: `.all()` is all a paper reads."""

    def __init__(self, choices):
        self._choices = choices

    def all(self):
        return list(self._choices)


class FrozenChoice:
    def __init__(self, data):
        self.pk = self.id = data["id"]
        for name in CHOICE_FIELDS:
            setattr(self, name, data.get(name, ""))

    def __str__(self):
        return self.text


class FrozenQuestion:
    def __init__(self, data):
        self.pk = self.id = data["id"]
        for name in QUESTION_FIELDS:
            setattr(self, name, data.get(name))
        self.choices = _FrozenChoices([FrozenChoice(choice) for choice in data.get("choices", [])])

    def __str__(self):
        return self.prompt[:80]

    def __eq__(self, other):
        # The same question as a live one (or another snapshot of it): compared by id, as models are.
        return getattr(other, "pk", None) == self.pk and type(other).__name__ in ("Question", "FrozenQuestion")

    def __hash__(self):
        return hash(self.pk)

    @property
    def is_poll(self):
        return self.type == QuestionType.POLL

    @property
    def accepted_answer_list(self):
        return [line.strip() for line in (self.accepted_answers or "").splitlines() if line.strip()]

    @property
    def section_url(self):
        page_url, _title = page_links().get(self.section_page_id, ("", ""))
        if not page_url:
            return ""
        return f"{page_url}#{self.section_anchor}" if self.section_anchor else page_url

    @property
    def section_title(self):
        return section_title(self.section_page_id, self.section_anchor) if self.section_page_id else ""

    @property
    def section_lesson_title(self):
        return page_links().get(self.section_page_id, ("", ""))[1]


def frozen_questions(paper):
    """{question id: FrozenQuestion} of a stored snapshot."""
    return {data["id"]: FrozenQuestion(data) for data in paper}
