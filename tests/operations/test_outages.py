"""Fault injection. With the cache pointed at a closed port every page still answers (slower,
from the database); with the database at a closed port pages answer 503 with Retry-After in
the site's style, /healthz (liveness) still 200 and /readyz (readiness) 503."""

import json
import os
import subprocess
import sys
import textwrap

from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

import pytest

from course.quiz.models import Attempt, Quiz
from tests.conftest import PASSWORD

CLOSED_PORT = 1  # nothing listens on tcpmux


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "course.operations.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # as in production


@pytest.mark.django_db
def test_with_the_cache_unreachable_every_page_still_answers(redis_down, learner, lesson_1_1):
    client = Client(raise_request_exception=False)
    public = ["/", lesson_1_1.url, "/search/?q=alliance", "/glossary/", "/accounts/login/", "/accounts/signup/"]
    assert {url: client.get(url).status_code for url in public} == dict.fromkeys(public, 200)

    assert client.post("/accounts/login/", {"username": "learner", "password": PASSWORD}).status_code == 302
    check = Quiz.objects.get(page=lesson_1_1)
    signed_in = ["/my-progress/", reverse("quiz:detail", args=[check.pk]), "/review/", "/accounts/profile/"]
    assert {url: client.get(url).status_code for url in signed_in} == dict.fromkeys(signed_in, 200)
    assert client.post(reverse("quiz:start", args=[check.pk])).status_code == 302
    assert Attempt.objects.filter(learner=learner).count() == 1


@pytest.mark.django_db
def test_readiness_reports_the_cache_but_stays_ready_without_it(redis_down):
    response = Client().get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "ready": True,
        "database": "ok",
        "cache": "unreachable (serving without it)",
    }


@pytest.mark.django_db
def test_readiness_with_everything_up(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"ready": True, "database": "ok", "cache": "ok"}


DATABASE_DOWN = textwrap.dedent(
    """
    import json, django
    django.setup()
    from django.test import Client
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-signed-in-learners-session"
    results = {}
    for url in ["/healthz", "/readyz", "/", "/my-progress/", "/accounts/login/", "/security-bargains/"]:
        response = client.get(url)
        results[url] = {
            "status": response.status_code,
            "retry_after": response.get("Retry-After"),
            "body": response.content.decode(),
        }
    print(json.dumps(results))
    """
)


@pytest.fixture(scope="module")
def with_database_down():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "course.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/course",
    }
    result = subprocess.run(
        [sys.executable, "-c", DATABASE_DOWN],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_the_database_unreachable_pages_answer_503_with_retry_after(with_database_down):
    for url in ["/", "/my-progress/", "/accounts/login/", "/security-bargains/"]:
        page = with_database_down[url]
        assert (page["status"], page["retry_after"]) == (503, "30"), url
        assert "Back in a moment" in page["body"]
        assert '<link rel="stylesheet" href="/static/course/site.css">' in page["body"]  # the site's style


def test_with_the_database_unreachable_liveness_is_200_and_readiness_503(with_database_down):
    assert with_database_down["/healthz"]["status"] == 200
    ready = with_database_down["/readyz"]
    assert (ready["status"], ready["retry_after"]) == (503, "30")
    assert json.loads(ready["body"])["database"] == "unreachable"
