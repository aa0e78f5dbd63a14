"""Registration in the Wagtail admin, for superusers only: the platforms (a ModelViewSet),
and the tool's page: what to type into the LMS, and the tool's keys (rotated by a button;
only public keys and their ids are ever shown)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .keys import current_key, rotate_keys
from .models import KEY_GRACE_PERIOD, LTIPlatform, ToolKey


class SuperusersOnly(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class PlatformViewSet(ModelViewSet):
    model = LTIPlatform
    icon = "link"
    menu_label = gettext_lazy("LTI platforms")
    add_to_admin_menu = False
    url_prefix = "lti/platforms"
    name = "lti_platforms"
    list_display = ["name", "issuer", "client_id"]
    panels = [
        FieldPanel("name"),
        FieldPanel("issuer"),
        FieldPanel("client_id"),
        FieldPanel("deployment_ids"),
        FieldPanel("key_set_url"),
        FieldPanel("auth_login_url"),
        FieldPanel("auth_token_url"),
        FieldPanel("auth_audience"),
        FieldPanel("frame_origins"),
    ]


platform_viewset = PlatformViewSet()


def _superuser(request):
    if not (request.user.is_active and request.user.is_superuser):
        raise PermissionDenied


def tool_values(request):
    """The tool's side of a registration, as absolute URLs of this site."""

    def absolute(name):
        return request.build_absolute_uri(reverse(name))

    return {
        "login_url": absolute("lti:login"),
        "launch_url": absolute("lti:launch"),
        "deep_linking_url": absolute("lti:launch"),
        "jwks_url": absolute("lti:jwks"),
        "domain": request.get_host(),
    }


def tool_page(request):
    _superuser(request)
    current_key()  # a fresh site gets its first key here, before any LMS asks for it
    return TemplateResponse(
        request,
        "lti/admin/tool.html",
        {
            "values": tool_values(request),
            "keys": ToolKey.objects.published().only("kid", "created_at", "retired_at"),
            "grace_hours": int(KEY_GRACE_PERIOD.total_seconds() // 3600),
            "platforms": LTIPlatform.objects.all(),
        },
    )


@require_POST
def rotate(request):
    _superuser(request)
    key = rotate_keys()
    messages.success(request, _("New key %(kid)s. The previous key stays published for a day.") % {"kid": key.kid})
    return redirect("lti_tool")
