"""Roster sync: the instructor's button fetches the LMS course's members from the platform's
NRPS service (lti1p3platform) and adds them, as accounts linked by issuer and user id."""

import pytest

from course.classes.models import CourseClass, Membership
from course.lti.models import LTIAccount, LTIContext

from .conftest import do_launch
from .platform import INSTRUCTOR, ISSUER, LEARNER

pytestmark = pytest.mark.django_db


def test_the_instructor_syncs_the_roster_from_the_lms(client, lms, registered):
    launched = do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR, nrps=True)
    lti_class = LTIContext.objects.get().course_class
    home = client.get(launched["Location"])
    assert f'href="/lti/classes/{lti_class.pk}/roster/"'.encode() in home.content  # the way to the button
    lms.members = [
        {"user_id": "learner-1", "roles": LEARNER, "name": "Grace Hopper", "email": "grace@lms.example.test"},
        {"user_id": "learner-2", "roles": LEARNER, "name": "Alan Turing"},
        {"user_id": "teacher-1", "roles": INSTRUCTOR},
        {"user_id": "gone", "roles": LEARNER, "status": "Deleted"},
    ]
    page = client.get(f"/lti/classes/{lti_class.pk}/roster/")
    assert b"Sync roster from the LMS" in page.content
    response = client.post(f"/lti/classes/{lti_class.pk}/roster/", follow=True)
    assert b"2 added" in response.content
    members = Membership.objects.filter(course_class=lti_class)
    assert sorted(LTIAccount.objects.get(user=m.learner).subject for m in members) == ["learner-1", "learner-2"]
    assert not LTIAccount.objects.filter(subject="gone").exists()
    # Synced twice: nothing doubles. A learner's later launch uses the synced account.
    client.post(f"/lti/classes/{lti_class.pk}/roster/")
    assert members.count() == 2
    synced = LTIAccount.objects.get(issuer=ISSUER, subject="learner-1").user
    client.logout()
    do_launch(client, lms, sub="learner-1", roles=LEARNER)
    assert client.get("/").wsgi_request.user == synced


def test_only_the_class_instructor_may_sync(client, lms, registered, make_user):
    do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR, nrps=True)
    lti_class = LTIContext.objects.get().course_class
    client.logout()
    do_launch(client, lms, sub="learner-1", roles=LEARNER, nrps=True)
    assert client.post(f"/lti/classes/{lti_class.pk}/roster/").status_code == 404
    other = CourseClass.objects.create(name="Not from an LMS")
    client.force_login(make_user("someone"))
    assert client.get(f"/lti/classes/{other.pk}/roster/").status_code == 404


def test_an_lms_that_fails_changes_nothing(client, lms, registered):
    do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR, nrps=True)
    lti_class = LTIContext.objects.get().course_class
    LTIContext.objects.update(memberships_url=lms.url("/memberships-missing"))
    lms.members = [{"user_id": "learner-1", "roles": LEARNER}]
    response = client.post(f"/lti/classes/{lti_class.pk}/roster/", follow=True)
    assert b"did not answer" in response.content
    assert not Membership.objects.exists()
