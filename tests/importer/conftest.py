"""A minimal valid content tree, written fresh into tmp_path for each test.

Tests break one file of it and check the error names that file and line.
Line numbers in the comments of LESSON are the ones tests expect.
"""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

import pytest

from course.lessons.models import GlossaryTerm
from course.quiz.models import Choice, Question, Quiz

COURSE = """\
title: Alliances & Arms
tagline: How military alliances and the arms trade shape each other
introduction: A test introduction.
"""

GLOSSARY = """\
- term: Test term alpha
  definition: The first test term.
  related: [Test term beta]
- term: Test term beta
  definition: The second test term.
"""

MODULE = """\
title: Basics
summary: A module for tests.
objectives:
  - Learn the basics.
"""

LESSON = """\
---
title: First steps
summary: A short summary.
objectives:
  - Learn one thing.
key_terms:
  - Test term alpha
sources:
  - "A source, 2026."
---
Opening paragraph.

## The first section
Body text.

```callout
kind: note
title: Remember
text: A note.
```
"""
#  line 1  ---
#  line 2  title: First steps
#  line 6  key_terms:
#  line 7    - Test term alpha
#  line 13 ## The first section
#  line 16 ```callout

LESSON_CHECK = """\
title: "Check: First steps"
questions:
  - type: single
    prompt: Which is right?
    section: the-first-section
    choices:
      - {text: "Right", correct: true}
      - {text: "Wrong"}
    explanation: Because.
"""
#  line 3  - type: single
#  line 5  section: the-first-section

MODULE_QUIZ = """\
title: "Module quiz: Basics"
questions:
  - type: true_false
    prompt: True or false?
    section: first#the-first-section
    answer: true
    explanation: Because.
"""

TREE = {
    "course.yaml": COURSE,
    "glossary.yaml": GLOSSARY,
    "01-basics/module.yaml": MODULE,
    "01-basics/01-first.md": LESSON,
    "01-basics/01-first.quiz.yaml": LESSON_CHECK,
    "01-basics/module-quiz.yaml": MODULE_QUIZ,
}


@pytest.fixture
def content_tree(tmp_path):
    """Write the minimal tree to tmp_path/content and return that folder."""
    root = tmp_path / "content"
    for name, text in TREE.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def load(content, *args):
    """Run load_course on `content`; returns (stdout, stderr). Raises CommandError on bad content."""
    out, err = StringIO(), StringIO()
    call_command("load_course", *args, content=str(content), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def site_counts():
    """Counts of everything load_course writes."""
    return {
        "pages": Page.objects.count(),
        "quizzes": Quiz.objects.count(),
        "questions": Question.objects.count(),
        "choices": Choice.objects.count(),
        "glossary": GlossaryTerm.objects.count(),
    }
