"""The class grid's exports go through the background queue: asked for by a POST, built by the
worker, kept in private storage, downloaded only by the instructor who asked, retried after a
failure, pruned after CLASS_EXPORT_RETENTION_DAYS."""

import csv
import io
import os
from datetime import timedelta
from unittest import mock

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from course.classes.exports import build_class_export, grid_file, grid_table
from course.classes.grid import build_grid, sort_rows
from course.classes.models import ClassExport, ExportStatus, Membership
from course.lessons.models import ModulePage
from course.operations.spreadsheet import safe_cell
from course.quiz.models import Quiz, QuizKind
from course.settings import base as base_settings
from tests.conftest import warm_query_count
from tests.mail_queue import run_worker

from .conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_exports(exports_dir):
    return exports_dir


def exports_url(course_class):
    return f"/admin/classes/{course_class.pk}/exports/"


def ask_for(client, course_class, file_format="csv", **fields):
    response = client.post(exports_url(course_class), {"file_format": file_format, **fields})
    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == exports_url(course_class)
    return ClassExport.objects.filter(course_class=course_class).latest("requested_at", "pk")


def download_url(export):
    return f"/admin/classes/{export.course_class_id}/exports/{export.pk}/download/"


def make_due():
    """Bring every deferred retry forward, as if its delay had passed."""
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))


def csv_rows(content):
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def expected_table(course_class, module_id=None, sort="name"):
    """The grid's own (headings, rows), as the spreadsheet writer stores each value."""
    grid = build_grid(course_class, module_id=module_id)
    grid.rows = sort_rows(grid.rows, sort)
    headings, rows = grid_table(grid)
    return [safe_cell(value) for value in headings], [[safe_cell(value) for value in row] for row in rows]


@pytest.fixture
def class_with_work(seminar, learner, make_user):
    """The seminar with a second learner, and some work done, so the grid has figures."""
    Membership.objects.create(course_class=seminar, learner=make_user("bea"))
    check = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("page__path").first()
    submit(learner, check, 100.0)
    return seminar


