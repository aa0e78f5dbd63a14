"""Site-wide navigation, built from the page tree once per content version."""

from wagtail.models import Page

from .content_version import cached_content
from .models import CourseHomePage, GlossaryPage, TimelinePage


def course_navigation():
    return cached_content("course-navigation", build_navigation)


def build_navigation():
    def url_of(model):
        page = model.objects.live().first()
        return page.url if page else None

    home = CourseHomePage.objects.live().first()
    return {
        "home_url": home.url if home else "/",
        "course_title": home.title if home else "Alliances & Arms",
        "glossary_url": url_of(GlossaryPage),
        "timeline_url": url_of(TimelinePage),
    }


def page_links():
    """Live page id -> (URL, title). For pages that link to many pages: each Page.url
    outside a page request reads Wagtail's site root paths from the cache again."""
    return cached_content("page-links", build_page_links)


def build_page_links():
    pages = Page.objects.live().only("id", "path", "depth", "url_path", "title")
    return {page.pk: (page.url, page.title) for page in pages}
