import pytest

from course.lessons.models import GlossaryTerm

from .conftest import load

pytestmark = pytest.mark.django_db


def test_term_renamed_in_the_admin_does_not_break_the_next_import(content_tree):
    load(content_tree)
    term = GlossaryTerm.objects.get(term="Test term alpha")
    term.term = "Test term alpha (renamed)"  # the slug stays test-term-alpha
    term.save()

    out, _ = load(content_tree)

    assert "Loaded" in out
    assert GlossaryTerm.objects.filter(slug="test-term-alpha").count() == 1
