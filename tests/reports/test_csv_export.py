"""The CSV downloads (Wagtail's spreadsheet export) hold the same figures as the reports."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_item_analysis_csv_holds_facility_discrimination_picks_and_flags(history, login, superuser):
    rows = csv_rows(login(superuser), f"/admin/course-reports/items/?quiz={history.quiz.pk}&export=csv")
    assert [(row["Facility"], row["Discrimination"]) for row in rows] == [
        ("1.0", "0.0"),
        ("0.125", "0.5"),
        ("0.25", "-0.5"),
        ("0.5", "1.0"),
        ("0.5", "1.0"),
    ]
    assert rows[1]["Choices picked"] == "Right: 1; Wrong: 6; Also wrong: 1"
    assert rows[2]["Flags"] == "Too hard, Misleading"
    assert [row["Learners"] for row in rows] == ["8"] * 5


def test_quiz_results_csv_holds_the_quiz_figures(history, login, superuser):
    rows = csv_rows(login(superuser), "/admin/course-reports/quizzes/?export=csv")
    row = next(row for row in rows if row["Quiz"] == history.quiz.title)
    assert (row["Attempts"], row["Learners"]) == ("10", "8")
    assert (row["Mean score (%)"], row["Median score (%)"]) == ("42.0", "40.0")
    assert (row["Pass rate (% of attempts)"], row["Learners who passed (%)"]) == ("10.0", "12.5")


def test_reteach_csv_holds_the_ranked_sections(history, login, superuser):
    rows = csv_rows(login(superuser), "/admin/course-reports/reteach/?export=csv")
    assert [(row["Anchor"], row["Misses"], row["Answers"], row["Questions missed"]) for row in rows] == [
        ("b", "17", "20", "2"),
        ("c", "6", "10", "1"),
    ]
    assert rows[0]["Link"].endswith("/security-bargains/#b")


def test_learners_csv_holds_completion_and_modules(history, login, superuser):
    rows = {row["Username"]: row for row in csv_rows(login(superuser), "/admin/course-reports/learners/?export=csv")}
    # L1 passed the reports lesson's check: 1 of 29 items (28 shipped + 1); nobody finished a module.
    assert (rows["L1"]["Completion (%)"], rows["L1"]["Modules done"], rows["L1"]["Modules"]) == ("3", "0", "7")
    assert rows["L2"]["Completion (%)"] == "0"
    assert set(rows) == set(history.learners)


def test_the_export_holds_every_row_not_one_page(make_user, login, superuser):
    for number in range(55):
        make_user(f"many-{number:02d}")
    assert len(csv_rows(login(superuser), "/admin/course-reports/learners/?export=csv")) == 55


def test_xlsx_download_is_a_workbook_with_the_headings(history, login, superuser):
    from openpyxl import load_workbook

    response = login(superuser).get(f"/admin/course-reports/items/?quiz={history.quiz.pk}&export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Quiz", "Question number", "Question")
    assert len(rows) == 6


def test_learners_xlsx_download_writes_dates(history, login, superuser):
    from openpyxl import load_workbook

    response = login(superuser).get("/admin/course-reports/learners/?export=xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][0] == "Username" and len(rows) == 9
    assert all(row[6] is not None for row in rows[1:])  # last activity
