"""Reads content/ into plain data and a list of errors. Pure: files in, data out.

Nothing here touches the database; `writing.py` writes what this returns, and
only when the error list is empty.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course.lessons.blocks import validate_event_date
from course.lessons.charts import build_chart
from course.lessons.markdown import render_markdown_document, slugify_heading

from .yaml_lines import LineDict, LineList, load_yaml

NAME_PATTERN = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
FENCE_OPEN = re.compile(r"^```\s*([A-Za-z][\w-]*)?\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")
# Module slugs taken by the site's own pages and URLs (a module there would crash the import or be unreachable).
RESERVED_MODULE_SLUGS = {
    "accounts", "admin", "capstone", "certificates", "classes", "documents", "glossary", "healthz", "lessons",
    "markdownx", "media", "my-progress", "quiz", "review", "search", "static", "timeline",
}  # fmt: skip
QUESTION_TYPES = {"single", "multiple", "true_false", "short", "numeric", "ordering", "matching", "poll"}
CALLOUT_KINDS = {"note", "key-point", "warning"}


INVALID = object()  # what load() returns for a file whose YAML does not parse (already reported)


@dataclass(frozen=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class QuestionData:
    type: str
    prompt: str
    explanation: str
    points: int = 1
    section_lesson: str = ""  # lesson slug within the module
    section_anchor: str = ""
    choices: list = field(default_factory=list)  # (text, is_correct, match_text)
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
    questions: list = field(default_factory=list)


@dataclass
class CapstoneData:
    source: str
    title: str
    scenario: str
    prompts: list = field(default_factory=list)  # (prompt, model_answer)


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


@dataclass
class ModuleData:
    source: str
    slug: str
    number: int
    title: str
    summary: str
    objectives: list
    lessons: list = field(default_factory=list)
    quiz: QuizData | None = None


@dataclass
class TermData:
    term: str
    slug: str
    definition: str
    related: list


@dataclass
class CourseData:
    title: str = ""
    tagline: str = ""
    introduction: str = ""
    glossary: list = field(default_factory=list)
    modules: list = field(default_factory=list)


class _Reader:
    """Collects errors while reading one content folder."""

    def __init__(self, root):
        self.root = Path(root)
        self.errors = []

    def rel(self, path):
        try:
            return str(Path(path).relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def error(self, path, line, message):
        self.errors.append(ContentError(self.rel(path), line, message))

    def read_text(self, path):
        try:
            return Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.error(path, 1, "the file is not UTF-8 text")
        except OSError as error:
            self.error(path, 1, f"cannot read the file ({error.strerror})")
        return None

    def load(self, path, text=None, line_offset=0):
        text = self.read_text(path) if text is None else text
        if text is None:
            return INVALID
        try:
            return load_yaml(text, line_offset)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            # Where the broken construct began, when that is another line (e.g. an unclosed bracket).
            context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
            if context and context_mark and context_mark.line + 1 + line_offset != line:
                problem += f" ({context} that starts at line {context_mark.line + 1 + line_offset})"
            self.error(path, line, f"invalid YAML: {problem}")
            return INVALID

    # Field readers: each reports a missing or mistyped field at its line.
    def mapping(self, path, value, what, line=1):
        if value is INVALID:
            return None
        if not isinstance(value, dict):
            self.error(path, getattr(value, "line", line), f"{what} must be a mapping of fields")
            return None
        return value

    def text(self, path, mapping, key, required=True, max_length=None):
        value = mapping.get(key)
        line = mapping.line_of(key) if isinstance(mapping, LineDict) else 1
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(path, getattr(mapping, "line", 1) if key not in mapping else line, f"missing {key}")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(path, line, f"{key} must be text")
            return ""
        if max_length and len(value) > max_length:
            self.error(path, line, f"{key} is longer than {max_length} characters")
        return value.strip()

    def text_list(self, path, mapping, key, required=True, minimum=1):
        value = mapping.get(key)
        line = mapping.line_of(key) if isinstance(mapping, LineDict) else 1
        if value is None:
            if required:
                self.error(path, getattr(mapping, "line", 1), f"missing {key}")
            return []
        if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
            self.error(path, line, f"{key} must be a list of text items")
            return []
        if required and len(value) < minimum:
            self.error(path, line, f"{key} needs at least {minimum} item(s)")
        return [str(item).strip() for item in value]

    def date(self, path, mapping, key):
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.error(path, mapping.line_of(key), f"{key} must be a date (YYYY-MM-DD)")
            return None

    def integer(self, path, mapping, key, default, minimum, maximum, required=False):
        value = mapping.get(key, default)
        if value is None:
            if required:
                self.error(path, mapping.line, f"missing {key}")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.error(path, mapping.line_of(key), f"{key} must be a whole number from {minimum} to {maximum}")
            return default
        return value


def parse_content(root):
    """Read a content folder. Returns (CourseData, [ContentError]), errors sorted by file and line."""
    reader = _Reader(root)
    course = CourseData()
    root = Path(root)
    if not root.is_dir():
        reader.error(root, 1, "content folder not found")
        return course, reader.errors
    _read_course(reader, root / "course.yaml", course)
    _read_glossary(reader, root / "glossary.yaml", course)
    terms = {term.term.casefold() for term in course.glossary}

    module_slugs = {}
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name in {"course.yaml", "glossary.yaml", "README.md"}:
            continue
        if entry.is_file():
            where = "a lesson" if entry.suffix == ".md" else "a file"
            reader.error(entry, 1, f"{where} in no module: put it in a module folder (NN-slug/) with a module.yaml")
            continue
        module = _read_module(reader, entry, terms)
        if module is None:
            continue
        if module.slug in module_slugs:
            reader.error(entry, 1, f"duplicate module slug '{module.slug}' (also {module_slugs[module.slug]})")
            continue
        module_slugs[module.slug] = reader.rel(entry)
        course.modules.append(module)
    reader.errors.sort(key=lambda error: (error.path, error.line))
    return course, reader.errors


def _read_course(reader, path, course):
    if not path.exists():
        reader.error(path, 1, "missing course.yaml")
        return
    data = reader.mapping(path, reader.load(path), "course.yaml")
    if data is None:
        return
    course.title = reader.text(path, data, "title", max_length=255)
    course.tagline = reader.text(path, data, "tagline", required=False, max_length=200)
    course.introduction = reader.text(path, data, "introduction", required=False)


def _read_glossary(reader, path, course):
    if not path.exists():
        reader.error(path, 1, "missing glossary.yaml")
        return
    data = reader.load(path)
    if data is INVALID:
        return
    if not isinstance(data, list):
        reader.error(path, 1, "glossary.yaml must be a list of terms")
        return
    seen, slugs = {}, {}
    for index, item in enumerate(data):
        line = data.line_of(index)
        if not isinstance(item, dict):
            reader.error(path, line, "each glossary entry must be a mapping with term and definition")
            continue
        term = reader.text(path, item, "term", max_length=120)
        definition = reader.text(path, item, "definition")
        related = reader.text_list(path, item, "related", required=False)
        if not term:
            continue
        key = term.casefold()
        if key in seen:
            reader.error(path, line, f"duplicate glossary term '{term}' (first at line {seen[key]})")
            continue
        slug = slugify_heading(term)[:120]
        if slug in slugs:
            reader.error(path, line, f"'{term}' has the same URL anchor as '{slugs[slug]}': make the terms differ")
            continue
        seen[key], slugs[slug] = line, term
        course.glossary.append(TermData(term, slug, definition, related))
    known = set(seen)
    for index, term in enumerate(course.glossary):
        for related in term.related:
            if related.casefold() not in known:
                reader.error(path, data.line_of(index), f"'{term.term}' names an unknown related term '{related}'")


def _read_module(reader, folder, terms):
    match = NAME_PATTERN.match(folder.name)
    module_file = folder / "module.yaml"
    if not module_file.exists():
        # Name the lesson, the file an author will look at; the folder if it holds none.
        for where in sorted(folder.glob("*.md")) or [folder]:
            what = "a lesson" if where.suffix == ".md" else "a folder"
            reader.error(where, 1, f"{what} in an unknown module: {folder.name}/ has no module.yaml")
        return None
    if not match:
        reader.error(folder, 1, "a module folder is named NN-slug (two digits, lowercase words joined by hyphens)")
        return None
    if match.group(2) in RESERVED_MODULE_SLUGS:
        reader.error(folder, 1, f"'{match.group(2)}' is taken by the site itself: choose another module slug")
        return None
    data = reader.mapping(module_file, reader.load(module_file), "module.yaml")
    if data is None:
        return None
    module = ModuleData(
        source=reader.rel(folder),
        slug=match.group(2),
        number=int(match.group(1)),
        title=reader.text(module_file, data, "title", max_length=255),
        summary=reader.text(module_file, data, "summary"),
        objectives=reader.text_list(module_file, data, "objectives"),
    )
    lesson_slugs, unreadable = {}, set()
    expected = {"module.yaml", "module-quiz.yaml"}
    for path in sorted(folder.glob("*.md")):
        match = NAME_PATTERN.match(path.stem)
        if not match:
            reader.error(path, 1, "a lesson file is named NN-slug.md (two digits, lowercase words joined by hyphens)")
            continue
        slug = match.group(2)
        if slug in lesson_slugs:
            reader.error(path, 1, f"duplicate lesson slug '{slug}' (also {lesson_slugs[slug]})")
            expected.add(path.name)  # reported once, not again as an unexpected file
            continue
        lesson_slugs[slug] = path.name
        expected.update({path.name, f"{path.stem}.quiz.yaml", f"{path.stem}.capstone.yaml"})
        lesson = _read_lesson(reader, path, slug, terms)
        if lesson is None:
            unreadable.add(slug)
            continue
        quiz_path = path.with_name(f"{path.stem}.quiz.yaml")
        if quiz_path.exists():
            lesson.check = _read_quiz(reader, quiz_path, "lesson_check", {slug: lesson.anchors}, slug)
        capstone_path = path.with_name(f"{path.stem}.capstone.yaml")
        if capstone_path.exists():
            lesson.capstone = _read_capstone(reader, capstone_path)
        module.lessons.append(lesson)
    for path in sorted(folder.iterdir()):
        if path.name not in expected and not path.name.startswith("."):
            if path.name.endswith(".quiz.yaml"):
                reader.error(path, 1, f"quiz for an unknown lesson: no {path.name[: -len('.quiz.yaml')]}.md here")
            else:
                reader.error(path, 1, "unexpected file: see content/README.md for the names a module may hold")
    quiz_path = folder / "module-quiz.yaml"
    if quiz_path.exists():
        # None: the lesson's own errors are reported; its anchors are unknown, not missing.
        anchors = dict.fromkeys(unreadable) | {lesson.slug: lesson.anchors for lesson in module.lessons}
        module.quiz = _read_quiz(reader, quiz_path, "module_quiz", anchors, None)
    return module


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


def _read_lesson(reader, path, slug, terms):
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


def _callout(reader, path, data, line):
    data = reader.mapping(path, data, "a callout", line)
    if data is None:
        return None
    kind = data.get("kind", "note")
    if kind not in CALLOUT_KINDS:
        reader.error(path, data.line_of("kind"), f"callout kind must be one of {', '.join(sorted(CALLOUT_KINDS))}")
    return {
        "type": "callout",
        "value": {
            "kind": kind,
            "title": reader.text(path, data, "title", max_length=120),
            "text": reader.text(path, data, "text"),
        },
    }


def _event_date(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip() if value is not None else ""


def _timeline(reader, path, data, line):
    if not isinstance(data, list) or not data:
        reader.error(path, line, "a timeline is a list of {date, title, text}")
        return None
    events = []
    for index, item in enumerate(data):
        item_line = data.line_of(index) if isinstance(data, LineList) else line
        if not isinstance(item, dict):
            reader.error(path, item_line, "each timeline event needs date, title and text")
            continue
        date = _event_date(item.get("date"))
        try:
            validate_event_date(date)
        except Exception:
            reader.error(path, item.line_of("date"), f"event date '{date}' must be YYYY, YYYY-MM or YYYY-MM-DD")
        events.append(
            {
                "date": date,
                "title": reader.text(path, item, "title", max_length=160),
                "text": reader.text(path, item, "text", required=False),
            }
        )
    return {"type": "timeline", "value": {"events": events}}


def _table(reader, path, data, line):
    data = reader.mapping(path, data, "a table", line)
    if data is None:
        return None
    columns = reader.text_list(path, data, "columns")
    rows = data.get("rows")
    if not isinstance(rows, list) or not rows:
        reader.error(path, data.line_of("rows"), "a table needs rows: a list of lists of cells")
        rows = []
    row_lines = []
    for index, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(columns):
            reader.error(path, rows.line_of(index), f"each row needs {len(columns)} cells, one per column")
            continue
        row_lines.append(" | ".join(str(cell).replace("|", "/") for cell in row))
    return {
        "type": "table",
        "value": {
            "caption": reader.text(path, data, "caption", max_length=200),
            "columns": " | ".join(columns),
            "rows": "\n".join(row_lines),
            "source": reader.text(path, data, "source", required=False),
        },
    }


def _case_box(reader, path, data, line):
    data = reader.mapping(path, data, "a case box", line)
    if data is None:
        return None
    return {
        "type": "case_box",
        "value": {"title": reader.text(path, data, "title", max_length=160), "text": reader.text(path, data, "text")},
    }


def _chart(reader, path, data, line):
    data = reader.mapping(path, data, "a chart", line)
    if data is None:
        return None
    kind = data.get("kind", "bar")
    if kind not in ("bar", "line"):
        reader.error(path, data.line_of("kind"), "chart kind must be bar or line")
        kind = "bar"
    points = data.get("data")
    lines = []
    if not isinstance(points, list) or not points:
        reader.error(path, data.line_of("data"), "a chart needs data: a list of {label, value}")
    else:
        for index, point in enumerate(points):
            if not isinstance(point, dict) or "label" not in point or "value" not in point:
                reader.error(path, points.line_of(index), "each chart point needs label and value")
                continue
            lines.append(f"{_event_date(point['label'])} | {point['value']}")
    unit = reader.text(path, data, "unit", required=False)
    try:
        build_chart(kind, "\n".join(lines), unit)
    except ValueError as error:
        if lines:
            reader.error(path, data.line_of("data"), f"chart data: {error}")
    return {
        "type": "chart",
        "value": {
            "kind": kind,
            "title": reader.text(path, data, "title", max_length=160),
            "description": reader.text(path, data, "description", max_length=300),
            "unit": unit,
            "data": "\n".join(lines),
            "source": reader.text(path, data, "source", max_length=250),
        },
    }


BLOCK_READERS = {"callout": _callout, "timeline": _timeline, "table": _table, "casebox": _case_box, "chart": _chart}


def _read_quiz(reader, path, kind, anchors_by_lesson, own_lesson):
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
    shuffle = data.get("shuffle", True)
    if not isinstance(shuffle, bool):
        reader.error(path, data.line_of("shuffle"), "shuffle must be true or false")
    quiz.shuffle = bool(shuffle)
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        reader.error(path, data.line_of("questions"), "a quiz needs questions: a list")
        return quiz
    for index, item in enumerate(questions):
        question = _read_question(reader, path, item, questions.line_of(index), anchors_by_lesson, own_lesson)
        if question:
            quiz.questions.append(question)
    if quiz.draw_count and quiz.draw_count > len(questions):
        reader.error(
            path, data.line_of("draw"), f"draw is {quiz.draw_count} but the quiz has {len(questions)} questions"
        )
    return quiz


def _read_question(reader, path, item, line, anchors_by_lesson, own_lesson):
    if not isinstance(item, dict):
        reader.error(path, line, "each question must be a mapping with type, prompt and explanation")
        return None
    kind = item.get("type")
    if kind not in QUESTION_TYPES:
        reader.error(path, item.line_of("type"), f"question type must be one of {', '.join(sorted(QUESTION_TYPES))}")
        return None
    question = QuestionData(
        type=kind,
        prompt=reader.text(path, item, "prompt"),
        explanation=reader.text(path, item, "explanation", required=kind != "poll")
        or "This is an opinion poll: there is no right answer.",
        points=reader.integer(path, item, "points", 1, 1, 100),
        facts_as_of=reader.date(path, item, "facts_as_of"),
        review_by=reader.date(path, item, "review_by"),
        line=line,
    )
    _read_section(reader, path, item, question, anchors_by_lesson, own_lesson)
    if kind in ("single", "multiple"):
        choices = item.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            reader.error(path, item.line_of("choices"), "a choice question needs at least two choices")
            return question
        for index, choice in enumerate(choices):
            if not isinstance(choice, dict) or not str(choice.get("text", "")).strip():
                reader.error(path, choices.line_of(index), "each choice needs text")
                continue
            correct = choice.get("correct", False)
            if not isinstance(correct, bool):
                reader.error(path, choices.line_of(index), "correct must be true or false")
            question.choices.append((str(choice["text"]).strip(), correct is True, ""))
        right = sum(1 for choice in question.choices if choice[1])
        if kind == "single" and right != 1:
            reader.error(path, line, f"a single-choice question needs exactly one correct choice (has {right})")
        if kind == "multiple" and right < 1:
            reader.error(path, line, "a multiple-choice question needs at least one correct choice")
    elif kind == "poll":
        _read_poll(reader, path, item, question)
    elif kind == "true_false":
        if not isinstance(item.get("answer"), bool):
            reader.error(path, item.line_of("answer"), "a true/false question needs answer: true or false")
        question.correct_boolean = item.get("answer") is True
    elif kind == "short":
        question.accepted_answers = reader.text_list(path, item, "accepted")
    elif kind == "numeric":
        answer, tolerance = item.get("answer"), item.get("tolerance", 0)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            reader.error(path, item.line_of("answer"), "a numeric question needs answer: a number")
        else:
            question.correct_number = float(answer)
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or tolerance < 0:
            reader.error(path, item.line_of("tolerance"), "tolerance must be a number of 0 or more")
        else:
            question.tolerance = float(tolerance)
    elif kind == "ordering":
        items = reader.text_list(path, item, "items", minimum=2)
        if len(items) < 2:
            reader.error(path, item.line_of("items"), "an ordering question needs at least two items")
        if len(set(items)) != len(items):
            reader.error(path, item.line_of("items"), "ordering items must all differ")
        question.choices = [(text, False, "") for text in items]
    elif kind == "matching":
        pairs = item.get("pairs")
        if not isinstance(pairs, list) or len(pairs) < 2:
            reader.error(path, item.line_of("pairs"), "a matching question needs at least two pairs")
            return question
        for index, pair in enumerate(pairs):
            if not isinstance(pair, dict) or "left" not in pair or "right" not in pair:
                reader.error(path, pairs.line_of(index), "each pair needs left and right")
                continue
            question.choices.append((_event_date(pair["left"]), False, _event_date(pair["right"])))
        lefts = [choice[0] for choice in question.choices]
        if len(set(lefts)) != len(lefts):
            reader.error(path, item.line_of("pairs"), "matching items (left) must all differ")
    return question


def _read_poll(reader, path, item, question):
    """An opinion poll: choices with no right one, and a note on where people stand."""
    choices = item.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        reader.error(path, item.line_of("choices"), "a poll needs at least two choices")
        return
    for index, choice in enumerate(choices):
        text = choice.get("text", "") if isinstance(choice, dict) else choice
        if isinstance(choice, dict) and "correct" in choice:
            reader.error(path, choices.line_of(index), "a poll has no correct choice: remove correct")
        if not isinstance(text, str) or not text.strip():
            reader.error(path, choices.line_of(index), "each choice needs text")
            continue
        question.choices.append((text.strip(), False, ""))
    texts = [choice[0] for choice in question.choices]
    if len(set(texts)) != len(texts):
        reader.error(path, item.line_of("choices"), "poll choices must all differ")
    question.poll_note = reader.text(path, item, "note")


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


def _read_capstone(reader, path):
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


def past_due_reviews(course, today):
    """Warnings (not errors) for lessons and questions whose review_by date is today or earlier.

    Pure: `today` is passed in. Each warning reads "source[:line]: ..." like a ContentError.
    """
    warnings = []

    def quiz_warnings(quiz):
        for number, question in enumerate(quiz.questions if quiz else [], start=1):
            if question.review_by and question.review_by <= today:
                warnings.append(
                    f"{quiz.source}:{question.line}: question {number} was due for review on "
                    f"{question.review_by.isoformat()}; check its facts"
                )

    for module in course.modules:
        for lesson in module.lessons:
            if lesson.review_by and lesson.review_by <= today:
                warnings.append(
                    f"{lesson.source}: lesson '{lesson.title}' was due for review on "
                    f"{lesson.review_by.isoformat()}; check its facts"
                )
            quiz_warnings(lesson.check)
        quiz_warnings(module.quiz)
    return warnings
