"""The page for a failed CSRF check (settings.CSRF_FAILURE_VIEW), in the site's style.

It happens in ordinary use: signing in again in another tab replaces the token a
page holds. Nothing the learner saved is lost: a quiz attempt keeps its autosaved
answers and a capstone its draft, so the page offers the way back to them.
"""

from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme

# The pages with work saved as a draft: URL name of the failed POST -> the page that shows the draft.
DRAFT_PAGES = {
    "quiz:take": ("quiz:take", "attempt_id"),
    "quiz:autosave": ("quiz:take", "attempt_id"),
    "capstone:detail": ("capstone:detail", "capstone_id"),
    "capstone:autosave": ("capstone:detail", "capstone_id"),
}


def _way_back(request):
    """(url, kind): the attempt or capstone the failed form came from, else the page before."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match and match.view_name in DRAFT_PAGES:
        view_name, kwarg = DRAFT_PAGES[match.view_name]
        return reverse(view_name, kwargs={kwarg: match.kwargs[kwarg]}), view_name.split(":")[0]
    referer = request.META.get("HTTP_REFERER", "")
    if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return referer, "page"
    return "/", "home"


def csrf_failure(request, reason=""):
    back_url, kind = _way_back(request)
    return render(request, "403_csrf.html", {"back_url": back_url, "kind": kind}, status=403)
