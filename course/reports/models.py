"""The reports read other apps' data; this app stores nothing of its own. The one
model exists so the "view reports" permission has somewhere to live."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstructorReports(models.Model):
    """Carries the `reports.view_reports` permission; it has no table."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", _("Can view the instructor reports"))]
        verbose_name = _("instructor reports")
        verbose_name_plural = _("instructor reports")

    def __str__(self):
        return str(self._meta.verbose_name)
