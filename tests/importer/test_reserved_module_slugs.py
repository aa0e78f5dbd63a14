from django.urls import URLPattern, URLResolver, get_resolver

from course.importer.parsing import NAME_PATTERN, RESERVED_MODULE_SLUGS


def first_segments(patterns, prefix=""):
    """The first path segment of every URL the site routes itself (not through Wagtail)."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver) and route == "":
            yield from first_segments(pattern.url_patterns, route)
        elif isinstance(pattern, (URLPattern, URLResolver)) and route and not route.startswith("<"):
            yield route.strip("^").split("/")[0]


def test_every_url_prefix_of_the_site_is_reserved_for_modules():
    # Only segments a module folder could produce (NN-slug: lowercase words and hyphens).
    segments = {
        segment for segment in first_segments(get_resolver().url_patterns) if NAME_PATTERN.match(f"01-{segment}")
    }

    assert segments - RESERVED_MODULE_SLUGS == set()
