"""The Content Security Policy, with one exception: Wagtail's admin.

The public site allows no inline script or style at all. Wagtail's admin writes a
few inline scripts of its own (the date and date-time choosers on the page editor
start with `<script>initDateChooser(...)</script>`), so under /admin/ only,
script-src also allows 'unsafe-inline'. Every other directive stays as strict.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_RELAXED = {"script-src": [SELF, UNSAFE_INLINE]}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            parts.replace = {**ADMIN_RELAXED, **(parts.replace or {})}
        return parts
