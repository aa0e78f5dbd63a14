from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "course.importer"
    label = "importer"
    verbose_name = "Content importer"
