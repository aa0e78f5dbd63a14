from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The composition layer: site-wide pieces that may use every other app (docs/architecture.md)."""

    name = "course.site"
    label = "course_site"
    verbose_name = "Site"
