"""Due-date states around midnight in two time zones, and where learners see them."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from course.classes.due import DONE, DUE_SOON, DUE_TODAY, OVERDUE, UPCOMING, due_state, is_late
from course.classes.models import ModuleDueDate
from course.lessons.models import ModulePage

TOKYO = ZoneInfo("Asia/Tokyo")  # UTC+9
NEW_YORK = ZoneInfo("America/New_York")  # UTC-5 in January

# Due at 23:59 on 10 January in Tokyo = 14:59 UTC on 10 January = 09:59 in New York.
DUE = datetime(2027, 1, 10, 14, 59, tzinfo=UTC)


def at(zone, *parts):
    return datetime(*parts, tzinfo=zone)


def test_tokyo_learner_around_their_midnight():
    # 23:58 on 9 January in Tokyo: due tomorrow.
    state = due_state(DUE, at(TOKYO, 2027, 1, 9, 23, 58), TOKYO)
    assert (state.state, state.days, state.label) == (DUE_SOON, 1, "Due tomorrow")
    # Two minutes later it is 10 January in Tokyo: due today.
    state = due_state(DUE, at(TOKYO, 2027, 1, 10, 0, 0), TOKYO)
    assert (state.state, state.days, state.label) == (DUE_TODAY, 0, "Due today")
    assert state.local_due.strftime("%d %H:%M") == "10 23:59"
    # A minute after the due moment: overdue, still on the 10th.
    assert due_state(DUE, at(TOKYO, 2027, 1, 11, 0, 0), TOKYO).state == OVERDUE


def test_same_moment_seen_from_new_york():
    # For New York the due moment is 09:59 on 10 January.
    state = due_state(DUE, at(NEW_YORK, 2027, 1, 9, 23, 58), NEW_YORK)
    assert (state.state, state.days) == (DUE_SOON, 1)
    assert state.local_due.strftime("%d %H:%M") == "10 09:59"
    state = due_state(DUE, at(NEW_YORK, 2027, 1, 10, 0, 1), NEW_YORK)
    assert (state.state, state.label) == (DUE_TODAY, "Due today")
    # 10:00 in New York is 15:00 UTC: past the due moment although "today" in New York.
    assert due_state(DUE, at(NEW_YORK, 2027, 1, 10, 10, 0), NEW_YORK).state == OVERDUE


def test_the_same_instant_is_a_different_day_in_each_zone():
    # 15:30 UTC on 9 January: already the 10th in Tokyo (00:30), still the 9th in New York (10:30).
    instant = datetime(2027, 1, 9, 15, 30, tzinfo=UTC)
    assert due_state(DUE, instant, TOKYO).state == DUE_TODAY
    assert due_state(DUE, instant, NEW_YORK).label == "Due tomorrow"


def test_days_and_done():
    state = due_state(DUE, at(TOKYO, 2027, 1, 7, 12, 0), TOKYO)
    assert state.label == "Due in 3 days"
    assert due_state(DUE, at(TOKYO, 2026, 12, 1, 12, 0), TOKYO).state == UPCOMING
    assert due_state(DUE, at(TOKYO, 2027, 2, 1), TOKYO, done=True).state == DONE


def test_late_work():
    assert is_late(DUE, None, DUE + timedelta(seconds=1))
    assert not is_late(DUE, None, DUE - timedelta(seconds=1))
    assert is_late(DUE, DUE + timedelta(minutes=1), DUE + timedelta(days=9))
    assert not is_late(DUE, DUE - timedelta(minutes=1), DUE + timedelta(days=9))
    assert not is_late(None, None, DUE)


@pytest.mark.django_db
def test_learners_see_due_dates_on_home_and_dashboard_in_their_time_zone(seminar, learner, login):
    module = ModulePage.objects.live().order_by("path").first()
    due_at = timezone.now() + timedelta(days=3, hours=1)
    ModuleDueDate.objects.create(course_class=seminar, module=module, due_at=due_at)
    client = login(learner)
    assert client.post("/classes/time-zone/", {"time_zone": "Asia/Tokyo"}).status_code == 302
    local = due_at.astimezone(TOKYO)
    for url in ("/", "/my-progress/", "/classes/"):
        page = client.get(url)
        assert "Due dates" in page.text, url
        assert module.title in page.text
        assert f"{local:%H:%M}" in page.text, url
        state = due_state(due_at, timezone.now(), TOKYO)
        assert state.label in page.text


@pytest.mark.django_db
def test_due_dates_never_lock_content(seminar, learner, login):
    module = ModulePage.objects.live().order_by("path").first()
    ModuleDueDate.objects.create(course_class=seminar, module=module, due_at=timezone.now() - timedelta(days=5))
    client = login(learner)
    assert "Overdue" in client.get("/my-progress/").text
    assert client.get(module.url).status_code == 200


@pytest.mark.django_db
def test_instructor_sets_and_clears_due_dates(seminar, instructor, login):
    module = ModulePage.objects.live().order_by("path").first()
    client = login(instructor)
    url = f"/admin/classes/{seminar.pk}/due-dates/"
    assert client.get(url).status_code == 200
    assert client.post(url, {f"module_{module.pk}": "2027-01-10 23:59"}).status_code == 302
    assert ModuleDueDate.objects.get().due_at.year == 2027
    assert client.post(url, {f"module_{module.pk}": "not a date"}).status_code == 400
    assert client.post(url, {f"module_{module.pk}": ""}).status_code == 302
    assert not ModuleDueDate.objects.exists()
