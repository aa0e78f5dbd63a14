from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from .viewsets import classes_viewset


@hooks.register("register_admin_viewset")
def register_classes_viewset():
    return classes_viewset


@hooks.register("insert_global_admin_css")
def class_grid_css():
    return format_html('<link rel="stylesheet" href="{}">', static("course/admin/classes.css"))
