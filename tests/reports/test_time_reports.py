"""`manage.py time_reports`: the measurement behind docs/performance.md."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from devtools.management.commands import time_reports

pytestmark = pytest.mark.django_db


def test_it_prints_a_line_per_report_with_its_query_count(instructor, monkeypatch):
    monkeypatch.setattr(time_reports, "REPORTS", time_reports.REPORTS[:2])  # two are enough to show it
    out = StringIO()
    call_command("time_reports", "--user", instructor.username, "--repeat", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["Report", "wall", "cpu", "app", "cpu", "db", "queries"]
    assert [line.split()[0] for line in lines[1:]] == ["Learners", "Learners,"]
    assert all(line.split()[-1].isdigit() for line in lines[1:])


def test_a_reader_without_the_permission_is_refused(learner):
    with pytest.raises(CommandError, match="may not read the reports"):
        call_command("time_reports", "--user", learner.username, stdout=StringIO())
