from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import LTIPlatform

register_permission_policy(LTIPlatform, admin_views.SuperusersOnly(LTIPlatform))


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_viewset")
def register_platform_viewset():
    return admin_views.platform_viewset


@hooks.register("register_admin_urls")
def register_tool_urls():
    return [
        path("lti/", admin_views.tool_page, name="lti_tool"),
        path("lti/rotate-key/", admin_views.rotate, name="lti_rotate_key"),
    ]


@hooks.register("register_settings_menu_item")
def register_tool_menu_item():
    return SuperuserMenuItem(_("LTI (LMS connection)"), reverse("lti_tool"), icon_name="link", order=900)
