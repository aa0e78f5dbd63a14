"""PostgreSQL, real concurrent transactions: 'Mark as read' pressed twice at once
(two tabs) records one completion per lesson and answers both with a redirect."""

from django.test import Client

from course.lessons.models import CourseHomePage, ModulePage
from course.progress.models import LessonCompletion

from .conftest import at_once, postgres_only

pytestmark = postgres_only
ROUNDS = 5


def test_marking_one_lesson_read_twice_at_once_records_it_once(transactional_db, make_module, make_user):
    module = make_module(lessons=ROUNDS, slug="race-reading", with_checks=False)
    lessons = list(module.get_children().order_by("path"))
    learner = make_user("reader")
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(learner)
        clients.append(client)

    for lesson in lessons:  # several rounds: one race might happen to run in order
        url = f"/lessons/{lesson.pk}/read/"
        statuses, errors = at_once([lambda client=client, url=url: client.post(url).status_code for client in clients])

        assert errors == [], lesson
        assert statuses == [302, 302], lesson
        assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).count() == 1, lesson

    assert CourseHomePage.objects.exists() and ModulePage.objects.filter(pk=module.pk).exists()
