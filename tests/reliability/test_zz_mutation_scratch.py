import contextlib
import pytest
from course.quiz import attempts
from course.importer import writing
from . import test_fault_during_grading as G, test_fault_during_load_course as W
from .conftest import postgres_only

pytestmark = postgres_only

class NoTx:
    @staticmethod
    def atomic(*a, **k):
        return contextlib.nullcontext()
    def __getattr__(self, name):
        import django.db.transaction as t
        return getattr(t, name)

def test_m6(keep_database_after_flush, transactional_db, make_user, monkeypatch):
    monkeypatch.setattr(attempts, "transaction", NoTx())
    with pytest.raises(AssertionError):
        G.test_a_failure_midway_through_grading_writes_nothing(None, None, make_user)
