"""The cache backends of production: Redis that the site can live without, and files on disk
that do not list their directory on every write.

Everything the site keeps in the cache (cached pages and fragments, sessions with the
database behind them, throttle counts) can be rebuilt or done without, so when Redis is
unreachable a page should be slower, never an error. `ResilientRedisCache` answers every
failed call as a miss (get: the default, set/add/delete: False, get_many: nothing) and
logs it; after a failure it does not try Redis again for RETRY_AFTER_SECONDS, so a dead
or slow server costs one short timeout per worker now and then, not one per call.

While Redis is down the throttles (password reset, sign-up and password-confirm limits)
count nothing; login lockouts are in the database and still hold.
"""

import logging
import time

from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
# A dead server costs at most this long per attempt (connect and each command).
DEFAULT_SOCKET_TIMEOUT = 0.5


class CacheUnavailable(Exception):
    pass


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one `redis.Redis` per connection pool.

    Django builds a new `redis.Redis` for every cache call; each one fills its table of
    about 170 response callbacks, ~0.4 ms of CPU, and a signed-in page makes 5 to 8 calls.
    A `redis.Redis` is safe to share (it takes a connection from the pool per command).
    `get_client` is not documented API: tests/operations/test_redis_client_reuse.py pins that
    the cache calls it and gets the same client back.
    """

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if pool not in clients:
            clients[pool] = self._client(connection_pool=pool)
        return clients[pool]


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", DEFAULT_SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", DEFAULT_SOCKET_TIMEOUT)
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0

    def _call(self, name, *args, **kwargs):
        if time.monotonic() < self._down_until:
            raise CacheUnavailable
        try:
            return getattr(super(), name)(*args, **kwargs)
        except RedisError as error:
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Cache unavailable (%s); serving without it for %ss", error, RETRY_AFTER_SECONDS)
            raise CacheUnavailable from error

    def _or(self, name, fallback, *args, **kwargs):
        try:
            return self._call(name, *args, **kwargs)
        except CacheUnavailable:
            return fallback() if callable(fallback) else fallback

    def get(self, key, default=None, version=None):
        return self._or("get", default, key, default, version)

    def add(self, *args, **kwargs):
        return self._or("add", False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._or("set", None, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._or("touch", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._or("delete", False, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._or("get_many", dict, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._or("has_key", False, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._or("set_many", lambda: list(data), data, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._or("delete_many", None, *args, **kwargs)

    def clear(self):
        return self._or("clear", False)

    def incr(self, key, delta=1, version=None):
        try:
            return self._call("incr", key, delta, version)
        except CacheUnavailable:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)") from None

    def ping(self):
        """For the readiness check: True when Redis answers now (ignores the back-off)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False


class SparselyCulledFileCache(FileBasedCache):
    """Django's file cache, deciding whether to cull once every CULL_CHECK_EVERY writes.

    `FileBasedCache.set` calls `_cull`, which lists the whole cache directory to count
    its entries, on every write: O(entries) each time. With a version key and a record
    per learner (course/progress/learner_version.py) the directory holds thousands of
    files, and that listing was most of a quiz submission's time on SQLite. Counting
    once every CULL_CHECK_EVERY writes per process lets the directory exceed MAX_ENTRIES
    by at most that many entries per worker until the next count trims it.
    `_cull` is not documented API: tests/operations/test_file_cache_culling.py pins that
    `set` still calls it.
    """

    CULL_CHECK_EVERY = 200

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes_since_cull_check = 0

    def _cull(self):
        self._writes_since_cull_check += 1
        if self._writes_since_cull_check < self.CULL_CHECK_EVERY:
            return
        self._writes_since_cull_check = 0
        super()._cull()
