"""The content version: read once per request, never reused after the cache loses it,
and bumped by every change visitors could see (privacy settings and sites included)."""

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from course.lessons.content_version import (
    ContentVersionMiddleware,
    bump_content_version,
    cached_content,
    content_version,
)

pytestmark = pytest.mark.django_db


def test_a_version_lost_with_the_cache_is_never_reused():
    """Values are also kept in each process's memory under their version: a flushed
    cache (Redis keeps nothing on disk) must not bring an old version back."""
    assert cached_content("greeting", lambda: "before") == "before"
    before = content_version()
    cache.clear()
    assert content_version() != before
    assert cached_content("greeting", lambda: "after") == "after"


def test_a_bump_changes_what_cached_content_returns():
    assert cached_content("greeting", lambda: "before") == "before"
    bump_content_version()
    assert cached_content("greeting", lambda: "after") == "after"


def test_a_request_reads_the_version_once_and_sees_its_own_bump():
    seen = []

    def view(request):
        seen.append(content_version())
        cache.set("course-content-version", 10**20)  # another process publishes meanwhile...
        seen.append(content_version())  # ...this request keeps one version throughout
        bump_content_version()  # this request publishes
        seen.append(content_version())
        return None

    ContentVersionMiddleware(view)(RequestFactory().get("/"))
    assert seen[0] == seen[1]
    assert seen[2] == 10**20 + 1


def test_making_a_lesson_private_takes_effect_at_once_even_for_cached_pages(client, lesson_1_1):
    assert client.get(lesson_1_1.url).status_code == 200
    assert client.get(lesson_1_1.url)["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=lesson_1_1, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(lesson_1_1.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    search = client.get("/search/", {"q": lesson_1_1.title})
    assert lesson_1_1.url not in search.content.decode()


def test_the_site_is_not_looked_up_with_a_query_and_a_change_to_it_shows(login, learner, lesson_1_1):
    client = login(learner)
    client.get(lesson_1_1.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson_1_1.url)
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]
    site = Site.objects.get()
    site.site_name = "Renamed site"
    site.save()
    assert client.get(lesson_1_1.url).wsgi_request._wagtail_site.site_name == "Renamed site"
    assert response.wsgi_request._wagtail_site.pk == site.pk


def test_healthz_reads_neither_the_database_nor_the_cache(client, django_assert_num_queries, monkeypatch):
    def no_cache(*args, **kwargs):
        raise AssertionError("/healthz read the cache")

    monkeypatch.setattr(cache, "get", no_cache)
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_a_change_bumps_the_version_again_once_committed(django_capture_on_commit_callbacks):
    """A request between the save and the commit may have filed old rows under the new version."""
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_version()
        before_commit = content_version()
    assert content_version() == before_commit + 1


def test_saving_a_draft_does_not_bump_the_version(lesson_1_1, django_capture_on_commit_callbacks):
    """Visitors see only published content: a draft must not empty every cache."""
    before = content_version()
    draft = lesson_1_1.get_latest_revision_as_object()
    draft.summary = "A draft nobody sees yet."
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision()
    assert content_version() == before
    with django_capture_on_commit_callbacks(execute=True):
        draft.get_latest_revision().publish()
    assert content_version() != before
