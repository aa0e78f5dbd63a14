"""PostgreSQL: a database error in the middle of load_course (pages, glossary and the
first quiz already written) rolls everything back; running it again loads the tree."""

from io import StringIO

from django.core.management import call_command
from django.db import OperationalError

import pytest

from course.importer import writing
from course.operations.backup import database_fingerprint
from tests.importer.conftest import content_tree  # noqa: F401 - the fixture

from .conftest import postgres_only

pytestmark = postgres_only


def test_a_failure_midway_through_loading_writes_nothing(
    transactional_db,
    content_tree,  # noqa: F811 - the fixture imported above
    monkeypatch,
):
    real_sync_quiz, calls = writing._sync_quiz, []

    def second_quiz_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("could not extend file: No space left on device")
        return real_sync_quiz(*args, **kwargs)

    monkeypatch.setattr(writing, "_sync_quiz", second_quiz_fails)
    before = database_fingerprint()

    with pytest.raises(OperationalError):
        call_command("load_course", content=str(content_tree), stdout=StringIO(), stderr=StringIO())

    assert len(calls) == 2  # the first quiz was written before the failure
    assert database_fingerprint() == before

    monkeypatch.setattr(writing, "_sync_quiz", real_sync_quiz)
    out = StringIO()
    call_command("load_course", content=str(content_tree), stdout=out, stderr=StringIO())
    assert "Loaded 1 modules" in out.getvalue()
    assert database_fingerprint() != before
