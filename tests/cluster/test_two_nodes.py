"""Two real app nodes (gunicorn, production settings) on one PostgreSQL database and one
Redis: what one node does, the other sees at once. A session started on node A is valid
on node B; a lesson published while node B has it cached shows on node B's next
response; failed sign-ins on both nodes add up to one lockout.

The nodes use the test database itself (so it must be on PostgreSQL: DATABASE_URL=
postgres://..., as CI's second pass runs it) and a Redis database of their own per
pytest-xdist worker (CLUSTER_TEST_REDIS_URL, default redis://127.0.0.1:6379/13 + the
worker's number), on free ports. The tests commit their rows so the nodes see them; the
whole database is copied before the module and put back after it (one copy: a flush and
restore per test would cost seconds each)."""

import os
import re
import secrets
import socket
import subprocess

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

import pytest
import requests

from cluster import nodes
from course.lessons.models import LessonPage
from tests.conftest import PASSWORD, DatabaseSnapshot
from tests.reliability.conftest import ON_POSTGRES

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def _answers(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _redis_url():
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    number = 13 + (int(worker[2:]) + 1 if worker.startswith("gw") else 0)
    return os.environ.get("CLUSTER_TEST_REDIS_URL") or f"redis://{REDIS_HOST}:{REDIS_PORT}/{number}"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


pytestmark = [
    pytest.mark.skipif(not ON_POSTGRES, reason="needs the suite on PostgreSQL: both nodes share the test database"),
    pytest.mark.skipif(not _answers(REDIS_HOST, REDIS_PORT), reason="needs Redis on 127.0.0.1:6379"),
]


class Node:
    def __init__(self, name, port, process, env):
        self.name, self.port, self.process, self.env = name, port, process, env
        self.base = f"http://127.0.0.1:{port}"

    def get(self, path, cookies):
        return requests.get(self.base + path, cookies=cookies, allow_redirects=False, timeout=30)

    def post(self, path, data, cookies):
        data = {**data, "csrfmiddlewaretoken": cookies["csrftoken"]}
        return requests.post(self.base + path, data=data, cookies=cookies, allow_redirects=False, timeout=30)


@pytest.fixture(scope="module")
def committed_db(django_db_setup, django_db_blocker):
    """The test database in autocommit, as the nodes see it; put back as it was afterwards."""
    with django_db_blocker.unblock():
        snapshot = DatabaseSnapshot()
        try:
            yield
        finally:
            snapshot.restore()


@pytest.fixture(scope="module")
def two_nodes(committed_db, tmp_path_factory):
    import redis

    redis_url = _redis_url()
    redis.Redis.from_url(redis_url).flushdb()
    database_url = _database_url()
    env = nodes.node_env(
        database_url, redis_url, tmp_path_factory.mktemp("media"), secrets.token_urlsafe(50), trusted_proxies=0
    )
    logs = tmp_path_factory.mktemp("logs")
    # Production settings serve static files from the collected manifest, as `make cluster` does.
    nodes.manage(env, "collectstatic", "--no-input", "-v0")
    started = []
    try:
        for name in ("A", "B"):
            port = _free_port()
            process = nodes.start(nodes.gunicorn_command(port, workers=1), logs / f"node-{name}.log", env)
            started.append(Node(name, port, process, env))
        for node in started:
            if not nodes.wait_until_ready(node.port, node.process, seconds=60):
                pytest.fail(f"node {node.name} did not start: {(logs / f'node-{node.name}.log').read_text()[-2000:]}")
        yield started
    finally:
        for node in started:
            nodes.stop(node.process.pid)
        redis.Redis.from_url(redis_url).flushdb()


@pytest.fixture(scope="module")
def cluster_learner(committed_db):
    """A learner whose password the nodes check as production does (PBKDF2)."""
    hasher = PBKDF2PasswordHasher()
    return get_user_model().objects.create(
        username="cluster-learner", email="cluster@example.com", password=hasher.encode(PASSWORD, hasher.salt())
    )


def sign_in(node, username, password):
    form = node.get("/accounts/login/", {})
    cookies = {"csrftoken": form.cookies["csrftoken"]}
    response = node.post("/accounts/login/", {"username": username, "password": password}, cookies)
    cookies.update(response.cookies.get_dict())
    return response, cookies


def test_a_session_started_on_node_a_is_valid_on_node_b(two_nodes, cluster_learner):
    node_a, node_b = two_nodes
    response, cookies = sign_in(node_a, "cluster-learner", PASSWORD)
    assert response.status_code == 302, response.text[:500]
    assert "sessionid" in cookies

    page = node_b.get("/my-progress/", cookies)

    assert page.status_code == 200
    assert 'action="/accounts/logout/"' in page.text  # signed in
    assert node_b.get("/my-progress/", {}).status_code == 302  # without the cookie: to the sign-in page


PUBLISH = """
from course.lessons.models import LessonPage
page = LessonPage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
"""


def test_a_lesson_published_on_node_a_shows_on_node_b_at_once(two_nodes, cluster_learner):
    node_a, node_b = two_nodes
    lesson = LessonPage.objects.get(slug="security-bargains")
    _response, cookies = sign_in(node_a, "cluster-learner", PASSWORD)
    # Node B reads the lesson first: its anonymous page cache and its process memory hold it.
    for who in ({}, cookies):
        assert lesson.title in node_b.get(lesson.url, who).text
    new_title = f"Security bargains, revised {secrets.token_hex(4)}"

    # Published with node A's settings and code (an editor's Publish ends in the same call).
    subprocess.run(
        [nodes.PYTHON, "manage.py", "shell", "-c", PUBLISH.format(pk=lesson.pk, title=new_title)],
        cwd=settings.BASE_DIR, env=node_a.env, check=True, capture_output=True, timeout=60,
    )  # fmt: skip

    for who in ({}, cookies):
        page = node_b.get(lesson.url, who)
        assert page.status_code == 200
        shown = re.search(rf"<h1[^>]*>\s*{re.escape(new_title)}", page.text)
        assert shown, f"node B still shows the old lesson (cookies: {sorted(who)})"


def test_failed_sign_ins_on_both_nodes_add_up_to_one_lockout(two_nodes, cluster_learner):
    node_a, node_b = two_nodes
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        node = (node_a, node_b)[attempt % 2]
        response, _cookies = sign_in(node, "cluster-learner", "not-the-password")
        if attempt < settings.AXES_FAILURE_LIMIT - 1:
            assert response.status_code == 400  # the form again, with its error

    # The right password, on the node that saw only some of the failures: still locked out.
    response, _cookies = sign_in(node_b, "cluster-learner", PASSWORD)
    assert response.status_code == 429
