"""Site-wide navigation, built from the page tree once per content version."""

from wagtail.models import Page

from .content_version import cached_content
from .models import CourseHomePage, GlossaryPage, LessonPage, TimelinePage


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


def section_headings():
    """(lesson page id, heading anchor) -> heading text, for every heading of the live lessons:
    links to a section ("Revisit 'Burden sharing'", the re-teach map) name the heading, not
    its anchor. Built once per content version (each body's Markdown is memoised anyway)."""
    return cached_content("section-headings", build_section_headings)


def build_section_headings():
    return {
        (lesson.pk, heading.anchor): heading.title
        for lesson in LessonPage.objects.live().only("id", "body")
        for heading in lesson.headings
    }


def section_title(page_id, anchor):
    """The heading's text when `anchor` names one on the page, else the page's title ("" for no live page)."""
    title = section_headings().get((page_id, anchor)) if anchor else None
    return title or page_links().get(page_id, ("", ""))[1]