def test_an_export_is_queued_then_built_by_the_worker_then_downloaded(class_with_work, instructor, login, exports_dir):
    client = login(instructor)
    export = ask_for(client, class_with_work, "csv")
    assert export.status == ExportStatus.QUEUED
    assert export.requested_by == instructor
    assert DBTaskResult.objects.count() == 1
    assert not exports_dir.exists() or not any(exports_dir.rglob("*.csv"))  # nothing built in the request
    page = client.get(exports_url(class_with_work))
    assert "Queued" in page.text
    assert "Refresh this page" in page.text
    assert "data-pending" in page.text

    run_worker()

    export.refresh_from_db()
    assert export.status == ExportStatus.READY
    assert (export.learner_count, export.error) == (2, "")
    assert (exports_dir / export.file_name).is_file()
    page = client.get(exports_url(class_with_work))
    assert download_url(export) in page.text
    assert "data-pending" not in page.text
    response = client.get(download_url(export))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    day = timezone.localdate()
    assert (
        response["Content-Disposition"] == f'attachment; filename="class-{class_with_work.pk}-grid-{day:%Y-%m-%d}.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content)
    assert content == grid_file(class_with_work, "csv")[0]
    headings, rows = expected_table(class_with_work)
    assert csv_rows(content) == [headings, *[[str(value) for value in row] for row in rows]]
    bea = csv_rows(content)[1]
    assert (bea[0], bea[2], bea[3]) == ("bea", "bea@example.com", "0")


def test_the_xlsx_export_holds_the_grid_as_shown_columns_and_order(class_with_work, instructor, login):
    class_with_work.name = "Q1/Q2: [draft]"  # characters Excel refuses in a sheet's name
    class_with_work.save()
    module = ModulePage.objects.live().order_by("path").first()
    client = login(instructor)
    export = ask_for(client, class_with_work, "xlsx", module=str(module.pk), sort="-progress")
    run_worker()
    response = client.get(download_url(export))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f"-module-{module.pk}-" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.title == "Q1-Q2- -draft-"
    values = [[blank_as_none(cell.value) for cell in row] for row in sheet.iter_rows()]
    headings, rows = expected_table(class_with_work, module_id=module.pk, sort="-progress")
    assert values[0] == headings
    assert [[blank_as_none(value) for value in row] for row in rows] == values[1:]
    assert values[0][7].startswith("Lesson ")  # the module's lessons are the columns
    assert values[1][0] == "learner"  # sorted by progress, most first


def blank_as_none(value):
    return None if value == "" else value


def test_an_unknown_module_or_order_exports_the_modules_by_name(class_with_work, instructor, login):
    export = ask_for(login(instructor), class_with_work, "csv", module="999999", sort="x" * 50)
    assert (export.module_id, export.sort) == (None, "name")


@pytest.fixture
def hostile_learner(seminar, make_user):
    user = make_user("=cmd", display_name="@Dr Évora")
    Membership.objects.create(course_class=seminar, learner=user)
    return user


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exports_are_formula_safe(seminar, hostile_learner, instructor, login, file_format):
    client = login(instructor)
    export = ask_for(client, seminar, file_format)
    run_worker()
    content = b"".join(client.get(download_url(export)).streaming_content)
    if file_format == "csv":
        rows = csv_rows(content)
    else:
        rows = [[cell.value for cell in row] for row in load_workbook(io.BytesIO(content)).active.iter_rows()]
        assert isinstance(next(row for row in rows if row[0] == "learner")[3], int)
    assert rows[0][:4] == ["Username", "Name", "E-mail", "Completion (%)"]
    hostile = next(row for row in rows if row[0] == "'=cmd")
    assert hostile[1] == "'@Dr Évora"
    assert not any(isinstance(value, str) and value.startswith(("=", "@")) for row in rows for value in row)


def test_the_same_request_while_the_first_is_on_its_way_gets_the_first(seminar, instructor, login):
    client = login(instructor)
    first = ask_for(client, seminar, "csv")
    again = client.post(exports_url(seminar), {"file_format": "csv"}, follow=True)
    assert "already on its way" in again.text
    assert ClassExport.objects.count() == 1
    assert ask_for(client, seminar, "xlsx") != first  # another format is another export
    assert DBTaskResult.objects.count() == 2


def test_a_bad_format_is_refused_and_nothing_is_queued(seminar, instructor, login):
    response = login(instructor).post(exports_url(seminar), {"file_format": "pdf"})
    assert response.status_code == 400
    assert "Choose CSV or XLSX: the export was not queued." in response.text
    assert not ClassExport.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_the_export_button_needs_the_csrf_token(seminar, instructor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(instructor)
    assert client.post(exports_url(seminar), {"file_format": "csv"}).status_code == 403
    assert not ClassExport.objects.exists()


def test_a_repeated_job_builds_nothing_twice(seminar, instructor, login, exports_dir):
    export = ask_for(login(instructor), seminar, "csv")
    run_worker()
    export.refresh_from_db()
    build_class_export.enqueue(export.pk)
    run_worker()
    again = ClassExport.objects.get(pk=export.pk)
    assert again.file_name == export.file_name
    assert len(list(exports_dir.rglob("*.csv"))) == 1


def test_another_instructor_and_a_co_instructor_get_404(seminar, other_class, instructor, make_instructor, login):
    export = ask_for(login(instructor), seminar, "csv")
    run_worker()
    co_teacher = make_instructor("co-teacher")
    seminar.instructors.add(co_teacher)
    other = login(other_class.other_instructor)
    assert other.get(exports_url(seminar)).status_code == 404
    assert other.post(exports_url(seminar), {"file_format": "csv"}).status_code == 404
    assert other.get(download_url(export)).status_code == 404
    assert other.post(f"{exports_url(seminar)}{export.pk}/retry/").status_code == 404
    # The export of another class's URL does not leak either.
    assert other.get(f"/admin/classes/{other_class.pk}/exports/{export.pk}/download/").status_code == 404
    # A co-instructor sees the class but not another instructor's exports.
    co = login(co_teacher)
    page = co.get(exports_url(seminar))
    assert page.status_code == 200
    assert download_url(export) not in page.text
    assert co.get(download_url(export)).status_code == 404
    assert ClassExport.objects.count() == 1


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_learners_and_visitors_are_sent_to_the_admin_login(seminar, instructor, learner, client, login, who):
    export = ask_for(login(instructor), seminar, "csv")
    run_worker()
    client.logout()
    if who == "learner":
        client.force_login(learner)
    for response in (
        client.get(exports_url(seminar)),
        client.post(exports_url(seminar), {"file_format": "csv"}),
        client.get(download_url(export)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert ClassExport.objects.count() == 1


def test_a_failed_export_says_why_and_can_be_tried_again(seminar, instructor, login):
    client = login(instructor)
    export = ask_for(client, seminar, "csv")
    with mock.patch("course.classes.exports.grid_file", side_effect=OSError("No space left on device")):
        run_worker()
        export.refresh_from_db()
        assert export.status == ExportStatus.QUEUED  # the worker tries again by itself
        page = client.get(exports_url(seminar))
        assert "the last try failed: OSError: No space left on device" in page.text
        assert "Try again" not in page.text
        for _ in range(2):
            make_due()
            run_worker()
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED
    assert export.error == "OSError: No space left on device"
    page = client.get(exports_url(seminar))
    assert "Failed</strong>: OSError: No space left on device" in page.text
    assert "Try again" in page.text
    assert client.get(download_url(export)).status_code == 404

    retried = client.post(f"{exports_url(seminar)}{export.pk}/retry/", follow=True)
    assert "The export is queued again." in retried.text
    twice = client.post(f"{exports_url(seminar)}{export.pk}/retry/", follow=True)
    assert "nothing to retry" in twice.text
    run_worker()
    export.refresh_from_db()
    assert (export.status, export.error) == (ExportStatus.READY, "")
    assert client.get(download_url(export)).status_code == 200


def test_a_stalled_export_can_be_tried_again(seminar, instructor, login):
    client = login(instructor)
    export = ask_for(client, seminar, "csv")
    ClassExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1)
    )
    DBTaskResult.objects.all().delete()  # the worker that claimed it died
    assert "Stalled" in client.get(exports_url(seminar)).text
    client.post(f"{exports_url(seminar)}{export.pk}/retry/")
    run_worker()
    export.refresh_from_db()
    assert export.status == ExportStatus.READY


def test_a_file_that_is_gone_is_404(seminar, instructor, login, exports_dir):
    client = login(instructor)
    export = ask_for(client, seminar, "csv")
    run_worker()
    export.refresh_from_db()
    (exports_dir / export.file_name).unlink()
    response = client.get(download_url(export))
    assert response.status_code == 404


def test_the_file_is_not_under_media_url(seminar, instructor, login, settings, exports_dir, client):
    export = ask_for(login(instructor), seminar, "csv")
    run_worker()
    export.refresh_from_db()
    assert not base_settings.PRIVATE_EXPORTS_ROOT.resolve().is_relative_to(base_settings.MEDIA_ROOT.resolve())
    for path in (export.file_name, f"../exports/{export.file_name}", f"..%2Fexports%2F{export.file_name}"):
        assert client.get(f"{settings.MEDIA_URL}{path}").status_code == 404
    with pytest.raises(ValueError, match="private file"):
        storages["exports"].url(export.file_name)


# The admin's own (session, user, its menu and chrome: 9) plus the class and the exports.
EXPORTS_PAGE_QUERIES = 11


def test_the_exports_page_costs_the_same_queries_for_one_export_or_twenty(
    seminar, instructor, login, django_assert_max_num_queries
):
    client = login(instructor)
    ask_for(client, seminar, "csv")
    run_worker()
    one, _page = warm_query_count(client, exports_url(seminar))
    modules = list(ModulePage.objects.live().order_by("path"))
    for index in range(19):
        ClassExport.objects.create(
            course_class=seminar,
            requested_by=instructor,
            file_format="xlsx",
            module=modules[index % len(modules)] if index % 2 else None,
            language="en-gb",
            status=[ExportStatus.QUEUED, ExportStatus.RUNNING, ExportStatus.FAILED][index % 3],
            error="OSError: disk",
        )
    twenty, page = warm_query_count(client, exports_url(seminar))
    assert page.text.count('data-export-status="') == 20
    assert twenty == one
    with django_assert_max_num_queries(EXPORTS_PAGE_QUERIES):
        client.get(exports_url(seminar))


def test_pruning_deletes_old_exports_rows_and_files(
    seminar, instructor, login, exports_dir, django_capture_on_commit_callbacks
):
    client = login(instructor)
    old = ask_for(client, seminar, "csv")
    recent = ask_for(client, seminar, "xlsx")
    run_worker()
    old.refresh_from_db()
    recent.refresh_from_db()
    ClassExport.objects.filter(pk=old.pk).update(requested_at=timezone.now() - timedelta(days=8))
    storage = storages["exports"]
    stray = storage.save("class-0/stray.csv", ContentFile(b"left by a worker that died"))
    eight_days_ago = (timezone.now() - timedelta(days=8)).timestamp()
    os.utime(exports_dir / stray, (eight_days_ago, eight_days_ago))
    fresh_stray = storage.save("class-0/fresh.csv", ContentFile(b"being recorded right now"))

    with django_capture_on_commit_callbacks(execute=True):
        out = io.StringIO()
        call_command("prune_class_exports", stdout=out)

    assert "Deleted 1 exports older than 7 days, and 1 stray files." in out.getvalue()
    assert list(ClassExport.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not (exports_dir / old.file_name).exists()
    assert not (exports_dir / stray).exists()
    assert (exports_dir / recent.file_name).exists()
    assert (exports_dir / fresh_stray).exists()
    assert client.get(download_url(old)).status_code == 404


def test_deleting_the_class_deletes_its_exports_and_files(
    seminar, instructor, login, exports_dir, django_capture_on_commit_callbacks
):
    export = ask_for(login(instructor), seminar, "csv")
    run_worker()
    export.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        seminar.delete()
    assert not ClassExport.objects.exists()
    assert not (exports_dir / export.file_name).exists()


def test_an_export_deleted_while_it_was_built_leaves_no_file(seminar, instructor, login, exports_dir):
    export = ask_for(login(instructor), seminar, "csv")

    def delete_then_build(*args, **kwargs):
        ClassExport.objects.filter(pk=export.pk).delete()
        return b"data", 1

    with mock.patch("course.classes.exports.grid_file", side_effect=delete_then_build):
        run_worker()
    assert not any(exports_dir.rglob("*.csv"))


def test_deleting_a_learners_account_deletes_the_exports_that_hold_them(
    seminar, other_class, learner, instructor, login, exports_dir, django_capture_on_commit_callbacks
):
    client = login(instructor)
    holding = ask_for(client, seminar, "csv")
    other_instructor = login(other_class.other_instructor)
    elsewhere = ask_for(other_instructor, other_class, "csv")
    run_worker()
    holding.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        learner.delete()
    assert list(ClassExport.objects.values_list("pk", flat=True)) == [elsewhere.pk]
    assert not (exports_dir / holding.file_name).exists()
