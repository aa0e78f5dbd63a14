from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The composition layer: site-wide pieces that may use every other app (docs/architecture.md)."""

    name = "course.site"
    label = "course_site"
    verbose_name = _("Site")
