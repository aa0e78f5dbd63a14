"""The LTI endpoints: the public key set, OIDC login initiation, and the launch.

Login and launch are cross-site requests from the LMS: they carry no CSRF token; the OIDC
state (a cookie set at login) and the one-use nonce inside the signed id_token do its job."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pylti1p3.exception import LtiException, OIDCException

from . import framing
from .deep_linking import start_deep_linking
from .errors import explain, launch_error
from .keys import current_key, public_key_set
from .launch import CLAIM, LaunchRefused, apply_launch, is_context_instructor
from .protocol import message_launch, oidc_login

AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_GET
def jwks(request):
    current_key()  # a fresh site makes its first key before an LMS reads the set
    response = JsonResponse(public_key_set())
    response["Cache-Control"] = "public, max-age=300"
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def login_initiation(request):
    try:
        return oidc_login(request).redirect(request.build_absolute_uri(reverse("lti:launch")))
    except (OIDCException, LtiException) as error:
        status, message = explain(error)
        return launch_error(request, message, status)


@csrf_exempt
@never_cache
@require_POST
def launch(request):
    lti_launch = message_launch(request)
    try:
        claims = lti_launch.get_launch_data()
    except LtiException as error:
        status, message = explain(error)
        return launch_error(request, message, status)
    platform = lti_launch.get_tool_conf().platform
    if lti_launch.is_deep_link_launch():
        return start_deep_linking(request, lti_launch, platform, claims)
    if not lti_launch.is_resource_launch():
        return launch_error(request, explain(LtiException("Unrecognized message type"))[1], 400)
    try:
        user, lti_context, page, quiz = apply_launch(platform, claims)
    except LaunchRefused as refused:
        return launch_error(request, refused.message, refused.status)
    login(request, user, backend=AUTH_BACKEND)
    framing.remember_platform(request, platform)
    if lti_context is not None and is_context_instructor(claims.get(CLAIM + "roles")):
        roster_url = reverse("lti:roster", args=[lti_context.course_class_id])
        messages.info(
            request,
            format_html(
                _('You teach the class “{}” here. <a href="{}">Its roster, synced from the LMS</a>.'),
                lti_context.course_class.name,
                roster_url,
            ),
        )
    return HttpResponseRedirect(reverse("quiz:detail", args=[quiz.pk]) if quiz else page.url)
