"""After the first load the admin is the source of truth: an instructor's edit is
skipped (and listed) by the next import, unless --force."""

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.quiz.models import Quiz

from .conftest import LESSON, LESSON_CHECK, load

pytestmark = pytest.mark.django_db


def edit_in_admin(page, title):
    """What the admin's publish does: a new revision, published."""
    page = page.get_latest_revision_as_object()
    page.title = title
    page.save_revision().publish()


@pytest.fixture
def imported(content_tree):
    load(content_tree)
    return content_tree


def change_lesson_file(content_tree, title):
    (content_tree / "01-basics/01-first.md").write_text(LESSON.replace("title: First steps", f"title: {title}"))


def test_edited_lesson_is_skipped_and_listed(imported):
    edit_in_admin(LessonPage.objects.get(slug="first"), "Edited by an instructor")
    change_lesson_file(imported, "First steps, revised")

    out, _ = load(imported)

    assert "Skipped lesson 'First steps, revised' (edited in the admin since the last import)" in out
    assert "1 skipped" in out
    assert LessonPage.objects.get(slug="first").title == "Edited by an instructor"


def test_edited_lesson_is_skipped_even_when_its_file_is_unchanged(imported):
    edit_in_admin(LessonPage.objects.get(slug="first"), "Edited by an instructor")

    out, _ = load(imported)

    assert "Skipped lesson 'First steps'" in out
    assert LessonPage.objects.get(slug="first").title == "Edited by an instructor"


def test_force_overwrites_the_edit(imported):
    edit_in_admin(LessonPage.objects.get(slug="first"), "Edited by an instructor")
    change_lesson_file(imported, "First steps, revised")

    out, _ = load(imported, "--force")

    assert "0 skipped" in out
    lesson = LessonPage.objects.get(slug="first")
    assert lesson.title == "First steps, revised"
    assert lesson.live and not lesson.has_unpublished_changes
    # The forced import is the new baseline: the next plain load has nothing to skip.
    assert "0 created, 0 updated" in load(imported)[0] and "0 skipped" in load(imported)[0]


def test_edited_quiz_is_skipped_and_force_overwrites_it(imported):
    quiz = Quiz.objects.get(page__slug="first")
    quiz.title = "Edited by an instructor"
    quiz.save_revision().publish()  # what the admin's Publish does: a new revision
    check = imported / "01-basics/01-first.quiz.yaml"
    check.write_text(LESSON_CHECK.replace("Check: First steps", "Check: revised"))

    out, _ = load(imported)
    assert "Skipped quiz 'Check: revised' (edited in the admin since the last import)" in out
    assert Quiz.objects.get(pk=quiz.pk).title == "Edited by an instructor"

    load(imported, "--force")
    assert Quiz.objects.get(pk=quiz.pk).title == "Check: revised"


def test_page_made_in_the_admin_is_not_taken_over(content_tree, make_module):
    # A module an instructor made in the admin, whose slug a content folder also uses.
    make_module(lessons=1, slug="basics")

    out, _ = load(content_tree)

    assert "Skipped module 'Basics' (made in the admin, not by an import)" in out
    assert ModulePage.objects.get(slug="basics").title == "Test module"
