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

from course.lessons.alliance_map import LATEST_YEAR, YEARS, map_context
from course.lessons.content_version import cached_content
from course.lessons.models import GlossaryTerm, LessonPage, ModulePage, any_view_restrictions
from course.site.search import lesson_entry, rank_lessons, rank_terms, snippet, suggestions

SEARCH_MAX_QUERY_LENGTH = 200


def search_words(text):
    """The query as plain words. Quotes are full-text syntax to the search backends (a lone
    one is a syntax error in SQLite's FTS5) and control characters such as a NUL byte are
    refused by PostgreSQL, so both become spaces: any text searches for its words."""
    kept = (" " if char == '"' or unicodedata.category(char).startswith("C") else char for char in text)
    return " ".join("".join(kept).split())


def lesson_search_index():
    """Every live lesson's searchable text with its module and number: two queries, cached
    per content version (see course/site/search.py)."""

    def build():
        modules = {module.path: module for module in ModulePage.objects.live().only("id", "title", "number", "path")}
        lessons = list(LessonPage.objects.live().order_by("path"))
        index, positions = [], {}
        for lesson in lessons:
            module = modules.get(lesson.path[: -lesson.steplen])
            positions[lesson.path[: -lesson.steplen]] = positions.get(lesson.path[: -lesson.steplen], 0) + 1
            label = f"{module.number}.{positions[lesson.path[: -lesson.steplen]]}" if module else ""
            index.append(lesson_entry(lesson, label, module.title if module else ""))
        return index

    return cached_content("search-index", build)


def search_vocabulary(index, terms):
    return [*(entry["title"] for entry in index), *(h for entry in index for h in entry["headings"])] + [
        term.term for term in terms
    ]


def search(request):
    typed = request.GET.get("q", "")
    query = search_words(typed)
    error = None
    results, terms, suggested = [], [], []
    if len(query) > SEARCH_MAX_QUERY_LENGTH:
        error = _("Please use a shorter search (at most %(n)s characters).") % {"n": SEARCH_MAX_QUERY_LENGTH}
    elif typed.strip() and not query:
        error = _("Type a word or two to search for.")
    elif query:
        index = lesson_search_index()
        allowed = None
        if any_view_restrictions():
            allowed = set(LessonPage.objects.live().public().values_list("pk", flat=True))
        # The database's full-text search (PostgreSQL in production) adds stemmed matches.
        backend_ids = [page.pk for page in LessonPage.objects.live().search(query, fields=None)]
        results = [
            {**entry, "snippet": snippet(query, entry["body"])}
            for entry in rank_lessons(query, index, backend_ids, allowed)
        ]
        all_terms = list(GlossaryTerm.objects.only("term", "slug", "definition"))
        terms = rank_terms(query, all_terms)
        if not results and not terms:
            suggested = suggestions(query, search_vocabulary(index, all_terms))
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    status = 400 if error else 200
    context = {"query": query, "results": page, "terms": terms, "error": error, "suggestions": suggested}
    return TemplateResponse(request, "site/search.html", context, status=status)


def alliance_map(request):
    """The alliance-membership map for one year (?year=1999); each year is its own page."""
    try:
        year = int(request.GET.get("year", LATEST_YEAR))
    except ValueError:
        year = LATEST_YEAR
    year = min(max(year, YEARS[0]), LATEST_YEAR)
    return TemplateResponse(request, "site/alliance_map.html", {"map": map_context(year)})


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
