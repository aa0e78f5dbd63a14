"""The file cache of SQLite deployments counts its entries once every CULL_CHECK_EVERY
writes, not on each one (course/operations/cache.py), and still keeps to its bound."""

from pathlib import Path

from django.core.cache.backends.filebased import FileBasedCache

from course.operations.cache import SparselyCulledFileCache


def _cache(directory, max_entries, check_every):
    cache = SparselyCulledFileCache(str(directory), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}})
    cache.CULL_CHECK_EVERY = check_every
    return cache


def _entries(directory):
    return len(list(Path(directory).glob("*.djcache")))


def test_djangos_file_cache_still_calls_cull_on_every_write(tmp_path, monkeypatch):
    # Pins the private hook the subclass overrides: if Django stops calling `_cull` from
    # `set`, the override silently stops working and this fails.
    calls = []
    monkeypatch.setattr(FileBasedCache, "_cull", lambda self: calls.append(1))
    cache = FileBasedCache(str(tmp_path), {})
    cache.set("a", 1)
    cache.set("b", 2)
    assert len(calls) == 2


def test_the_directory_is_not_listed_on_every_write(tmp_path, monkeypatch):
    cache = _cache(tmp_path, max_entries=1000, check_every=10)
    listings = []
    real_list = FileBasedCache._list_cache_files
    monkeypatch.setattr(FileBasedCache, "_list_cache_files", lambda self: listings.append(1) or real_list(self))
    for number in range(30):
        cache.set(f"key-{number}", number)
    assert len(listings) == 3
    assert cache.get("key-29") == 29


def test_culling_still_bounds_the_directory(tmp_path):
    cache = _cache(tmp_path, max_entries=20, check_every=5)
    for number in range(200):
        cache.set(f"key-{number}", number)
    # At most MAX_ENTRIES plus the writes between two counts.
    assert _entries(tmp_path) <= 20 + 5
