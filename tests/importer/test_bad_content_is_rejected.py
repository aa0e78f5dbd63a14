"""Each broken input is reported as `file:line: message`, and nothing is written."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from .conftest import LESSON, LESSON_CHECK, TREE, load, site_counts

pytestmark = pytest.mark.django_db

LESSON_FILE = "01-basics/01-first.md"
CHECK_FILE = "01-basics/01-first.quiz.yaml"

# name: ({file: new text, or None to delete}, expected error line)
BROKEN = {
    "bad YAML in front matter": (
        {LESSON_FILE: LESSON.replace("summary: A short summary.", "summary: A short: summary.")},
        "content/01-basics/01-first.md:3: invalid YAML: mapping values are not allowed here",
    ),
    "bad YAML in a block": (
        {LESSON_FILE: LESSON.replace("title: Remember", "title: Remember: this")},
        "content/01-basics/01-first.md:18: invalid YAML: mapping values are not allowed here",
    ),
    "bad YAML in a quiz": (
        {CHECK_FILE: LESSON_CHECK.replace("prompt: Which is right?", "prompt: Which: is right?")},
        "content/01-basics/01-first.quiz.yaml:4: invalid YAML: mapping values are not allowed here",
    ),
    "missing title": (
        {LESSON_FILE: LESSON.replace("title: First steps\n", "")},
        "content/01-basics/01-first.md:2: missing title",
    ),
    "unknown block type": (
        {LESSON_FILE: LESSON.replace("```callout", "```python")},
        "content/01-basics/01-first.md:16: unknown block type 'python'",
    ),
    "duplicate slug": (
        {"01-basics/02-first.md": LESSON},
        "content/01-basics/02-first.md:1: duplicate lesson slug 'first' (also 01-first.md)",
    ),
    "lesson in a folder without module.yaml": (
        {"02-extra/01-lost.md": LESSON},
        "content/02-extra/01-lost.md:1: a lesson in an unknown module: 02-extra/ has no module.yaml",
    ),
    "unknown key term": (
        {LESSON_FILE: LESSON.replace("  - Test term alpha\n", "  - Test term alpha\n  - No such term\n")},
        "content/01-basics/01-first.md:8: key term 'No such term' is not in glossary.yaml",
    ),
    "single choice with two correct": (
        {CHECK_FILE: LESSON_CHECK.replace('{text: "Wrong"}', '{text: "Wrong", correct: true}')},
        "content/01-basics/01-first.quiz.yaml:3: a single-choice question needs exactly one correct choice (has 2)",
    ),
    "section that is not a heading": (
        {CHECK_FILE: LESSON_CHECK.replace("section: the-first-section", "section: no-such-heading")},
        "content/01-basics/01-first.quiz.yaml:5: section '#no-such-heading' is not a heading of lesson 'first'",
    ),
    "glossary terms with the same slug": (
        {"glossary.yaml": TREE["glossary.yaml"] + "- term: Test-term alpha\n  definition: Same slug.\n"},
        "content/glossary.yaml:6: 'Test-term alpha' has the same URL anchor as 'Test term alpha'",
    ),
    "module slug taken by the site": (
        {"02-glossary/module.yaml": TREE["01-basics/module.yaml"], "02-glossary/01-other.md": LESSON},
        "content/02-glossary:1: 'glossary' is taken by the site itself",
    ),
}


def write_files(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run_expecting_error(root):
    """Run load_course; return its stderr lines. Fails the test if it does not raise CommandError."""
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("load_course", content=str(root), stdout=StringIO(), stderr=err)
    return err.getvalue().splitlines()


def test_minimal_tree_is_valid(content_tree):
    out, err = load(content_tree, "--dry-run")
    assert "Content is valid: 1 modules, 1 lessons, 2 glossary terms" in out
    # Only item-quality advice (course/quiz/quality/), never an error.
    assert all(line.startswith("Item quality: ") for line in err.splitlines()), err


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_file_is_named_with_its_line(content_tree, case):
    files, expected = BROKEN[case]
    write_files(content_tree, files)

    lines = run_expecting_error(content_tree)

    assert any(line.startswith(expected) for line in lines), lines
    assert len(lines) == 1, lines  # one problem, one message: no knock-on errors


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_tree_writes_nothing(content_tree, case):
    write_files(content_tree, BROKEN[case][0])
    before = site_counts()

    run_expecting_error(content_tree)

    assert site_counts() == before


def test_every_problem_is_reported_in_file_order(content_tree):
    write_files(content_tree, {**BROKEN["missing title"][0], **BROKEN["single choice with two correct"][0]})

    lines = run_expecting_error(content_tree)

    assert [line.split(": ")[0] for line in lines] == [
        "content/01-basics/01-first.md:2",
        "content/01-basics/01-first.quiz.yaml:3",
    ]
