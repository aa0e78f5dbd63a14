"""The production cache keeps one redis.Redis per connection pool (course/operations/cache.py):
Django builds a new one on every call, which cost ~0.4 ms of CPU each. Pins the private
`RedisCacheClient.get_client` that the reuse overrides."""

import threading

import pytest
import redis

from course.operations.cache import ResilientRedisCache

REDIS_URL = "redis://127.0.0.1:6379/9"


@pytest.fixture
def redis_cache():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("needs Redis on 127.0.0.1:6379")
    cache = ResilientRedisCache(REDIS_URL, {"KEY_PREFIX": "client-reuse-test"})
    yield cache
    cache.clear()


def test_the_cache_asks_for_one_client_and_gets_the_same_one_back(redis_cache, monkeypatch):
    asked = []
    get_client = type(redis_cache._cache).get_client
    monkeypatch.setattr(
        type(redis_cache._cache), "get_client", lambda self, *a, **kw: asked.append(1) or get_client(self, *a, **kw)
    )

    redis_cache.set("answer", {"q1": ["b"]})

    assert redis_cache.get("answer") == {"q1": ["b"]}
    assert len(asked) == 2  # Django still goes through get_client: the override is in the path
    assert redis_cache._cache.get_client(write=True) is redis_cache._cache.get_client(write=True)


def test_one_shared_client_serves_many_threads(redis_cache):
    def work(number):
        for step in range(50):
            redis_cache.set(f"thread-{number}", step)
            assert redis_cache.get(f"thread-{number}") == step

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert redis_cache.get_many([f"thread-{n}" for n in range(8)]) == {f"thread-{n}": 49 for n in range(8)}
