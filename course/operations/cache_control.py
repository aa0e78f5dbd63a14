"""Pages for a signed-in user hold that user's data (progress, answers, the data export):
no shared cache (a proxy, a CDN) may keep them and no browser may store them on disk,
where the next user of a shared computer could find them with the back button."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class PersonalPagesNotStoredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The cookie test first: anonymous requests never load a session here.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
