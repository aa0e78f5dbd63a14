"""The live course written back to the content/ format (`manage.py export_course DIR`).

The inverse of parsing.py + writing.py: what an instructor changed in the admin
can be reviewed as a diff and kept in git. Exporting and loading the result
changes nothing; loading content/ and exporting gives files that read to the same
content (formatting differs; see docs/architecture.md, "The round trip").

Only live (published) content is written: drafts stay in their revisions, and
retired questions and choices (kept for learners' history) are left out. Files
keep their names (each item remembers the file it came from); items made in the
admin get a name from their number and slug.
"""

import datetime
from pathlib import Path

import yaml

from course.capstone.models import Capstone
from course.lessons.models import CourseHomePage, GlossaryTerm, LessonPage, ModulePage
from course.quiz.models import Choice, Question, Quiz, QuizKind
from course.quiz.question_types import QuestionType

POLL_EXPLANATION = "This is an opinion poll: there is no right answer."


class FlowMap(dict):
    """A mapping written on one line: a choice, a pair (one line per choice in the diff)."""


class ContentDumper(yaml.SafeDumper):
    """Block lists indented under their key, one-line choices, `|` blocks for text with line
    breaks, no line wrapping: one change in the admin is one changed line in the diff."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_text(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_flow_map(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_map(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


def _represent_list(dumper, data):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=False)


ContentDumper.add_representer(str, _represent_text)
ContentDumper.add_representer(FlowMap, _represent_flow_map)
ContentDumper.add_representer(dict, _represent_map)
ContentDumper.add_representer(list, _represent_list)


def dump(data):
    return yaml.dump(data, Dumper=ContentDumper, sort_keys=False, allow_unicode=True, width=100_000)


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _number(value):
    return int(value) if value is not None and float(value).is_integer() else value


def _relative(source, fallback):
    """A stored source ("content/01-x/02-y.md") as a path inside the export folder."""
    return Path(*Path(source).parts[1:]) if source else Path(fallback)


def export_course(directory):
    """Write the live course under `directory` (created if needed). Returns the files written."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    files = {}
    home = CourseHomePage.objects.get()
    course = {"title": home.title, "tagline": home.tagline}
    if home.introduction:
        course["introduction"] = home.introduction
    files[Path("course.yaml")] = dump(course)
    files[Path("glossary.yaml")] = _glossary()
    quizzes = {(quiz.page_id, quiz.kind): quiz for quiz in Quiz.objects.filter(live=True)}
    capstones = {capstone.page_id: capstone for capstone in Capstone.objects.filter(live=True)}
    for module in ModulePage.objects.live().child_of(home).order_by("number", "path"):
        folder = _relative(module.content_source, f"{module.number:02d}-{module.slug}")
        files[folder / "module.yaml"] = dump(
            {"title": module.title, "summary": module.summary, "objectives": _lines(module.objectives)}
        )
        lessons = list(LessonPage.objects.live().child_of(module).order_by("path"))
        for position, lesson in enumerate(lessons, start=1):
            path = _relative(lesson.content_source, f"{folder}/{position:02d}-{lesson.slug}.md")
            files[path] = _lesson(lesson)
            stem = path.name.removesuffix(".md")
            quiz = quizzes.get((lesson.pk, QuizKind.LESSON_CHECK))
            if quiz:
                files[path.with_name(f"{stem}.quiz.yaml")] = _quiz(quiz, lesson)
            capstone = capstones.get(lesson.pk)
            if capstone:
                files[path.with_name(f"{stem}.capstone.yaml")] = _capstone(capstone)
        quiz = quizzes.get((module.pk, QuizKind.MODULE_QUIZ))
        if quiz:
            files[folder / "module-quiz.yaml"] = _quiz(quiz, None)
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return sorted(files)


def _glossary():
    terms = GlossaryTerm.objects.filter(live=True).prefetch_related("related").order_by("term")
    entries = []
    for term in sorted(terms, key=lambda term: term.term.casefold()):
        entry = {"term": term.term, "definition": term.definition}
        related = sorted(other.term for other in term.related.all())
        if related:
            entry["related"] = related
        entries.append(entry)
    return dump(entries)


def _lesson(lesson):
    front = {"title": lesson.title, "summary": lesson.summary, "objectives": _lines(lesson.objectives)}
    key_terms = sorted(term.term for term in lesson.key_terms.all())
    if key_terms:
        front["key_terms"] = key_terms
    front["sources"] = [line.removeprefix("- ") for line in _lines(lesson.sources)]
    for name in ("facts_as_of", "review_by"):
        if getattr(lesson, name):
            front[name] = getattr(lesson, name)
    parts = []
    for block in lesson.body.raw_data:
        if block["type"] == "markdown":
            parts.append(block["value"].strip())
        else:
            name, value = _block(block["type"], block["value"])
            parts.append(f"```{name}\n{dump(value).rstrip()}\n```")
    return f"---\n{dump(front)}---\n" + "\n\n".join(parts) + "\n"


