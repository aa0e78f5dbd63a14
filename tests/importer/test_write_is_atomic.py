import pytest

from course.importer import writing

from .conftest import load, site_counts

pytestmark = pytest.mark.django_db


def test_failure_while_writing_rolls_back_pages_already_written(content_tree, monkeypatch):
    # Quizzes are written after the pages; fail there, when the module and lesson exist.
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writing, "_sync_quiz", fail)
    before = site_counts()

    with pytest.raises(RuntimeError):
        load(content_tree)

    assert site_counts() == before
