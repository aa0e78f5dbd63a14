from wagtail.models import Revision

import pytest

from course.lessons.models import LessonPage

from .conftest import load, site_counts

pytestmark = pytest.mark.django_db


def test_dry_run_validates_and_writes_nothing(content_tree):
    before, revisions = site_counts(), Revision.objects.count()

    out, _ = load(content_tree, "--dry-run")

    assert "Nothing written (--dry-run)" in out
    assert site_counts() == before
    assert Revision.objects.count() == revisions
    assert not LessonPage.objects.filter(slug="first").exists()


def test_same_tree_without_dry_run_writes(content_tree):
    before = site_counts()

    out, _ = load(content_tree)

    assert "0 skipped" in out
    assert site_counts()["pages"] == before["pages"] + 2  # the module and its lesson
    assert LessonPage.objects.get(slug="first").live
