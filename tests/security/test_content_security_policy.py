"""The Content-Security-Policy header: strict on every public page (cached ones too),
with 'unsafe-inline' scripts allowed under /admin/ only."""

import pytest

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "frame-ancestors": {"'self'"},
    "form-action": {"'self'"},
    "base-uri": {"'self'"},
    "object-src": {"'none'"},
}


def policy(response):
    """The header as {directive: {sources}}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


def assert_strict(directives):
    for name, sources in STRICT.items():
        assert directives.get(name) == sources, (name, directives.get(name))
    assert not any("unsafe" in source for sources in directives.values() for source in sources), directives


@pytest.mark.parametrize(
    "path", ["/", "/foundations/", "/foundations/security-bargains/", "/search/?q=treaty", "/accounts/login/"]
)
def test_public_pages_send_the_strict_policy(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert_strict(policy(response))


def test_pages_for_signed_in_learners_send_the_strict_policy(login, learner):
    response = login(learner).get("/my-progress/")

    assert response.status_code == 200
    assert_strict(policy(response))


def test_error_pages_send_the_strict_policy(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_strict(policy(response))


def test_a_page_served_from_the_page_cache_still_sends_the_policy(client, lesson_1_1):
    first = client.get(lesson_1_1.url)
    second = client.get(lesson_1_1.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert_strict(policy(second))


def test_the_admin_allows_inline_scripts_and_nothing_else_more(login, superuser):
    public = policy(login(superuser).get("/accounts/profile/"))
    admin = policy(login(superuser).get("/admin/"))

    assert admin["script-src"] == {"'self'", "'unsafe-inline'"}
    assert {name: sources for name, sources in admin.items() if name != "script-src"} == {
        name: sources for name, sources in public.items() if name != "script-src"
    }


def test_a_public_path_that_merely_contains_admin_is_strict(client):
    response = client.get("/search/?q=/admin/")

    assert_strict(policy(response))
