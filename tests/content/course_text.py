"""The shipped course as the content lint sees it: parsed once, then cut into
passages (one piece of text with where it comes from) and sentences.

A passage is a *claim* when the course presents it as true. Wrong choices,
and the prompt of a true/false question whose answer is "false", are not
claims: they exist to state a tempting error.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from course.importer.parsing import parse_content
from course.lessons.reading_time import count_words

CONTENT = Path(__file__).resolve().parents[2] / "content"


@dataclass(frozen=True)
class Passage:
    where: str  # file, and the part of it, e.g. "content/x/y.quiz.yaml: question 2, explanation"
    text: str  # Markdown
    page: str  # URL path of the page that shows it, for resolving relative links
    claim: bool = True


@functools.cache
def shipped_course():
    """(CourseData, [ContentError]) for content/."""
    return parse_content(CONTENT)


def lessons(course=None):
    """(module, lesson) pairs in course order."""
    course = course or shipped_course()[0]
    return [(module, lesson) for module in course.modules for lesson in module.lessons]


def quizzes(course=None):
    """(quiz, page path, module) for every lesson check and module quiz."""
    course = course or shipped_course()[0]
    found = []
    for module in course.modules:
        for lesson in module.lessons:
            if lesson.check:
                found.append((lesson.check, lesson_path(module, lesson), module))
        if module.quiz:
            found.append((module.quiz, f"/{module.slug}/", module))
    return found


def lesson_path(module, lesson):
    return f"/{module.slug}/{lesson.slug}/"


def prose(lesson):
    """The lesson's prose, read from its file: no front matter, no fenced blocks, no headings."""
    lines = (CONTENT.parent / lesson.source).read_text(encoding="utf-8").splitlines()
    end_of_front_matter = lines.index("---", 1)
    kept, in_block = [], False
    for line in lines[end_of_front_matter + 1 :]:
        if line.startswith("```"):
            in_block = not in_block
        elif not in_block and not line.lstrip().startswith("#"):
            kept.append(line)
    return "\n".join(kept)


def word_count(text):
    """Words as the site's reading time counts them (link targets are not read)."""
    return count_words(text)


def _block_passages(where, page, block):
    value, kind = block["value"], block["type"]
    if kind == "markdown":
        yield Passage(where, value, page)
    elif kind in ("callout", "case_box"):
        yield Passage(f"{where} ({kind})", f"{value['title']}. {value['text']}", page)
    elif kind == "timeline":
        for event in value["events"]:
            yield Passage(f"{where} (timeline {event['date']})", f"{event['title']}. {event['text']}", page)
    elif kind == "table":
        yield Passage(f"{where} (table)", value["caption"], page)
        for row in value["rows"].splitlines():
            yield Passage(f"{where} (table row)", row, page)
        if value["source"]:
            yield Passage(f"{where} (table source)", value["source"], page)
    elif kind == "chart":
        points = "; ".join(line.replace(" | ", ": ") for line in value["data"].splitlines())
        text = f"{value['title']}. {value['description']} Data ({value['unit']}): {points}. {value['source']}"
        yield Passage(f"{where} (chart)", text, page)


def _question_passages(where, page, question):
    yield Passage(f"{where}, prompt", question.prompt, page, claim=question.correct_boolean is not False)
    yield Passage(f"{where}, explanation", question.explanation, page)
    for text, correct, match in question.choices:
        if question.type == "matching":
            yield Passage(f"{where}, pair", f"{text}: {match}", page)
        elif question.type == "ordering":
            yield Passage(f"{where}, item", text, page)
        else:
            yield Passage(f"{where}, choice", text, page, claim=correct)
    for accepted in question.accepted_answers:
        yield Passage(f"{where}, accepted answer", accepted, page)


def passages(course=None):
    """Every piece of course text, in course order."""
    course = course or shipped_course()[0]
    yield Passage("content/course.yaml", course.introduction, "/")
    for term in course.glossary:
        yield Passage(f"content/glossary.yaml: {term.term}", term.definition, "/glossary/")
    for module in course.modules:
        module_page = f"/{module.slug}/"
        where = f"{module.source}/module.yaml"
        yield Passage(where, module.summary, module_page)
        for objective in module.objectives:
            yield Passage(f"{where}: objective", objective, module_page)
        for lesson in module.lessons:
            page = lesson_path(module, lesson)
            yield Passage(f"{lesson.source}: summary", lesson.summary, page)
            for objective in lesson.objectives:
                yield Passage(f"{lesson.source}: objective", objective, page)
            for source in lesson.sources:
                yield Passage(f"{lesson.source}: source", source, page)
            for block in lesson.body:
                yield from _block_passages(lesson.source, page, block)
            if lesson.capstone:
                yield Passage(lesson.capstone.source, lesson.capstone.scenario, page)
                for prompt, model_answer in lesson.capstone.prompts:
                    yield Passage(lesson.capstone.source, f"{prompt}\n\n{model_answer}", page)
    for quiz, page, _module in quizzes(course):
        for number, question in enumerate(quiz.questions, start=1):
            yield from _question_passages(f"{quiz.source}: question {number}", page, question)


HEADING_LINE = re.compile(r"^(#+ .*)$", re.MULTILINE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)*]*\s+(?=[\"“*(]*[A-Z0-9])")


def sentences(text):
    """Split Markdown into sentences: paragraphs first, then at ., ! or ? before a capital or digit."""
    text = HEADING_LINE.sub(r"\n\1\n", text)  # a heading is a sentence of its own
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        if flat:
            yield from (part for part in SENTENCE_END.split(flat) if part)


def claim_sentences(course=None):
    """(where, sentence) for every sentence the course presents as true."""
    for passage in passages(course):
        if passage.claim:
            for sentence in sentences(passage.text):
                yield passage.where, sentence
