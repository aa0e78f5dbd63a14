from .content_version import content_version
from .navigation import course_navigation as _course_navigation


def course_navigation(request):
    """The site's navigation links (home, glossary, timeline), cached until a page is published,
    and the content version, which cached template fragments vary on (lesson_page.html)."""
    return {"course_nav": _course_navigation(), "content_version": content_version()}
