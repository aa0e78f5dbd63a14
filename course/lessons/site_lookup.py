"""Wagtail finds the Site of every page request with a query, and then loads the
site's root page with two more. The answer changes only when a Site or a page
changes, which bumps the content version, so it is cached under that version.

Two Wagtail names outside its documented API are used, both pinned by
tests/lessons/test_wagtail_internals_pinned.py: `get_site_for_hostname` (what
`Site.find_for_request` itself calls) and `request._wagtail_site`, where
`Site.find_for_request` looks first ("The site will be cached via
request._wagtail_site", its docstring). Wagtail has no public hook to supply the
request's site."""

from django.http.request import split_domain_port

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .content_version import cached_content


def site_with_root_page(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page.specific  # noqa: B018 - loaded now, so it is cached with the site
    return site


class CachedSiteMiddleware:
    """Sets the request's Wagtail site (read by Site.find_for_request) from the content cache,
    once the view is known: views marked `needs_no_site` (/healthz) skip the lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "needs_no_site", False):
            return None
        # get_host() checks ALLOWED_HOSTS, so visitors cannot fill the cache with made-up hosts.
        hostname, port = split_domain_port(request.get_host())[0], request.get_port()
        request._wagtail_site = cached_content(
            f"site-for:{hostname}:{port}", lambda: site_with_root_page(hostname, port)
        )
        return None
