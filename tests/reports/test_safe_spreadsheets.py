"""Every spreadsheet download is safe to open: text that a spreadsheet would run as a
formula is made plain text (CSV and XLSX), CSV starts with a UTF-8 byte order mark so
Excel reads "Zoë", and timestamps are rounded to the minute."""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from course.operations.spreadsheet import formula_safe, to_the_minute

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("https://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_are_made_plain_text(text):
    assert formula_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Zoë", "a=b", "", 5, -0.5, None])
def test_everything_else_is_left_alone(value):
    assert formula_safe(value) == value


def test_timestamps_round_to_the_nearest_minute():
    at = datetime.datetime(2026, 12, 2, 10, 58, 31, 999, tzinfo=datetime.UTC)

    assert to_the_minute(at) == datetime.datetime(2026, 12, 2, 10, 59)
    assert to_the_minute(at.replace(second=29)) == datetime.datetime(2026, 12, 2, 10, 58)


@pytest.fixture
def hostile_learner(make_user):
    user = make_user("mallory", display_name='=HYPERLINK("https://evil.example","Zoë")')
    user.last_login = timezone.now().replace(second=31, microsecond=123456)
    user.save()
    return user


def test_the_learners_csv_is_safe_to_open(login, superuser, hostile_learner):
    response = login(superuser).get("/admin/course-reports/learners/?export=csv")
    content = b"".join(response.streaming_content)

    assert content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    [row] = [row for row in rows if row["Username"] == "mallory"]
    assert row["Name"] == '\'=HYPERLINK("https://evil.example","Zoë")'
    assert "." not in row["Last activity"] and "+" not in row["Last activity"]
    assert len(row["Last activity"]) == len("2026-12-02 10:58")


def test_the_learners_xlsx_is_safe_to_open(login, superuser, hostile_learner):
    from openpyxl import load_workbook

    response = login(superuser).get("/admin/course-reports/learners/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    [row] = [row for row in rows if row[0] == "mallory"]

    assert row[1] == '\'=HYPERLINK("https://evil.example","Zoë")'
    assert row[6].second == 0 and row[6].microsecond == 0


def test_the_facts_due_csv_goes_through_the_same_writer(login, superuser):
    response = login(superuser).get("/admin/reports/facts-due/?export=csv")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith("\ufeff".encode())
