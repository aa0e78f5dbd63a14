"""`manage.py time_reports`: the measurement behind docs/performance.md."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

pytestmark = pytest.mark.django_db


def test_it_times_every_report_and_counts_its_queries(instructor):
    out = StringIO()
    call_command("time_reports", "--user", instructor.username, "--repeat", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["Report", "wall", "cpu", "app", "cpu", "db", "queries"]
    assert len(lines) == 10
    assert all(line.split()[-1].isdigit() for line in lines[1:])


def test_a_reader_without_the_permission_is_refused(learner):
    with pytest.raises(CommandError, match="may not read the reports"):
        call_command("time_reports", "--user", learner.username, stdout=StringIO())
