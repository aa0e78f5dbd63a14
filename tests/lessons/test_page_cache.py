"""The anonymous page cache: fast for visitors, never stale, never personal."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, lesson_1_1, django_assert_num_queries
):
    assert client.get(lesson_1_1.url)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get(lesson_1_1.url)
    assert response["X-Page-Cache"] == "hit"
    assert lesson_1_1.title in response.content.decode()


def test_publishing_a_lesson_shows_the_new_text_to_anonymous_visitors_at_once(client, lesson_1_1):
    client.get(lesson_1_1.url)
    draft = lesson_1_1.get_latest_revision_as_object()
    draft.summary = "A freshly published summary."
    client.get(lesson_1_1.url)  # still cached while only a draft exists
    assert "A freshly published summary." not in client.get(lesson_1_1.url).content.decode()
    draft.save_revision().publish()
    response = client.get(lesson_1_1.url)
    assert response["X-Page-Cache"] == "miss"
    assert "A freshly published summary." in response.content.decode()


def test_the_module_and_home_pages_also_refresh_when_a_lesson_is_published(client, lesson_1_1, home):
    module_url = lesson_1_1.get_parent().url
    client.get(module_url)
    page = lesson_1_1.get_latest_revision_as_object()
    page.title = "Alliances as bargains, retitled"
    page.save_revision().publish()
    assert "Alliances as bargains, retitled" in client.get(module_url).content.decode()


def test_a_signed_in_learner_is_never_served_a_cached_page(client, login, learner, other_learner, lesson_1_1):
    client.get(lesson_1_1.url)  # cached for anonymous visitors
    response = login(learner).get(lesson_1_1.url)
    assert "X-Page-Cache" not in response
    assert "Log out" in response.content.decode()


def test_pages_seen_by_a_signed_in_learner_are_not_stored_for_others(client, login, learner, lesson_1_1):
    signed_in = login(learner)
    signed_in.get(lesson_1_1.url)
    signed_in.post("/accounts/logout/")
    signed_in.cookies.clear()
    response = signed_in.get(lesson_1_1.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Log out" not in response.content.decode()


def test_requests_with_a_query_string_bypass_the_cache(client, lesson_1_1):
    client.get(lesson_1_1.url)
    assert "X-Page-Cache" not in client.get(lesson_1_1.url + "?utm=1")


def test_search_and_404_pages_are_not_cached(client):
    client.get("/search/?q=NATO")
    assert "X-Page-Cache" not in client.get("/search/?q=NATO")
    client.get("/no-such-page/")
    assert "X-Page-Cache" not in client.get("/no-such-page/")


def test_publishing_shows_the_new_text_to_a_signed_in_learner_at_once(login, learner, lesson_1_1):
    """Signed-in pages are rendered per request, but from the live page, lesson text and
    quiz panel cached per content version: a publish must reach them all at once."""
    client = login(learner)
    before = client.get(lesson_1_1.url).content.decode()
    page = lesson_1_1.get_latest_revision_as_object()
    page.summary = "A summary published a moment ago."
    page.body = [{"type": "markdown", "value": "## A new section\n\nText published a moment ago."}]
    page.save_revision().publish()
    after = client.get(lesson_1_1.url).content.decode()
    assert "A summary published a moment ago." not in before
    assert "A summary published a moment ago." in after
    assert "Text published a moment ago." in after and 'href="#a-new-section"' in after


def test_a_learner_never_sees_another_learners_lesson_state(client, login, learner, other_learner, lesson_1_1):
    from course.quiz.models import Quiz, QuizKind
    from tests.progress.conftest import take_quiz

    take_quiz(learner, Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK))
    login(learner)
    assert 'class="state state--complete"' in client.get(lesson_1_1.url).content.decode()
    login(other_learner)
    html = client.get(lesson_1_1.url).content.decode()
    # Their own state: opened just now, so in progress; never the first learner's "complete".
    assert 'class="state state--in_progress"' in html and "state--complete" not in html


def test_a_page_that_used_the_csrf_token_is_not_stored(rf):
    """A page holding a CSRF token holds a per-visitor secret: it is never stored for others."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from course.lessons.content_version import get_versioned
    from course.lessons.page_cache import AnonymousPageCacheMiddleware, mark_cacheable

    def page_with_a_form(request):
        get_token(request)  # what {% csrf_token %} does
        return mark_cacheable(HttpResponse("<form>...</form>"))

    request = rf.get("/a-page-with-a-form/")
    request.user = AnonymousUser()
    request._anonymous_page_key = "anonymous-page:testserver:/a-page-with-a-form/"
    response = AnonymousPageCacheMiddleware(page_with_a_form)(request)

    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert get_versioned(request._anonymous_page_key) is None


def test_the_same_page_without_the_token_is_stored(rf):
    """The counterpart of the test above: only the token keeps the page out."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from course.lessons.content_version import get_versioned
    from course.lessons.page_cache import AnonymousPageCacheMiddleware, mark_cacheable

    request = rf.get("/a-plain-page/")
    request.user = AnonymousUser()
    request._anonymous_page_key = "anonymous-page:testserver:/a-plain-page/"
    response = AnonymousPageCacheMiddleware(lambda request: mark_cacheable(HttpResponse("<p>plain</p>")))(request)

    assert response["X-Page-Cache"] == "miss"
    assert get_versioned(request._anonymous_page_key)[0] == b"<p>plain</p>"
