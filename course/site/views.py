import json
import sys
import unicodedata

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.search.backends import get_search_backend

from course.lessons.models import GlossaryTerm, LessonPage, any_view_restrictions

SEARCH_MAX_QUERY_LENGTH = 200


def search_words(text):
    """The query as plain words. Quotes are full-text syntax to the search backends (a lone
    one is a syntax error in SQLite's FTS5) and control characters such as a NUL byte are
    refused by PostgreSQL, so both become spaces: any text searches for its words."""
    kept = (" " if char == '"' or unicodedata.category(char).startswith("C") else char for char in text)
    return " ".join("".join(kept).split())


def search(request):
    typed = request.GET.get("q", "")
    query = search_words(typed)
    error = None
    results, terms = [], []
    if len(query) > SEARCH_MAX_QUERY_LENGTH:
        error = _("Please use a shorter search (at most %(n)s characters).") % {"n": SEARCH_MAX_QUERY_LENGTH}
    elif typed.strip() and not query:
        error = _("Type a word or two to search for.")
    elif query:
        results = LessonPage.objects.live()
        if any_view_restrictions():
            results = results.public()  # a query of its own: only when some page is private
        results = results.search(query)
        terms = list(get_search_backend().search(query, GlossaryTerm)[:5])
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    status = 400 if error else 200
    return TemplateResponse(
        request, "site/search.html", {"query": query, "results": page, "terms": terms, "error": error}, status=status
    )


def healthz(request):
    """Liveness, for process supervisors and the benchmark's ceiling: the process answers.
    No database, no cache, no session, no template (readiness is `readyz`)."""
    return HttpResponse("ok", content_type="text/plain")


healthz.needs_no_site = True  # see site_lookup.py

RETRY_AFTER_SECONDS = 30


def database_reachable():
    try:
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()  # a connection broken by the outage reconnects
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def cache_reachable():
    """The Redis cache answers a PING; another cache, a write then a read."""
    ping = getattr(cache, "ping", None)
    if ping is not None:
        return ping()
    cache.set("readyz", "ok", 10)
    return cache.get("readyz") == "ok"


def readyz(request):
    """Readiness, for load balancers: 200 when this instance can serve pages, 503 with
    Retry-After when its database cannot be reached. The cache is checked and reported,
    but without it pages are only slower (course/operations/cache.py), so a cache outage
    does not take every instance out of the balancer."""
    checks = {
        "database": "ok" if database_reachable() else "unreachable",
        "cache": "ok" if cache_reachable() else "unreachable (serving without it)",
    }
    ready = checks["database"] == "ok"
    response = HttpResponse(
        json.dumps({"ready": ready, **checks}), content_type="application/json", status=200 if ready else 503
    )
    if not ready:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


readyz.needs_no_site = True


def bad_request(request, exception=None):
    return TemplateResponse(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    """500, or 503 with Retry-After when the database is out of reach (not a fault of the
    page: the visitor should simply come back). A plain render either way: the request
    context (and its database-backed processors) may be what failed."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)) and not database_reachable():
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
