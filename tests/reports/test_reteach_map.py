"""The re-teach map against the hand-computed history (see conftest)."""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.quiz.models import Response
from course.reports import queries

pytestmark = pytest.mark.django_db


def sections():
    return [
        (section.anchor, section.misses, section.answers, section.questions)
        for section in queries.missed_sections(Response.objects.all())
    ]


def test_sections_are_ranked_by_misses_of_every_submitted_answer(history):
    assert sections() == [("b", 17, 20, 2), ("c", 6, 10, 1)]


def test_the_miss_rate_is_misses_over_answers(history):
    assert [section.miss_rate for section in queries.missed_sections(Response.objects.all())] == [
        pytest.approx(0.85),
        pytest.approx(0.6),
    ]


def test_a_section_without_misses_and_questions_without_a_section_are_left_out(history):
    anchors = [section.anchor for section in queries.missed_sections(Response.objects.all())]
    assert "a" not in anchors  # q1: nobody missed it
    assert "" not in anchors  # q4 links to no section


def test_partial_credit_counts_as_a_miss(history):
    Response.objects.filter(question=history.questions[0]).update(credit=0.5)
    assert sections() == [("b", 17, 20, 2), ("a", 10, 10, 1), ("c", 6, 10, 1)]


def test_the_date_filter_keeps_recent_answers_only(history, login, superuser):
    recent = history.quiz.attempts.order_by("-pk")[:2]  # L7 and L8: misses on q2, q4, q5
    history.quiz.attempts.exclude(pk__in=[a.pk for a in recent]).update(
        submitted_at=timezone.now() - timedelta(days=30)
    )
    since = (timezone.now() - timedelta(days=7)).date().isoformat()
    response = login(superuser).get(f"/admin/course-reports/reteach/?since={since}&export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "Reports lesson" in body and ",2,2,100.0,1" in body


def test_sections_are_named_by_their_heading_not_their_anchor(history, login, superuser):
    """Section "c" of the reports lesson is its heading "## C"; "a" and "b" of lesson 1.1 name no
    heading there, so they stay visible as anchors rather than vanish."""
    html = login(superuser).get("/admin/course-reports/reteach/").content.decode()
    assert "Reports lesson › C" in html
    assert "› #c" not in html
    body = b"".join(login(superuser).get("/admin/course-reports/reteach/?export=csv").streaming_content).decode()
    assert "Reports lesson,C," in body
