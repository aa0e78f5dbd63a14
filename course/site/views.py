import unicodedata

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
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
    """For load balancers and the benchmark's ceiling: no database, no session, no template."""
    return HttpResponse("ok", content_type="text/plain")


healthz.needs_no_site = True  # see site_lookup.py


def bad_request(request, exception=None):
    return TemplateResponse(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404)


def server_error(request):
    # A plain render: the request context (and its database-backed processors) may be what failed.
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
