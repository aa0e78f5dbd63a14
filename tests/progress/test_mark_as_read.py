"""'Mark as read' completes a lesson without a check; a lesson with a check is
completed by passing it, and says so politely."""

import pytest

from course.lessons.models import LessonPage
from course.progress.models import LessonCompletion
from course.progress.rules import COMPLETE
from course.progress.standing import learner_progress

pytestmark = pytest.mark.django_db


@pytest.fixture
def unchecked_lesson(make_module):
    module = make_module(lessons=2, with_checks=False)
    return LessonPage.objects.child_of(module).order_by("path").first()


def test_a_lesson_without_a_check_offers_mark_as_read(login, learner, unchecked_lesson):
    html = login(learner).get(unchecked_lesson.url).content.decode()
    assert "Mark as read" in html
    assert f'action="/lessons/{unchecked_lesson.pk}/read/"' in html


def test_mark_as_read_completes_a_lesson_without_a_check(login, learner, unchecked_lesson):
    client = login(learner)
    response = client.post(f"/lessons/{unchecked_lesson.pk}/read/", {"next": unchecked_lesson.url}, follow=True)
    assert response.redirect_chain[-1] == (unchecked_lesson.url, 302)
    assert "Lesson marked as read." in response.content.decode()
    completion = LessonCompletion.objects.get(learner=learner, lesson=unchecked_lesson)
    assert completion.via == LessonCompletion.Via.READ
    assert learner_progress(learner).lesson(unchecked_lesson.pk).state == COMPLETE
    assert "Mark as read" not in response.content.decode()


def test_marking_read_twice_keeps_one_completion(login, learner, unchecked_lesson):
    client = login(learner)
    client.post(f"/lessons/{unchecked_lesson.pk}/read/")
    client.post(f"/lessons/{unchecked_lesson.pk}/read/")
    assert LessonCompletion.objects.filter(learner=learner, lesson=unchecked_lesson).count() == 1


def test_mark_as_read_is_refused_politely_for_a_lesson_with_a_check(login, learner, lesson_1_1):
    client = login(learner)
    response = client.post(f"/lessons/{lesson_1_1.pk}/read/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1] == (lesson_1_1.url, 302)
    assert "This lesson is completed by passing its check." in response.content.decode()
    assert not LessonCompletion.objects.filter(learner=learner).exists()
    assert learner_progress(learner).lesson(lesson_1_1.pk).state != COMPLETE


def test_a_lesson_with_a_check_offers_no_mark_as_read(login, learner, lesson_1_1):
    assert "Mark as read" not in login(learner).get(lesson_1_1.url).content.decode()


def test_mark_as_read_ignores_a_next_url_on_another_site(login, learner, unchecked_lesson):
    response = login(learner).post(f"/lessons/{unchecked_lesson.pk}/read/", {"next": "https://evil.example/"})
    assert response["Location"] == unchecked_lesson.url


def test_mark_as_read_needs_a_post(login, learner, unchecked_lesson):
    assert login(learner).get(f"/lessons/{unchecked_lesson.pk}/read/").status_code == 405
    assert not LessonCompletion.objects.exists()


def test_mark_as_read_needs_a_login(client, unchecked_lesson):
    response = client.post(f"/lessons/{unchecked_lesson.pk}/read/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not LessonCompletion.objects.exists()


def test_mark_as_read_of_an_unknown_lesson_is_not_found(login, learner):
    assert login(learner).post("/lessons/999999/read/").status_code == 404
