"""The class grid as a spreadsheet, prepared by the background worker, not in the request.

An instructor asks for an export (`request_export`: a `ClassExport` row and a queued
`build_class_export` job, in one transaction); the worker (`manage.py db_worker --backend
background`) builds the grid with the same code as the grid page (`grid.build_grid`,
`grid.sort_rows`), writes it with the site's formula-safe writer and keeps the file in the
private "exports" storage (settings.STORAGES), never in the public media storage: the file
holds learners' names, addresses and progress, and only the download view
(classes/export_views.py) hands it out. `prune_exports` deletes what is older than
CLASS_EXPORT_RETENTION_DAYS.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from course.operations.background import background_job
from course.operations.spreadsheet import spreadsheet_bytes
from course.progress.standing import course_structure

from .grid import build_grid, sort_rows
from .models import ClassExport, ExportFormat, ExportStatus

logger = logging.getLogger(__name__)

STORAGE_ALIAS = "exports"
MAX_ERROR_LENGTH = 1000
# A job that started this long ago and never finished lost its worker (killed, machine
# restarted): the queue does not run it again by itself, so the instructor may.
STALLED_AFTER = timedelta(minutes=15)
# A second click on the same button while the first export is still on its way gets that one.
SAME_REQUEST_WITHIN = timedelta(minutes=10)


def export_storage():
    """The private storage of exports, read from settings each time (tests and S3 swap it)."""
    return storages[STORAGE_ALIAS]


def grid_table(grid):
    """(headings, rows) of the grid as plain values: the one builder of the spreadsheet's rows."""
    unit = _("Lesson") if grid.module else _("Module")
    headings = [
        _("Username"),
        _("Name"),
        _("E-mail"),
        _("Completion (%)"),
        _("Course complete"),
        _("Started"),
        _("Late items"),
    ]
    for column in grid.columns:
        label = f"{unit} {column.label}"
        headings += [f"{label}: {_('state')}", f"{label}: {_('best score (%)')}", f"{label}: {_('late')}"]
    rows = []
    for row in grid.rows:
        values = [
            row.learner.username,
            row.learner.name_for_display,
            row.learner.email,
            row.percent,
            row.course_complete,
            row.started,
            row.late_count,
        ]
        for cell in row.cells:
            values += [
                cell.state.replace("_", " "),
                None if cell.best_score is None else round(cell.best_score, 1),
                cell.late,
            ]
        rows.append(values)
    return headings, rows


def grid_file(course_class, file_format, module_id=None, sort="name"):
    """(file content as bytes, number of learners) of the class grid in `file_format`."""
    grid = build_grid(course_class, module_id=module_id)
    grid.rows = sort_rows(grid.rows, sort)
    headings, rows = grid_table(grid)
    return spreadsheet_bytes(file_format, headings, rows, title=course_class.name), len(rows)


def known_module_id(text):
    """The id of a live module from a request parameter, else None (the grid's module columns)."""
    if not str(text or "").isdigit():
        return None
    module_id = int(text)
    return module_id if any(module["id"] == module_id for module in course_structure()) else None


