"""Who may read the reports: superusers and the Instructors group; nobody else."""

from django.contrib.auth.models import Permission

import pytest

pytestmark = pytest.mark.django_db

REPORTS = [
    "/admin/course-reports/learners/",
    "/admin/course-reports/quizzes/",
    "/admin/course-reports/items/",
    "/admin/course-reports/reteach/",
]
RESULTS = [f"{url}results/" for url in REPORTS]
EXPORTS = [f"{url}?export=csv" for url in REPORTS]


@pytest.fixture
def editor(make_user):
    """Staff with admin access but not the reports permission."""
    user = make_user("editor", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.mark.parametrize("url", REPORTS + RESULTS + EXPORTS)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", REPORTS + EXPORTS)
def test_students_have_no_admin_access(login, learner, url):
    response = login(learner).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", REPORTS + EXPORTS)
def test_staff_without_the_reports_permission_are_turned_away(login, editor, url):
    response = login(editor).get(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", REPORTS + RESULTS + EXPORTS)
def test_instructors_may_read_every_report(login, instructor, url):
    assert login(instructor).get(url).status_code == 200


@pytest.mark.parametrize("url", REPORTS + EXPORTS)
def test_superusers_may_read_every_report(login, superuser, url):
    assert login(superuser).get(url).status_code == 200


def test_the_instructors_group_holds_the_reports_permission(instructor):
    assert instructor.has_perm("reports.view_reports")


def test_the_reports_menu_lists_the_reports_for_instructors_only(login, instructor, editor):
    html = login(instructor).get("/admin/").content.decode()
    for url in REPORTS:
        assert url in html
    html = login(editor).get("/admin/").content.decode()
    assert not any(url in html for url in REPORTS)
