from wagtail import hooks

from .viewsets import classes_viewset


@hooks.register("register_admin_viewset")
def register_classes_viewset():
    return classes_viewset
