from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "course.reports"
    label = "reports"
    verbose_name = "Instructor reports"
