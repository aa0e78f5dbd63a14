"""Reads content/ into plain data and a list of errors. Pure: files in, data out.

Nothing here touches the database; `writing.py` writes what this returns, and
only when the error list is empty. This module reads the course, the glossary
and the module folders; lessons, their blocks, and quizzes have their own
modules, and validation.py holds what all of them share.
"""

from dataclasses import dataclass, field
from pathlib import Path

from course.lessons.markdown import slugify_heading

from .lesson_parsing import read_lesson
from .quiz_parsing import QuizData, read_capstone, read_quiz
from .validation import INVALID, NAME_PATTERN, ContentError, Reader, reserved_module_slugs

__all__ = ["ContentError", "parse_content", "past_due_reviews"]


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


def parse_content(root):
    """Read a content folder. Returns (CourseData, [ContentError]), errors sorted by file and line."""
    reader = Reader(root)
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
    if match.group(2) in reserved_module_slugs():
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
        lesson = read_lesson(reader, path, slug, terms)
        if lesson is None:
            unreadable.add(slug)
            continue
        quiz_path = path.with_name(f"{path.stem}.quiz.yaml")
        if quiz_path.exists():
            lesson.check = read_quiz(reader, quiz_path, "lesson_check", {slug: lesson.anchors}, slug)
        capstone_path = path.with_name(f"{path.stem}.capstone.yaml")
        if capstone_path.exists():
            lesson.capstone = read_capstone(reader, capstone_path)
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
        module.quiz = read_quiz(reader, quiz_path, "module_quiz", anchors, None)
    return module


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
