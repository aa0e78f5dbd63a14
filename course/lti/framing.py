"""Pages opened by an LTI launch, inside the LMS's frame.

- Who may frame them: the launching platform's origins only (its "LMS web addresses", else
  its issuer's origin), as CSP frame-ancestors for that session (course/operations/csp.py);
  X-Frame-Options (DENY for everyone else) is dropped for that session, since it cannot name
  an origin and browsers that read CSP ignore it anyway.
- Cookies in a third-party frame: the browser sends a SameSite=Lax cookie only to the top
  site, so the session and CSRF cookies of an LTI session, and PyLTI1p3's state cookies on
  /lti/, are sent as SameSite=None; Secure; Partitioned (CHIPS: kept per LMS site, which
  browsers that block third-party cookies still allow). Everyone else keeps Lax cookies.
- A browser that still refuses them gets the state-mismatch page; LMSs can open the tool in
  a new window instead (the tool's "launch container" setting, docs/lti.md).
"""

from http import cookies

from django.conf import settings

from course.operations.csp import FRAME_ANCESTORS_SESSION_KEY, session_frame_ancestors

PLATFORM_SESSION_KEY = "lti_platform"
LTI_PATH = "/lti/"
STATE_COOKIE_PREFIX = "lti1p3-"

# Python's cookie module (before 3.14) knows no Partitioned attribute: teach it the flag.
cookies.Morsel._reserved.setdefault("partitioned", "Partitioned")
cookies.Morsel._flags.add("partitioned")


def remember_platform(request, platform):
    request.session[FRAME_ANCESTORS_SESSION_KEY] = platform.allowed_frame_origins()
    request.session[PLATFORM_SESSION_KEY] = platform.pk


def _third_party(morsel):
    morsel["samesite"] = "None"
    morsel["secure"] = True
    morsel["partitioned"] = True


class LTIFrameMiddleware:
    """Outside SessionMiddleware and CsrfViewMiddleware, so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if session_frame_ancestors(request):
            if response.get("X-Frame-Options"):
                del response["X-Frame-Options"]
            for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
                if name in response.cookies and response.cookies[name].value:
                    _third_party(response.cookies[name])
        if request.path_info.startswith(LTI_PATH):
            for name, morsel in response.cookies.items():
                if name.startswith(STATE_COOKIE_PREFIX):
                    _third_party(morsel)
        return response
