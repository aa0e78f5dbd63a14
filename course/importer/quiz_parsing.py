"""Quiz and capstone files. Each question type reads its own fields
(`read_yaml` in course/quiz/question_types/); this reads what all share."""

import datetime
import math
from dataclasses import dataclass, field

from course.quiz.models import MIN_POOL_RATIO, AnswersShown, QuizKind
from course.quiz.question_types import QUESTION_KINDS

from .keys import CHOICE_LISTS


@dataclass
class QuestionData:
    type: str
    prompt: str
    explanation: str
    key: str = ""  # stable identity across imports (course/importer/keys.py)
    points: int = 1
    section_lesson: str = ""  # lesson slug within the module
    section_anchor: str = ""
    choices: list = field(default_factory=list)  # (text, is_correct, match_text)
    choice_keys: list = field(default_factory=list)  # the key of each choice, "" if none yet
    correct_boolean: bool | None = None
    accepted_answers: list = field(default_factory=list)
    correct_number: float | None = None
    tolerance: float = 0
    facts_as_of: datetime.date | None = None
    review_by: datetime.date | None = None
    poll_note: str = ""  # polls: the positions states or scholars take (Markdown)
    line: int = 0


@dataclass
class QuizData:
    source: str
    title: str
    kind: str
    pass_mark: int = 70
    shuffle: bool = True
    draw_count: int | None = None
    time_limit_minutes: int | None = None
    answers_shown: str = ""  # review policy (Quiz.answers_shown): "" follows the kind
    answers_after_attempts: int | None = None
    retake_after_minutes: int | None = None
    questions: list = field(default_factory=list)


@dataclass
class CapstoneData:
    source: str
    title: str
    scenario: str
    prompts: list = field(default_factory=list)  # (prompt, model_answer)


def read_quiz(reader, path, kind, anchors_by_lesson, own_lesson):
    data = reader.mapping(path, reader.load(path), "a quiz file")
    if data is None:
        return None
    quiz = QuizData(
        source=reader.rel(path),
        title=reader.text(path, data, "title", max_length=200),
        kind=kind,
        pass_mark=reader.integer(path, data, "pass_mark", 70, 1, 100),
        draw_count=reader.integer(path, data, "draw", None, 1, 500),
        time_limit_minutes=reader.integer(path, data, "time_limit", None, 1, 600),
    )
    _read_review_policy(reader, path, data, quiz)
    shuffle = data.get("shuffle", True)
    if not isinstance(shuffle, bool):
        reader.error(path, data.line_of("shuffle"), "shuffle must be true or false")
    quiz.shuffle = bool(shuffle)
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        reader.error(path, data.line_of("questions"), "a quiz needs questions: a list")
        return quiz
    keys = set()
    for index, item in enumerate(questions):
        question = _read_question(reader, path, item, questions.line_of(index), anchors_by_lesson, own_lesson)
        if question:
            if question.key and question.key in keys:
                reader.error(path, item.line_of("key"), f"key '{question.key}' is used by another question")
            keys.add(question.key)
            quiz.questions.append(question)
    if quiz.draw_count and quiz.draw_count > len(questions):
        reader.error(
            path, data.line_of("draw"), f"draw is {quiz.draw_count} but the quiz has {len(questions)} questions"
        )
    elif quiz.draw_count and kind == QuizKind.MODULE_QUIZ and len(questions) < MIN_POOL_RATIO * quiz.draw_count:
        # So that a retake is a different paper, not the same one reshuffled.
        reader.error(
            path,
            data.line_of("draw"),
            f"a module quiz's pool must hold at least {MIN_POOL_RATIO} times the questions drawn: draw "
            f"{quiz.draw_count} needs {math.ceil(MIN_POOL_RATIO * quiz.draw_count)}, the quiz has {len(questions)}",
        )
    return quiz


