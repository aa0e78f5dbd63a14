"""Deep linking: the instructor picks lessons and quizzes; the platform library verifies the
signed response and the links it receives open those pages."""

import re

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.quiz.models import Quiz

from .conftest import do_launch
from .platform import INSTRUCTOR, LEARNER

pytestmark = pytest.mark.django_db


def test_an_instructor_picks_a_lesson_and_a_quiz_and_the_platform_accepts_the_links(client, lms, registered):
    response = do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR, deep_link=True)
    assert response.status_code == 302 and response["Location"] == "/lti/deep-link/"
    form = client.get("/lti/deep-link/")
    quiz = Quiz.objects.filter(page__live=True).first()
    lesson = LessonPage.objects.live().first()
    assert f'value="quiz:{quiz.pk}"'.encode() in form.content
    assert f'value="lesson:{lesson.pk}"'.encode() in form.content

    answer = client.post("/lti/deep-link/", {"item": [f"lesson:{lesson.pk}", f"quiz:{quiz.pk}"]})
    assert answer.status_code == 200
    assert f"form-action 'self' {lms.url('')}".rstrip("/") in answer["Content-Security-Policy"]
    assert f'action="{lms.url("/deep-link-return")}"'.encode() in answer.content
    token = re.search(rb'name="JWT" value="([^"]+)"', answer.content).group(1).decode()

    items = lms.conf.validate_deeplinking_resp({"JWT": token})  # the platform library checks our signature
    assert [item["custom"]["target"] for item in items] == [f"lesson:{lesson.pk}", f"quiz:{quiz.pk}"]
    assert all(item["type"] == "ltiResourceLink" and item["url"] == "http://testserver/lti/launch/" for item in items)
    assert items[1]["lineItem"]["scoreMaximum"] == 100 and "lineItem" not in items[0]

    # The LMS now launches a learner into the picked quiz with the link's custom parameter.
    client.logout()
    opened = do_launch(client, lms, sub="learner-9", roles=LEARNER, custom=items[1]["custom"])
    assert opened["Location"] == f"/quiz/{quiz.pk}/"


def test_a_learner_cannot_deep_link(client, lms, registered, django_user_model):
    before = django_user_model.objects.count()
    response = do_launch(client, lms, roles=LEARNER, deep_link=True)
    assert response.status_code == 403
    assert django_user_model.objects.count() == before


def test_picking_nothing_or_something_not_offered_is_refused(client, lms, registered):
    do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR, deep_link=True)
    assert client.post("/lti/deep-link/", {}).status_code == 400
    assert client.post("/lti/deep-link/", {"item": ["quiz:999999"]}).status_code == 400


def test_the_picker_needs_a_deep_linking_launch(client, lms, registered):
    response = client.get("/lti/deep-link/")
    assert response.status_code == 400


def test_the_picker_costs_a_fixed_number_of_queries(client, lms, registered, django_assert_max_num_queries):
    do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR, deep_link=True)
    # Session, user, site, navigation, reviews due (cold) and messages, then one query each for modules,
    # lessons, quizzes.
    with django_assert_max_num_queries(11):
        page = client.get("/lti/deep-link/")
    assert page.content.count(b'name="item"') == (
        LessonPage.objects.live().count()
        + Quiz.objects.filter(page__in=LessonPage.objects.live()).count()
        + ModulePage.objects.live().count()
    )
