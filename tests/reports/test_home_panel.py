"""The admin dashboard's course panel: headline numbers and links to the reports."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

import pytest

from course.progress.models import Certificate
from course.reports import queries

pytestmark = pytest.mark.django_db


def test_headline_counts_learners_attempts_this_week_and_certificates(history, instructor):
    history.quiz.attempts.filter(learner=history.learners["L8"]).update(submitted_at=timezone.now() - timedelta(days=8))
    Certificate.objects.create(learner=history.learners["L1"])
    headline = queries.headline()
    assert (headline.learners, headline.attempts_this_week, headline.certificates) == (8, 9, 1)


def test_mean_pass_rate_is_the_mean_of_the_quizzes_pass_rates(history, lesson_1_1, make_user):
    from course.quiz.models import Attempt, Quiz

    check = Quiz.objects.get(page=lesson_1_1)
    Attempt.objects.create(
        learner=make_user("solo"), quiz=check, seed=1, submitted_at=timezone.now(), score=100, passed=True
    )
    # The history's quiz: 1 of 10 attempts passed; lesson 1.1's check: 1 of 1.
    assert queries.headline().mean_pass_rate == pytest.approx((0.1 + 1.0) / 2)


def test_no_attempts_means_no_pass_rate(db):
    assert queries.headline().mean_pass_rate is None


def test_the_panel_shows_the_numbers_and_links_to_every_report(history, login, instructor):
    html = login(instructor).get("/admin/").content.decode()
    assert "Course at a glance" in html
    assert "Mean pass rate" in html and "10 %" in html
    for url in ("learners", "quizzes", "items", "reteach"):
        assert f'href="/admin/course-reports/{url}/"' in html


def test_staff_without_the_reports_permission_do_not_see_the_panel(login, make_user):
    editor = make_user("editor", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "Course at a glance" not in login(editor).get("/admin/").content.decode()


def test_the_panel_uses_wagtails_own_dashboard_markup(history, login, instructor):
    """Styled like Wagtail's panels: its summary list (as the site summary) and a dashboard listing."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(login(instructor).get("/admin/").content, "html.parser")
    panel = soup.find(id="course-headline-section")
    assert "w-panel" in panel["class"]
    items = [li.get_text(" ", strip=True) for li in panel.select("section.w-summary ul.w-summary__list > li")]
    assert items[0] == "8 Learners" and len(items) == 4
    assert all(li.find("svg") for li in panel.select("ul.w-summary__list > li"))
    assert len(panel.select("table.listing.listing--dashboard a")) == 4