def _block(kind, value):
    """A StreamField block as its fenced YAML (the inverse of block_parsing.py)."""
    if kind == "callout":
        return "callout", {"kind": value["kind"], "title": value["title"], "text": value["text"]}
    if kind == "case_box":
        return "casebox", {"title": value["title"], "text": value["text"]}
    if kind == "timeline":
        events = []
        for event in value["events"]:
            item = {"date": event["date"], "title": event["title"]}
            if event.get("text"):
                item["text"] = event["text"]
            events.append(item)
        return "timeline", events
    if kind == "table":
        table = {"caption": value["caption"], "columns": value["columns"].split(" | ")}
        table["rows"] = [FlowList(row.split(" | ")) for row in _lines(value["rows"])]
        if value.get("source"):
            table["source"] = value["source"]
        return "table", table
    if kind == "chart":
        points = []
        for line in _lines(value["data"]):
            label, _bar, number = line.partition(" | ")
            points.append(FlowMap(label=label, value=yaml.safe_load(number)))  # 3.0 stays 3.0
        chart = {"kind": value["kind"], "title": value["title"], "description": value["description"]}
        if value.get("unit"):
            chart["unit"] = value["unit"]
        chart["data"] = points
        chart["source"] = value["source"]
        return "chart", chart
    if kind == "alliance_map":
        return "map", {"year": value["year"]}
    raise ValueError(f"no export for block type {kind}")


class FlowList(list):
    """A list written on one line (a table row)."""


ContentDumper.add_representer(
    FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _section(question, own_lesson):
    if not question.section_page_id:
        return None
    lesson_slug = question.section_page.slug
    if own_lesson is not None and question.section_page_id == own_lesson.pk:
        return question.section_anchor
    return f"{lesson_slug}#{question.section_anchor}"


def _quiz(quiz, own_lesson):
    data = {"title": quiz.title, "pass_mark": quiz.pass_mark, "shuffle": quiz.shuffle}
    if quiz.draw_count:
        data["draw"] = quiz.draw_count
    if quiz.time_limit_minutes:
        data["time_limit"] = quiz.time_limit_minutes
    questions = (
        Question.objects.filter(quiz=quiz, retired=False).select_related("section_page").order_by("sort_order", "pk")
    )
    choices = {}
    for choice in Choice.objects.filter(question__quiz=quiz, retired=False).order_by("sort_order", "pk"):
        choices.setdefault(choice.question_id, []).append(choice)
    data["questions"] = [_question(question, choices.get(question.pk, []), own_lesson) for question in questions]
    return dump(data)


def _question(question, choices, own_lesson):
    item = {"key": question.key} if question.key else {}
    item.update({"type": question.type, "prompt": question.prompt})
    section = _section(question, own_lesson)
    if section:
        item["section"] = section
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        item["choices"] = [
            FlowMap(_keyed(choice, text=choice.text, **({"correct": True} if choice.is_correct else {})))
            for choice in choices
        ]
    elif kind == QuestionType.POLL:
        item["choices"] = [FlowMap(_keyed(choice, text=choice.text)) for choice in choices]
        item["note"] = question.poll_note
    elif kind == QuestionType.TRUE_FALSE:
        item["answer"] = bool(question.correct_boolean)
    elif kind == QuestionType.SHORT:
        item["accepted"] = question.accepted_answer_list
    elif kind == QuestionType.NUMERIC:
        item["answer"] = _number(question.correct_number)
        item["tolerance"] = _number(question.tolerance)
    elif kind == QuestionType.ORDERING:
        item["items"] = [FlowMap(_keyed(choice, text=choice.text)) for choice in choices]
    elif kind == QuestionType.MATCHING:
        item["pairs"] = [FlowMap(_keyed(choice, left=choice.text, right=choice.match_text)) for choice in choices]
    if not (kind == QuestionType.POLL and question.explanation == POLL_EXPLANATION):
        item["explanation"] = question.explanation
    if question.points != 1:
        item["points"] = question.points
    for name in ("facts_as_of", "review_by"):
        value = getattr(question, name)
        if value:
            item[name] = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    return item


def _keyed(choice, **fields):
    return {"key": choice.key, **fields} if choice.key else fields


def _capstone(capstone):
    prompts = [
        {"prompt": prompt.prompt, "model_answer": prompt.model_answer}
        for prompt in capstone.prompts.order_by("sort_order", "pk")
    ]
    return dump({"title": capstone.title, "scenario": capstone.scenario, "prompts": prompts})
