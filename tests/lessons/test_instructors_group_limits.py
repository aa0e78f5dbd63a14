"""The Instructors group edits course content, nothing in users, groups or site settings."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Site

import pytest

from course.site.roles import INSTRUCTORS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/admin/users/", "/admin/users/new/", "/admin/groups/", "/admin/groups/new/", "/admin/sites/"],
)
def test_instructor_is_turned_away_from_users_groups_and_sites(login, instructor, url):
    response = login(instructor).get(url)

    assert response.status_code in (302, 403), url
    assert response.status_code == 403 or response["Location"] == "/admin/"


def test_instructor_cannot_edit_another_user(login, instructor, learner):
    response = login(instructor).post(
        f"/admin/users/edit/{learner.pk}/", {"username": learner.username, "email": "x@example.com", "is_staff": "on"}
    )

    assert response.status_code in (302, 403)
    learner.refresh_from_db()
    assert learner.email == "learner@example.com" and not learner.is_staff


def test_group_holds_no_permission_on_users_groups_or_sites():
    group = Group.objects.get(name=INSTRUCTORS)
    protected = [get_user_model(), Group, Permission, Site]

    held = group.permissions.filter(content_type__model__in=[model._meta.model_name for model in protected])

    assert list(held.values_list("codename", flat=True)) == []
    assert not group.permissions.filter(content_type__app_label="wagtailsettings").exists()
