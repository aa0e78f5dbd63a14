"""load_course warns (it does not fail) about lessons and questions past their review date."""

import re
import shutil
from datetime import date
from io import StringIO

from django.conf import settings
from django.core.management import call_command

import pytest

from course.importer.parsing import parse_content, past_due_reviews


@pytest.fixture(scope="module")
def shipped():
    course, errors = parse_content(settings.CONTENT_DIR)
    assert not errors
    return course


def test_nothing_is_past_due_long_before_the_review_dates(shipped):
    assert past_due_reviews(shipped, date(2000, 1, 1)) == []


def test_every_dated_lesson_and_question_is_past_due_long_after(shipped):
    warnings = past_due_reviews(shipped, date(2100, 1, 1))
    dated_lessons = [lesson for module in shipped.modules for lesson in module.lessons if lesson.review_by]
    assert len([w for w in warnings if ": lesson '" in w]) == len(dated_lessons) > 0
    assert all("was due for review on" in warning for warning in warnings)


def test_a_warning_names_the_file_and_the_date(shipped):
    lesson = next(lesson for module in shipped.modules for lesson in module.lessons if lesson.review_by)
    warnings = past_due_reviews(shipped, lesson.review_by)
    assert any(w.startswith(f"{lesson.source}: ") and lesson.review_by.isoformat() in w for w in warnings)


@pytest.mark.django_db
def test_the_command_prints_warnings_and_still_succeeds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    lesson = content / "01-foundations" / "01-security-bargains.md"
    text, replaced = re.subn(r"^review_by: .*$", "review_by: 2001-02-03", lesson.read_text(), count=1, flags=re.M)
    assert replaced == 1, "the lesson carries a review_by date"
    lesson.write_text(text)
    out, err = StringIO(), StringIO()
    call_command("load_course", "--content", str(content), "--dry-run", stdout=out, stderr=err)
    assert "Warning: " in err.getvalue()
    assert "01-foundations/01-security-bargains.md: lesson" in err.getvalue()
    assert "2001-02-03" in err.getvalue()
    assert "Content is valid" in out.getvalue()
