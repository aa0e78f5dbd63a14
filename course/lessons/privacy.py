"""Wagtail's page privacy (view restrictions) for the learner endpoints that belong to a
page: a quiz, a capstone, a review card and "mark as read" are as private as the lesson
or module they hang off. Wagtail checks restrictions only when it serves a page itself;
these views call `require_page_access` first thing.

Both helpers cost nothing while the course has no restriction at all (one cached
answer per content version, see `any_view_restrictions`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from .models import any_view_restrictions


def require_page_access(request, page):
    """Raise PermissionDenied (the site's 403 page) unless `request` passes every view
    restriction on `page` and its ancestors, as Wagtail would when serving the page.

    `page` is a Page, a page id, or a callable returning either (so a caller need not
    load the page while no restriction exists).
    """
    if not any_view_restrictions():
        return
    if callable(page):
        page = page()
    if not isinstance(page, Page):
        page = Page.objects.get(pk=page)
    for restriction in Page.get_view_restrictions(page):
        if not restriction.accept_request(request):
            raise PermissionDenied


def refused_pages(request, page_field):
    """A Q for rows whose page (through `page_field`, e.g. "question__quiz__page") lies
    under a restriction `request` does not pass; None when there is none to exclude."""
    if not any_view_restrictions():
        return None
    refused = Q()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if not restriction.accept_request(request):
            refused |= Q(**{f"{page_field}__path__startswith": restriction.page.path})
    return refused or None
