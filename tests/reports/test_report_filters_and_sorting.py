"""Filters, search and sorting on the reports, and what bad input does."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from course.progress.models import Certificate

from .test_csv_export import csv_rows

pytestmark = pytest.mark.django_db

LEARNERS = "/admin/course-reports/learners/"
ITEMS = "/admin/course-reports/items/"


def usernames(client, query):
    return [row["Username"] for row in csv_rows(client, f"{LEARNERS}?{query}&export=csv")]


def test_completion_filter_keeps_learners_at_or_above_it(history, login, superuser):
    assert usernames(login(superuser), "completion_at_least=3") == ["L1"]


def test_certificate_filter(history, login, superuser):
    Certificate.objects.create(learner=history.learners["L5"])
    client = login(superuser)
    assert usernames(client, "certificate=yes") == ["L5"]
    assert "L5" not in usernames(client, "certificate=no")


def test_last_active_filter(history, login, superuser):
    long_ago = timezone.now() - timedelta(days=60)
    get_user_model().objects.exclude(username="L3").update(date_joined=long_ago)
    history.quiz.attempts.exclude(learner=history.learners["L3"]).update(started_at=long_ago, submitted_at=long_ago)
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    assert usernames(login(superuser), f"last_activity_from={since}") == ["L3"]


def test_search_finds_learners_by_name(history, login, superuser):
    assert usernames(login(superuser), "q=L7") == ["L7"]


def test_sorting_by_completion_puts_the_most_complete_first(history, login, superuser):
    assert usernames(login(superuser), "ordering=-completion")[0] == "L1"


def test_item_flag_filter_keeps_flagged_questions(history, login, superuser):
    rows = csv_rows(login(superuser), f"{ITEMS}?quiz={history.quiz.pk}&flag=misleading&export=csv")
    assert [row["Question number"] for row in rows] == ["3"]
    assert rows[0]["Discrimination"] == "-0.5"


def test_item_sorting_by_facility_puts_the_hardest_first(history, login, superuser):
    rows = csv_rows(login(superuser), f"{ITEMS}?quiz={history.quiz.pk}&ordering=facility&export=csv")
    assert [row["Facility"] for row in rows] == ["0.125", "0.25", "0.5", "0.5", "1.0"]


@pytest.mark.parametrize(
    "query",
    [
        "completion_at_least=abc",
        "completion_at_least=250",
        "last_activity_from=not-a-date",
        "certificate=maybe",
        "ordering=password",
        "p=999",
        "p=abc",
        "export=pdf",
    ],
)
def test_bad_learner_filters_never_break_the_page(history, login, superuser, query):
    response = login(superuser).get(f"{LEARNERS}?{query}")
    assert response.status_code == 200


def test_a_bad_filter_value_says_what_is_wrong(history, login, superuser):
    html = login(superuser).get(f"{LEARNERS}?completion_at_least=250").content.decode()
    assert "less than or equal to 100" in html


@pytest.mark.parametrize("query", ["quiz=999999", "quiz=abc", "flag=boring", "type=essay", "module=abc"])
def test_bad_item_filters_never_break_the_page(history, login, superuser, query):
    assert login(superuser).get(f"{ITEMS}?{query}").status_code == 200


@pytest.mark.parametrize("query", ["since=yesterday", "module=0"])
def test_bad_reteach_filters_never_break_the_page(history, login, superuser, query):
    assert login(superuser).get(f"/admin/course-reports/reteach/?{query}").status_code == 200


def test_quiz_results_filter_by_module_and_kind(history, login, superuser):
    from course.lessons.models import ModulePage

    first, second = ModulePage.objects.live().order_by("path")[:2]
    client = login(superuser)
    rows = csv_rows(client, f"/admin/course-reports/quizzes/?module={first.pk}&export=csv")
    assert len(rows) == 5  # three shipped lesson checks, the reports lesson's check, the module quiz
    assert history.quiz.title in {row["Quiz"] for row in rows}
    rows = csv_rows(client, f"/admin/course-reports/quizzes/?module={second.pk}&kind=module_quiz&export=csv")
    assert [row["Kind"] for row in rows] == ["Module quiz"]


def test_quiz_results_are_in_course_order_by_default(history, login, superuser):
    rows = csv_rows(login(superuser), "/admin/course-reports/quizzes/?export=csv")
    kinds = [row["Kind"] for row in rows[:5]]
    assert kinds == ["Lesson check"] * 4 + ["Module quiz"]  # module 1's checks, then its quiz
