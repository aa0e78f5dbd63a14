"""The class grid's exports in the admin: ask for one (POST), watch it on the exports page, retry
a failed one, download a ready one. An instructor sees only their own exports of a class they
teach (privacy.class_for_instructor): anything else is 404, as if it did not exist."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from course.operations.spreadsheet import CONTENT_TYPES
from course.progress.standing import course_structure

from .admin_views import ClassPageView, class_url
from .exports import export_storage, known_module_id, request_export, retry_export, retryable
from .models import ClassExport, ExportFormat, ExportStatus
from .privacy import class_for_instructor

RECENT_EXPORTS = 20  # older ones are pruned after CLASS_EXPORT_RETENTION_DAYS anyway


def own_exports(user, course_class):
    return ClassExport.objects.filter(course_class=course_class, requested_by=user)


class ClassExportsView(ClassPageView):
    """GET: the user's recent exports of the class (status, when, download link when ready).
    POST: ask for a new one (format, and the grid's columns and order), then back here."""

    template_name = "classes/admin/exports.html"
    page_subtitle = gettext_lazy("Exports")

    def get_context_data(self, **kwargs):
        exports = list(
            own_exports(self.request.user, self.course_class).order_by("-requested_at", "-pk")[:RECENT_EXPORTS]
        )
        modules = {module["id"]: module for module in course_structure()}
        for export in exports:
            export.columns = modules.get(export.module_id)
            export.can_retry = retryable(export)
        pending = any(
            export.status in (ExportStatus.QUEUED, ExportStatus.RUNNING) and not export.can_retry for export in exports
        )
        return super().get_context_data(
            exports=exports, pending=pending, retention_days=settings.CLASS_EXPORT_RETENTION_DAYS, **kwargs
        )

    def post(self, request, *args, **kwargs):
        file_format = request.POST.get("file_format", "")
        if file_format not in ExportFormat.values:
            response = self.render_to_response(
                self.get_context_data(form_error=_("Choose CSV or XLSX: the export was not queued."))
            )
            response.status_code = 400
            return response
        export, new = request_export(
            self.course_class,
            request.user,
            file_format,
            module_id=known_module_id(request.POST.get("module")),
            sort=request.POST.get("sort", "name"),
        )
        if new:
            messages.success(
                request,
                _("Your %(format)s export is queued: it is prepared in the background and listed below.")
                % {"format": export.get_file_format_display()},
            )
        else:
            messages.info(request, _("That export is already on its way: it is listed below."))
        return redirect(class_url("exports", self.course_class))


@require_POST
def retry_class_export(request, class_id, export_id):
    course_class = class_for_instructor(request.user, class_id)
    export = get_object_or_404(own_exports(request.user, course_class), pk=export_id)
    if retry_export(export):
        messages.success(request, _("The export is queued again."))
    else:
        messages.info(request, _("That export has not failed: there is nothing to retry."))
    return redirect(class_url("exports", course_class))


def download_class_export(request, class_id, export_id):
    """The file of a ready export, as an attachment; 404 when it is not ready or its file is gone."""
    course_class = class_for_instructor(request.user, class_id)
    export = get_object_or_404(own_exports(request.user, course_class), pk=export_id, status=ExportStatus.READY)
    storage = export_storage()
    try:
        if not storage.exists(export.file_name):
            raise FileNotFoundError(export.file_name)
        handle = storage.open(export.file_name, "rb")
    except FileNotFoundError as error:
        raise Http404(_("This export's file is gone: ask for a new export.")) from error
    return FileResponse(
        handle, as_attachment=True, filename=export.download_name, content_type=CONTENT_TYPES[export.file_format]
    )
