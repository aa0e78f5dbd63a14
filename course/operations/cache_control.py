"""Pages for a signed-in user hold that user's data (progress, answers, the data export):
no shared cache (a proxy, a CDN) may keep them and no browser may store them on disk,
where the next user of a shared computer could find them with the back button."""

from django.contrib.auth import SESSION_KEY
from django.utils.cache import patch_cache_control


class PersonalPagesNotStoredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only a response built from a signed-in session is personal. Reading the session here
        # when the view did not (/healthz, cached pages) would cost a query, or fail in an outage.
        session = getattr(request, "session", None)
        if session is not None and session.accessed and session.get(SESSION_KEY):
            patch_cache_control(response, private=True, no_store=True)
        return response
