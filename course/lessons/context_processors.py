from .navigation import course_navigation as _course_navigation


def course_navigation(request):
    """The site's navigation links (home, glossary, timeline), cached until a page is published."""
    return {"course_nav": _course_navigation()}
