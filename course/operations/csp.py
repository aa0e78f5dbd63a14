"""The Content Security Policy, with one exception: Wagtail's admin.

The public site allows no inline script or style at all. Wagtail's admin writes a
few inline scripts of its own (the date and date-time choosers on the page editor
start with `<script>initDateChooser(...)</script>`), so under /admin/ only,
script-src also allows 'unsafe-inline'. Every other directive stays as strict.

A session opened by an LTI launch (course/lti) may be shown in a frame by its LMS: the
launch stores the LMS's origins under FRAME_ANCESTORS_SESSION_KEY and frame-ancestors adds
them, for that session only. The session is read only if the view already read it, as
cache_control.py does (no query for cached anonymous pages).
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_RELAXED = {"script-src": [SELF, UNSAFE_INLINE]}
FRAME_ANCESTORS_SESSION_KEY = "lti_frame_ancestors"


def session_frame_ancestors(request):
    """The origins that may frame this session's pages besides the site itself: [] unless LTI."""
    session = getattr(request, "session", None)
    if session is None or not session.accessed:
        return []
    return list(session.get(FRAME_ANCESTORS_SESSION_KEY) or [])


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            parts.replace = {**ADMIN_RELAXED, **(parts.replace or {})}
        framing_origins = session_frame_ancestors(request)
        if framing_origins:
            parts.update = {**(parts.update or {}), "frame-ancestors": framing_origins}
        return parts