def request_export(course_class, user, file_format, *, module_id=None, sort="name"):
    """Queue an export of the class grid for `user`: (the export, whether it is new).

    The row and the job are written in one transaction (the queue is a table of the same
    database), so a job never looks for a row that was rolled back. The same request again
    while the first is still on its way returns the first.
    """
    if file_format not in ExportFormat.values:
        raise ValueError(f"Unknown export format {file_format!r}")
    sort = sort if sort and len(sort) <= 20 else "name"
    pending = (
        ClassExport.objects.filter(
            course_class=course_class,
            requested_by=user,
            file_format=file_format,
            module_id=module_id,
            sort=sort,
            status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING],
            requested_at__gte=timezone.now() - SAME_REQUEST_WITHIN,
        )
        .order_by("-requested_at")
        .first()
    )
    if pending:
        return pending, False
    with transaction.atomic():
        export = ClassExport.objects.create(
            course_class=course_class,
            requested_by=user,
            file_format=file_format,
            module_id=module_id,
            sort=sort,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        build_class_export.enqueue(export.pk)
    return export, True


def retryable(export, now=None):
    """Failed, or started so long ago that its worker must have died."""
    now = now or timezone.now()
    if export.status == ExportStatus.FAILED:
        return True
    return bool(export.status == ExportStatus.RUNNING and export.started_at and export.started_at < now - STALLED_AFTER)


def retry_export(export):
    """Queue a failed (or stalled) export again: True if it was queued, False if it was not
    retryable any more (a second click, or the worker got there first)."""
    stalled = Q(status=ExportStatus.RUNNING, started_at__lt=timezone.now() - STALLED_AFTER)
    with transaction.atomic():
        queued = ClassExport.objects.filter(Q(status=ExportStatus.FAILED) | stalled, pk=export.pk).update(
            status=ExportStatus.QUEUED, error="", started_at=None, finished_at=None
        )
        if queued:
            build_class_export.enqueue(export.pk)
    return bool(queued)


def record_failure(error, export_id, *, retry_at):
    """The job failed: the instructor sees why, and whether the worker tries again."""
    text = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
    ClassExport.objects.filter(pk=export_id).exclude(status=ExportStatus.READY).update(
        status=ExportStatus.QUEUED if retry_at else ExportStatus.FAILED,
        error=text,
        finished_at=None if retry_at else timezone.now(),
    )


@background_job(
    max_attempts=3,
    first_delay=timedelta(seconds=30),
    permanent=(ClassExport.DoesNotExist,),  # deleted (its class, or pruned): nothing to build
    on_failure=record_failure,
)
def build_class_export(export_id: int) -> str:
    """Build one export and keep its file. Safe to run again: only a queued export is built,
    claimed by a conditional UPDATE, so a repeated job does nothing."""
    claimed = ClassExport.objects.filter(pk=export_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return "not queued (already built, running, or deleted)"
    export = ClassExport.objects.select_related("course_class").get(pk=export_id)
    with translation.override(export.language):
        content, learner_count = grid_file(export.course_class, export.file_format, export.module_id, export.sort)
    storage = export_storage()
    # Unguessable and free of learner data: the name says nothing, the row says whose it is.
    name = storage.save(
        f"class-{export.course_class_id}/{secrets.token_hex(16)}.{export.file_format}", ContentFile(content)
    )
    try:
        finished = ClassExport.objects.filter(pk=export_id, status=ExportStatus.RUNNING).update(
            status=ExportStatus.READY,
            file_name=name,
            file_size=len(content),
            learner_count=learner_count,
            finished_at=timezone.now(),
            error="",
        )
    except Exception:
        storage.delete(name)
        raise
    if not finished:  # deleted while it was being built (its class, or pruned)
        storage.delete(name)
        return "deleted while it was built"
    return f"{len(content)} bytes, {learner_count} learners"


def delete_file_with_row(sender, instance, **kwargs):
    """post_delete of ClassExport: the file goes once the deletion is committed, whatever deleted
    the row (pruning, the class or the instructor's account deleted). After the commit, so a
    rolled-back deletion keeps a row whose file is still there."""
    if instance.file_name:
        transaction.on_commit(lambda: _delete_file(instance.file_name))


def _delete_file(name):
    try:
        export_storage().delete(name)
    except OSError:
        logger.warning("Could not delete the export file %s; prune_class_exports tries again", name, exc_info=True)


def prune_exports(days=None, now=None):
    """Delete exports asked for more than `days` ago (CLASS_EXPORT_RETENTION_DAYS), row and file,
    one transaction per row, then files no row knows of that old (left by a worker that died
    between writing the file and recording it). Returns (rows deleted, stray files deleted)."""
    days = settings.CLASS_EXPORT_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    rows = 0
    for export_id in list(ClassExport.objects.filter(requested_at__lt=cutoff).values_list("pk", flat=True)):
        with transaction.atomic():
            deleted, _counts = ClassExport.objects.filter(pk=export_id).delete()
        rows += bool(deleted)
    return rows, _delete_stray_files(cutoff)


def _delete_stray_files(cutoff):
    storage = export_storage()
    known = set(ClassExport.objects.exclude(file_name="").values_list("file_name", flat=True))
    strays = 0
    try:
        folders, _files = storage.listdir("")
    except FileNotFoundError:  # no export was ever written
        return 0
    for folder in folders:
        for file in storage.listdir(folder)[1]:
            name = f"{folder}/{file}"
            if name not in known and storage.get_modified_time(name) < cutoff:
                storage.delete(name)
                strays += 1
    return strays