def _read_review_policy(reader, path, data, quiz):
    """review: {answers: at_once | once_passed, after_attempts: N, retake_after_minutes: N}, all optional."""
    review = data.get("review")
    if review is None:
        return
    review = reader.mapping(path, review, "review")
    if review is None:
        return
    answers = review.get("answers", "")
    if answers not in AnswersShown.values:
        shown = ", ".join(value for value in AnswersShown.values if value)
        reader.error(path, review.line_of("answers"), f"review answers must be one of {shown}")
    else:
        quiz.answers_shown = answers
    quiz.answers_after_attempts = reader.integer(path, review, "after_attempts", None, 1, 100)
    quiz.retake_after_minutes = reader.integer(path, review, "retake_after_minutes", None, 0, 10080)


def _read_question(reader, path, item, line, anchors_by_lesson, own_lesson):
    if not isinstance(item, dict):
        reader.error(path, line, "each question must be a mapping with type, prompt and explanation")
        return None
    kind = QUESTION_KINDS.get(item.get("type"))
    if kind is None:
        known = ", ".join(sorted(QUESTION_KINDS))
        reader.error(path, item.line_of("type"), f"question type must be one of {known}")
        return None
    question = QuestionData(
        type=kind.type.value,
        prompt=reader.text(path, item, "prompt"),
        explanation=reader.text(path, item, "explanation", required=kind.graded)
        or "This is an opinion poll: there is no right answer.",
        points=reader.integer(path, item, "points", 1, 1, 100),
        facts_as_of=reader.date(path, item, "facts_as_of"),
        review_by=reader.date(path, item, "review_by"),
        line=line,
    )
    _read_section(reader, path, item, question, anchors_by_lesson, own_lesson)
    kind.read_yaml(reader, path, item, line, question)
    question.key = _read_key(reader, path, item)
    question.choice_keys = _read_choice_keys(reader, path, item, len(question.choices))
    return question


def _read_key(reader, path, mapping):
    key = mapping.get("key", "")
    if not isinstance(key, str) or len(key) > 40 or (key and not key.replace("-", "").isalnum()):
        reader.error(path, mapping.line_of("key"), "key must be letters, digits and hyphens (at most 40)")
        return ""
    return key


def _read_choice_keys(reader, path, item, count):
    """The keys of the question's choices (or ordering items, or matching pairs), in order."""
    for list_name in CHOICE_LISTS:
        entries = item.get(list_name)
        if isinstance(entries, list) and len(entries) == count:
            keys = [_read_key(reader, path, entry) if isinstance(entry, dict) else "" for entry in entries]
            given = [key for key in keys if key]
            if len(set(given)) != len(given):
                reader.error(path, item.line_of(list_name), "each choice of a question needs its own key")
            return keys
    return [""] * count


def _read_section(reader, path, item, question, anchors_by_lesson, own_lesson):
    section = item.get("section")
    if section is None:
        return
    section = str(section).strip().lstrip("#")
    lesson, _, anchor = section.rpartition("#")
    lesson = lesson or own_lesson
    if lesson is None:
        reader.error(path, item.line_of("section"), "in a module quiz, write section as lesson-slug#anchor")
        return
    if lesson not in anchors_by_lesson:
        reader.error(path, item.line_of("section"), f"section names an unknown lesson '{lesson}'")
        return
    if anchors_by_lesson[lesson] is None:
        return
    if anchor not in anchors_by_lesson[lesson]:
        reader.error(path, item.line_of("section"), f"section '#{anchor}' is not a heading of lesson '{lesson}'")
        return
    question.section_lesson, question.section_anchor = lesson, anchor


def read_capstone(reader, path):
    data = reader.mapping(path, reader.load(path), "a capstone file")
    if data is None:
        return None
    capstone = CapstoneData(
        source=reader.rel(path),
        title=reader.text(path, data, "title", max_length=200),
        scenario=reader.text(path, data, "scenario"),
    )
    prompts = data.get("prompts")
    if not isinstance(prompts, list) or not prompts:
        reader.error(path, data.line_of("prompts"), "a capstone needs prompts: a list of {prompt, model_answer}")
        return capstone
    for index, item in enumerate(prompts):
        if not isinstance(item, dict):
            reader.error(path, prompts.line_of(index), "each prompt needs prompt and model_answer")
            continue
        capstone.prompts.append((reader.text(path, item, "prompt"), reader.text(path, item, "model_answer")))
    return capstone
