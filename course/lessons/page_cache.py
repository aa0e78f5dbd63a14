"""Whole-page cache for visitors who are not signed in.

Lesson, module, home, glossary and timeline pages look the same to every
anonymous visitor, so their HTML is kept in the cache and served before URL
routing or any database query. Keys carry the content version, so publishing
anything shows the new text at once. A request with a session or a pending
message, a query string, or any method but GET/HEAD is never served from or
stored in this cache, so a signed-in learner never sees someone else's page.
"""

from django.core.cache import cache
from django.http import HttpResponse

from .content_version import content_version

CACHE_SECONDS = 60 * 60
PERSONAL_COOKIES = ("sessionid", "messages")


def mark_cacheable(response):
    """Page views call this on responses that are the same for every anonymous visitor."""
    response.anonymous_cacheable = True
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.eligible(request):
            return self.get_response(request)
        key = f"anonymous-page:v{content_version()}:{request.get_host()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.storable(request, response):
            cache.set(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
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
            # A page that used the CSRF token holds a per-visitor secret.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and not response.cookies
        )
