"""A module may not take a slug the site itself uses: the reserved set is read from the
URLconf (and the static, media and site pages), so a new app's URL is reserved at once."""

import pytest

from course.importer.parsing import parse_content
from course.importer.validation import reserved_module_slugs


def test_the_site_s_own_url_prefixes_pages_and_file_urls_are_reserved():
    reserved = reserved_module_slugs()
    assert {"accounts", "admin", "capstone", "quiz", "review", "search", "my-progress", "certificates"} <= reserved
    assert {"static", "media", "glossary", "timeline"} <= reserved
    assert "" not in reserved


def test_adding_a_url_reserves_its_first_segment(settings):
    settings.ROOT_URLCONF = "tests.importer.urls_with_extra_app"
    assert "new-app" in reserved_module_slugs()


@pytest.mark.parametrize("slug", ["quiz", "glossary", "static"])
def test_a_module_folder_with_a_reserved_slug_is_an_error(content_tree, slug):
    root = content_tree
    first = sorted(path for path in root.iterdir() if path.is_dir())[0]
    first.rename(root / f"09-{slug}")

    _course, errors = parse_content(root)

    assert any(f"'{slug}' is taken by the site itself" in error.message for error in errors), errors
