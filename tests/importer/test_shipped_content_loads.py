"""The shipped content/ loads (conftest loads it once per session) and a second load is a no-op."""

from collections import Counter

from django.conf import settings
from django.db.models import Count

from wagtail.models import Page, Revision

import pytest

from course.importer.parsing import parse_content
from course.lessons.models import GlossaryTerm, LessonPage, ModulePage
from course.quiz.models import Choice, Question, Quiz

from .conftest import load, site_counts

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shipped():
    course, errors = parse_content(settings.CONTENT_DIR)
    assert errors == []
    return course


def test_shipped_content_has_no_errors(shipped):
    assert len(shipped.modules) == 7
    assert all(module.lessons and module.quiz for module in shipped.modules)


def test_database_holds_every_module_lesson_quiz_and_term(shipped):
    lessons = [lesson for module in shipped.modules for lesson in module.lessons]
    quizzes = [lesson.check for lesson in lessons if lesson.check] + [module.quiz for module in shipped.modules]
    assert ModulePage.objects.live().count() == len(shipped.modules)
    assert LessonPage.objects.live().count() == len(lessons)
    assert Quiz.objects.count() == len(quizzes)
    assert Question.objects.count() == sum(len(quiz.questions) for quiz in quizzes)
    assert GlossaryTerm.objects.count() == len(shipped.glossary)


def test_second_load_changes_nothing_and_says_so():
    before = site_counts()
    revisions = Revision.objects.count()

    out, err = load(settings.CONTENT_DIR)

    assert "0 created, 0 updated" in out and "0 skipped" in out, out
    assert err == ""
    assert site_counts() == before
    assert Revision.objects.count() == revisions


def test_second_load_leaves_no_duplicates():
    load(settings.CONTENT_DIR)

    pages = Counter((path[: -Page.steplen], slug) for path, slug in Page.objects.values_list("path", "slug"))
    assert [key for key, n in pages.items() if n > 1] == []
    assert not Quiz.objects.values("page", "kind").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not Question.objects.values("quiz", "sort_order").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not Choice.objects.values("question", "sort_order").annotate(n=Count("id")).filter(n__gt=1).exists()
    terms = Counter(term.casefold() for term in GlossaryTerm.objects.values_list("term", flat=True))
    assert [term for term, n in terms.items() if n > 1] == []
