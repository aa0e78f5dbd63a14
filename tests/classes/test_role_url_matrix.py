"""Every URL of classes, for each role: anonymous, a student of the class, a student of
another class, the class's instructor, an instructor of another class (404 on every
page of this class), and a superuser (404 on another instructor's exports)."""

from django.core.files.base import ContentFile
from django.core.files.storage import storages

import pytest

from course.capstone.models import Capstone, CapstoneResponse
from course.classes.models import ClassExport, ExportStatus
from course.quiz.models import Quiz, QuizKind

from .conftest import submit

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "student", "other_student", "instructor", "other_instructor", "superuser"]


@pytest.fixture
def world(seminar, other_class, learner, other_learner, instructor, superuser, exports_dir):
    check = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("page__path").first()
    attempt = submit(learner, check, 100.0)
    capstone = Capstone.objects.get()
    response = CapstoneResponse.objects.create(
        learner=learner, capstone=capstone, answers={str(p.pk): "My answer" for p in capstone.prompts.all()}
    )
    prompt = capstone.prompts.first()
    # The instructor's own exports: one ready to download, one failed (to retry).
    ready, failed = (
        ClassExport.objects.create(
            course_class=seminar, requested_by=instructor, file_format="csv", language="en-gb", status=status, **file
        )
        for status, file in (
            (
                ExportStatus.READY,
                {
                    "file_name": storages["exports"].save("class/grid.csv", ContentFile(b"a,b")),
                    "file_size": 3,
                    "learner_count": 1,
                },
            ),
            (ExportStatus.FAILED, {}),
        )
    )
    users = {
        "anonymous": None,
        "student": learner,
        "other_student": other_learner,
        "instructor": instructor,
        "other_instructor": other_class.other_instructor,
        "superuser": superuser,
    }
    c, u = seminar.pk, learner.pk
    return {
        "users": users,
        "class": seminar,
        "urls": {
            # name: (method, url, data)
            "my_classes": ("get", "/classes/", None),
            "join_code": ("post", "/classes/join/", {"code": seminar.join_code}),
            "join_link": ("get", f"/classes/join/{seminar.join_code}/", None),
            "leave": ("post", f"/classes/{c}/leave/", None),
            "time_zone": ("post", "/classes/time-zone/", {"time_zone": "Europe/Berlin"}),
            "admin_index": ("get", "/admin/classes/", None),
            "admin_add": ("get", "/admin/classes/new/", None),
            "admin_edit": ("get", f"/admin/classes/edit/{c}/", None),
            "admin_delete": ("get", f"/admin/classes/delete/{c}/", None),
            "admin_history": ("get", f"/admin/classes/history/{c}/", None),
            "admin_usage": ("get", f"/admin/classes/usage/{c}/", None),
            "admin_class": ("get", f"/admin/classes/{c}/", None),
            "admin_add_learners": ("post", f"/admin/classes/{c}/learners/add/", {"emails": "new@example.com"}),
            "admin_remove": ("post", f"/admin/classes/{c}/learners/{u}/remove/", None),
            "admin_due": ("get", f"/admin/classes/{c}/due-dates/", None),
            "admin_grid": ("get", f"/admin/classes/{c}/grid/", None),
            "admin_exports": ("get", f"/admin/classes/{c}/exports/", None),
            "admin_export": ("post", f"/admin/classes/{c}/exports/", {"file_format": "csv"}),
            "admin_download": ("get", f"/admin/classes/{c}/exports/{ready.pk}/download/", None),
            "admin_retry": ("post", f"/admin/classes/{c}/exports/{failed.pk}/retry/", None),
            "admin_learner": ("get", f"/admin/classes/{c}/learners/{u}/", None),
            "admin_attempt": ("get", f"/admin/classes/{c}/learners/{u}/attempts/{attempt.pk}/", None),
            "admin_feedback": (
                "post",
                f"/admin/classes/{c}/learners/{u}/feedback/{response.pk}/{prompt.pk}/",
                {f"fb-{response.pk}-{prompt.pk}-comment": "Good", f"fb-{response.pk}-{prompt.pk}-verdict": "meets"},
            ),
        },
    }


PUBLIC = ["my_classes", "join_code", "join_link", "leave", "time_zone"]
ADMIN_OF_CLASS = [
    "admin_edit",
    "admin_delete",
    "admin_history",
    "admin_usage",
    "admin_class",
    "admin_add_learners",
    "admin_remove",
    "admin_due",
    "admin_grid",
    "admin_exports",
    "admin_export",
    "admin_download",
    "admin_retry",
    "admin_learner",
    "admin_attempt",
    "admin_feedback",
]
# An export is its requester's: another instructor of the class, even a superuser, gets 404.
OWN_EXPORT = ["admin_download", "admin_retry"]
ADMIN_GENERAL = ["admin_index", "admin_add"]
ALL = PUBLIC + ADMIN_GENERAL + ADMIN_OF_CLASS


def expected(role, name):
    """(status, where a redirect goes or None)."""
    if name in PUBLIC:
        if role == "anonymous":
            return 302, "/accounts/login/"
        if name == "leave" and role != "student":
            return 404, None  # not a member of the class
        return (200, None) if name in ("my_classes", "join_link") else (302, "/classes/")
    if role == "anonymous" or role in ("student", "other_student"):
        return 302, "/admin/login/"
    if role == "other_instructor" and name in ADMIN_OF_CLASS:
        return 404, None
    if role == "superuser" and name in OWN_EXPORT:
        return 404, None
    method = (
        "post"
        if name in ("admin_add_learners", "admin_remove", "admin_feedback", "admin_export", "admin_retry")
        else "get"
    )
    return (302, None) if method == "post" else (200, None)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ALL)
def test_role_url_matrix(client, world, role, name):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    method, url, data = world["urls"][name]
    response = getattr(client, method)(url, data or {})
    status, location = expected(role, name)
    assert response.status_code == status, (role, name, response.status_code)
    if location:
        assert response["Location"].startswith(location), (role, name, response["Location"])
    if name == "admin_index" and status == 200:
        shown = "Seminar A" in response.text
        assert shown == (role in ("instructor", "superuser")), role
        assert ("Seminar B" in response.text) == (role in ("other_instructor", "superuser")), role
