"""The one store of versioned values: the worker's memory in front of the shared cache."""

from django.core.cache import cache

import pytest

from course.lessons.content_version import bump_content_version, cached_content
from course.operations import versioned


@pytest.fixture
def renders():
    calls = []

    def render(value):
        def build():
            calls.append(value)
            return value

        return build

    render.calls = calls
    return render


def test_a_kept_value_is_served_from_memory_without_the_shared_cache(renders):
    assert versioned.versioned_value("greeting:1", renders("hello"), 60) == "hello"
    cache.clear()  # the shared cache lost it; the worker still has it under the same key
    assert versioned.versioned_value("greeting:1", renders("again"), 60) == "hello"
    assert renders.calls == ["hello"]


def test_another_version_is_another_value(renders):
    versioned.versioned_value("greeting", renders("one"), 60, version=1)
    assert versioned.versioned_value("greeting", renders("two"), 60, version=2) == "two"
    assert versioned.get_kept("greeting", version=1) == "one"


def test_another_worker_finds_the_value_in_the_shared_cache(renders):
    versioned.keep("shared:1", "filed", 60)
    versioned._kept.clear()  # as a worker that never built it
    assert versioned.versioned_value("shared:1", renders("rebuilt"), 60) == "filed"
    assert renders.calls == []


def test_memory_keeps_the_most_recently_used_values_only(monkeypatch, renders):
    monkeypatch.setattr(versioned, "KEPT_IN_PROCESS", 2)
    versioned._kept.clear()
    for key in ("a", "b"):
        versioned.keep(key, key.upper(), 60)
    versioned.get_kept("a")  # used: "b" is now the oldest
    versioned.keep("c", "C", 60)
    assert list(versioned._kept) == [("a", None), ("c", None)]
    cache.clear()
    assert versioned.get_kept("b") is None
    assert versioned.get_kept("a") == "A"


def test_content_is_built_again_after_a_publish_and_not_before(db, renders):
    assert cached_content("structure-under-test", renders("first")) == "first"
    assert cached_content("structure-under-test", renders("unchanged")) == "first"
    bump_content_version()
    assert cached_content("structure-under-test", renders("second")) == "second"
    assert renders.calls == ["first", "second"]
