"""Whole-page cache for visitors who are not signed in.

Lesson, module, home, glossary and timeline pages look the same to every
anonymous visitor, so their HTML is kept in the cache (and in each worker's
memory) and served before Wagtail finds the page, without any database query.
Keys carry the content version, so publishing anything shows the new text at
once. A request with a session or a pending message, a query string, or any
method but GET/HEAD is never served from or stored in this cache, so a
signed-in learner never sees someone else's page.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse

from .content_version import get_versioned, set_versioned

CACHE_SECONDS = 60 * 60
# A visitor with a session (signed in) or a pending message sees a page of their own.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def mark_cacheable(response):
    """Page views call this on responses that are the same for every anonymous visitor."""
    response.anonymous_cacheable = True
    return response


class AnonymousPageCacheMiddleware:
    """Looks up Wagtail page requests only (in process_view, once the URL is resolved), so
    other views (/healthz, the dashboard, forms) never pay for a cache read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_anonymous_page_key", None)
        if key and self.storable(request, response):
            set_versioned(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve as wagtail_serve  # not at import: models import this module

        if view_func is not wagtail_serve or not self.eligible(request):
            return None
        key = f"anonymous-page:{request.get_host()}:{request.path}"
        request._anonymous_page_key = key
        cached = get_versioned(key)
        if cached is None:
            return None
        content, content_type = cached
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def eligible(request):
        return (
            request.method in ("GET", "HEAD")
            and not request.GET
            and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        )

    @staticmethod
    def storable(request, response):
        return (
            getattr(response, "anonymous_cacheable", False)
            and response.status_code == 200
            and not response.streaming
            and not request.user.is_authenticated
            # A page that used the CSRF token holds a per-visitor secret (Django sets this
            # whenever get_token() runs; a form on the page, or a csrf cookie sent back).
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not response.cookies
        )
