from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "course.lessons"
    label = "lessons"
    verbose_name = "Lessons"
