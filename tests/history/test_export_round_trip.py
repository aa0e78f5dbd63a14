"""`export_course` writes the live course back to the content/ format: exporting and
loading changes nothing, the export reads to exactly the shipped content, and an admin
edit shows up as exactly that change."""

import difflib
from dataclasses import asdict
from io import StringIO

from django.conf import settings
from django.core.management import call_command

import pytest

from course.importer.parsing import parse_content
from course.quiz.models import Choice

from .conftest import load

pytestmark = pytest.mark.django_db


def export(directory):
    call_command("export_course", str(directory), stdout=StringIO())
    return directory


def comparable(course):
    """Parsed content minus what is not content: file lines, and the order of the glossary, of a
    lesson's key terms (a set in the database) and of related terms (a symmetrical relation: a
    term is related to those naming it too)."""
    related = {term.term: set(term.related) for term in course.glossary}
    for name, others in list(related.items()):
        for other in others:
            related[other].add(name)
    data = asdict(course)
    for term in data["glossary"]:
        term["related"] = sorted(related[term["term"]])
    data["glossary"].sort(key=lambda term: term["term"])
    return _without_lines(data)


def _without_lines(value):
    if isinstance(value, dict):
        data = {key: _without_lines(item) for key, item in value.items() if key not in ("line", "anchors")}
        if "key_terms" in data:
            data["key_terms"] = sorted(data["key_terms"])
        return data
    if isinstance(value, list):
        return [_without_lines(item) for item in value]
    return value


def test_the_export_of_the_shipped_course_reads_exactly_as_the_shipped_files(tmp_path):
    exported = export(tmp_path / "content")
    shipped, shipped_errors = parse_content(settings.CONTENT_DIR)
    again, errors = parse_content(exported)
    assert shipped_errors == [] and errors == []
    assert _first_difference(comparable(shipped), comparable(again)) is None
    shipped_files = sorted(
        str(path.relative_to(settings.CONTENT_DIR)) for path in settings.CONTENT_DIR.rglob("*") if path.is_file()
    )
    exported_files = sorted(str(path.relative_to(exported)) for path in exported.rglob("*") if path.is_file())
    assert exported_files == [name for name in shipped_files if name != "README.md"]


def test_export_then_import_is_a_no_op(tmp_path):
    out = load(export(tmp_path / "content"))
    assert "0 created, 0 updated" in out and "0 skipped" in out


def test_an_admin_edit_is_exactly_that_change_in_the_export(tmp_path, lesson_1_1):
    before = export(tmp_path / "before")
    choice = Choice.objects.get(text="Allies agree to spend a fixed share of their GDP on defence")
    quiz = choice.question.quiz
    edited = quiz.get_latest_revision_as_object()
    questions = list(edited.questions.all())
    for question in questions:
        choices = list(question.choices.all())
        for item in choices:
            if item.pk == choice.pk:
                item.text = "Allies agree to spend a fixed share of their GDP on defense"
        question.choices = choices
    edited.questions = questions
    edited.save_revision().publish()  # what the admin's Publish does
    after = export(tmp_path / "after")

    changed = []
    for path in sorted(before.rglob("*.*")):
        old = path.read_text().splitlines()
        new = (after / path.relative_to(before)).read_text().splitlines()
        changed += [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line[:1] in "+-"]
    changed = [line for line in changed if not line.startswith(("+++", "---"))]
    assert len(changed) == 2, changed
    assert changed[0].startswith("-") and "on defence}" in changed[0]
    assert changed[1] == changed[0].replace("on defence}", "on defense}").replace("-", "+", 1)
    assert Choice.objects.get(pk=choice.pk).text.endswith("defense")  # the same choice, edited in place


def _first_difference(a, b, path=""):
    if type(a) is not type(b):
        return path, a, b
    if isinstance(a, dict):
        for key in a:
            found = _first_difference(a[key], b.get(key), f"{path}.{key}")
            if found:
                return found
    elif isinstance(a, list):
        if len(a) != len(b):
            return path, len(a), len(b)
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
    elif a != b:
        return path, a, b
    return None
