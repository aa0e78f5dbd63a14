"""Joining by link and by code: good, wrong, expired, twice; several classes; leaving."""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.classes.models import CourseClass, Membership, normalise_join_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_class():
    return CourseClass.objects.create(name="Open class")


@pytest.fixture
def ended_class():
    yesterday = timezone.localdate() - timedelta(days=1)
    return CourseClass.objects.create(name="Ended class", starts_on=yesterday - timedelta(days=30), ends_on=yesterday)


def test_code_is_short_and_unambiguous(open_class):
    assert len(open_class.join_code) == 8
    assert not set(open_class.join_code) & set("01OIL")
    assert normalise_join_code(" ab-cd ef12 ") == "ABCDEF12"


def test_join_by_link_shows_the_class_then_joins_on_post(learner, login, open_class):
    client = login(learner)
    url = f"/classes/join/{open_class.join_code}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Open class" in page.text
    assert not Membership.objects.exists()  # a GET never joins
    response = client.post(url, follow=True)
    assert Membership.objects.filter(course_class=open_class, learner=learner).count() == 1
    assert "You joined the class “Open class”." in response.text


def test_join_link_asks_visitors_to_sign_in_first(client, open_class):
    response = client.get(f"/classes/join/{open_class.join_code}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Membership.objects.exists()


def test_join_by_code_typed_loosely(learner, login, open_class):
    client = login(learner)
    code = open_class.join_code.lower()
    response = client.post("/classes/join/", {"code": f" {code[:4]}-{code[4:]} "}, follow=True)
    assert response.status_code == 200
    assert Membership.objects.filter(course_class=open_class, learner=learner).exists()


@pytest.mark.parametrize("how", ["link", "code"])
def test_wrong_code_says_so_and_writes_nothing(learner, login, open_class, how):
    client = login(learner)
    if how == "link":
        response = client.post("/classes/join/ZZZZ2222/")
        assert response.status_code == 404
    else:
        response = client.post("/classes/join/", {"code": "ZZZZ2222"})
        assert response.status_code == 400
    assert "No class has this code. Check it with your instructor." in response.text
    assert not Membership.objects.exists()


@pytest.mark.parametrize("how", ["link", "code"])
def test_expired_code_says_so_and_writes_nothing(learner, login, ended_class, how):
    client = login(learner)
    if how == "link":
        response = client.post(f"/classes/join/{ended_class.join_code}/")
        assert response.status_code == 404
    else:
        response = client.post("/classes/join/", {"code": ended_class.join_code})
        assert response.status_code == 400
    assert "ended on" in response.text and "its code no longer works" in response.text
    assert not Membership.objects.exists()


def test_a_class_ending_today_still_takes_learners(learner, login):
    course_class = CourseClass.objects.create(name="Last day", ends_on=timezone.localdate())
    login(learner).post("/classes/join/", {"code": course_class.join_code})
    assert Membership.objects.filter(course_class=course_class).exists()


@pytest.mark.parametrize("how", ["link", "code"])
def test_joining_twice_changes_nothing(learner, login, open_class, how):
    client = login(learner)
    for _ in range(2):
        if how == "link":
            response = client.post(f"/classes/join/{open_class.join_code}/", follow=True)
        else:
            response = client.post("/classes/join/", {"code": open_class.join_code}, follow=True)
    assert Membership.objects.filter(learner=learner).count() == 1
    assert "You are already in the class “Open class”." in response.text
    assert "You are already in this class." in client.get(f"/classes/join/{open_class.join_code}/").text


def test_a_learner_in_several_classes_leaves_one(learner, login, open_class):
    second = CourseClass.objects.create(name="Second class")
    client = login(learner)
    client.post("/classes/join/", {"code": open_class.join_code})
    client.post("/classes/join/", {"code": second.join_code})
    assert Membership.objects.filter(learner=learner).count() == 2
    page = client.get("/classes/")
    assert "Open class" in page.text and "Second class" in page.text
    response = client.post(f"/classes/{open_class.pk}/leave/", follow=True)
    assert "You left the class “Open class”." in response.text
    assert list(Membership.objects.filter(learner=learner).values_list("course_class__name", flat=True)) == [
        "Second class"
    ]


def test_leaving_a_class_one_is_not_in_is_404(learner, login, open_class):
    assert login(learner).post(f"/classes/{open_class.pk}/leave/").status_code == 404


def test_join_form_on_the_dashboard(learner, login):
    page = login(learner).get("/my-progress/")
    assert 'action="/classes/join/"' in page.text
    assert "Join a class" in page.text
