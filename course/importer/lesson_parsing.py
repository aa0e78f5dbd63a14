"""A lesson file: YAML front matter and a Markdown body with fenced blocks."""

import datetime
import re
from dataclasses import dataclass

from course.lessons.markdown import render_markdown_document

from .block_parsing import BLOCK_READERS
from .quiz_parsing import CapstoneData, QuizData
from .validation import INVALID
from .yaml_lines import LineList

FENCE_OPEN = re.compile(r"^```\s*([A-Za-z][\w-]*)?\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")


@dataclass
class LessonData:
    source: str
    slug: str
    title: str
    summary: str
    objectives: list
    key_terms: list
    sources: list
    body: list  # StreamField raw data: [{"type": ..., "value": ...}]
    anchors: set
    facts_as_of: datetime.date | None = None
    review_by: datetime.date | None = None
    check: QuizData | None = None
    capstone: CapstoneData | None = None


def _split_front_matter(reader, path, text):
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        reader.error(path, 1, "a lesson starts with YAML front matter between --- lines")
        return None, None, 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), lines[index + 1 :], index + 1
    reader.error(path, 1, "the front matter has no closing --- line")
    return None, None, 0


def read_lesson(reader, path, slug, terms):
    text = reader.read_text(path)
    if text is None:
        return None
    front_text, body_lines, body_start = _split_front_matter(reader, path, text)
    if front_text is None:
        return None
    front = reader.mapping(path, reader.load(path, front_text, line_offset=1), "the front matter", line=2)
    if front is None:
        return None
    key_terms = reader.text_list(path, front, "key_terms", required=False)
    term_lines = front.get("key_terms")
    for index, term in enumerate(key_terms):
        if term.casefold() not in terms:
            line = term_lines.line_of(index) if isinstance(term_lines, LineList) else front.line_of("key_terms")
            reader.error(path, line, f"key term '{term}' is not in glossary.yaml")
    objectives = reader.text_list(path, front, "objectives")
    body, anchors = _read_body(reader, path, body_lines, body_start)
    return LessonData(
        source=reader.rel(path),
        slug=slug,
        title=reader.text(path, front, "title", max_length=255),
        summary=reader.text(path, front, "summary"),
        objectives=objectives,
        key_terms=key_terms,
        sources=reader.text_list(path, front, "sources"),
        body=body,
        anchors=anchors,
        facts_as_of=reader.date(path, front, "facts_as_of"),
        review_by=reader.date(path, front, "review_by"),
    )


def _read_body(reader, path, lines, first_line_number):
    """Markdown with fenced YAML blocks -> StreamField data and the set of heading anchors."""
    blocks, anchors, markdown_lines = [], set(), []
    index = 0

    def flush():
        text = "\n".join(markdown_lines).strip()
        markdown_lines.clear()
        if text:
            blocks.append({"type": "markdown", "value": text})
            for heading in render_markdown_document(text).headings:
                if heading.anchor in anchors:
                    reader.error(path, first_line_number, f"two headings share the anchor '{heading.anchor}'")
                anchors.add(heading.anchor)

    while index < len(lines):
        line = lines[index]
        opening = FENCE_OPEN.match(line)
        if not opening:
            markdown_lines.append(line)
            index += 1
            continue
        start = first_line_number + index + 1
        end = next((j for j in range(index + 1, len(lines)) if FENCE_CLOSE.match(lines[j])), None)
        if end is None:
            reader.error(path, start, "a ``` block is never closed")
            break
        flush()
        kind = opening.group(1) or ""
        if kind not in BLOCK_READERS:
            known = ", ".join(sorted(BLOCK_READERS))
            reader.error(path, start, f"unknown block type '{kind}' (known: {known})")
        else:
            payload = reader.load(path, "\n".join(lines[index + 1 : end]), line_offset=start)
            block = BLOCK_READERS[kind](reader, path, payload, start) if payload is not INVALID else None
            if block:
                blocks.append(block)
        index = end + 1
    flush()
    if not blocks:
        reader.error(path, first_line_number, "the lesson has no body text")
    return blocks, anchors
