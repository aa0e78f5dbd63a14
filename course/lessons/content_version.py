"""One number that changes whenever published course content changes.

Caches of course content (rendered anonymous pages, navigation, the course
structure) put it in their keys, so a publish invalidates them all at once,
in every process that shares the cache, without knowing their keys.
"""

from django.core.cache import cache

CONTENT_VERSION_KEY = "course-content-version"


def content_version():
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, 1, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs):
    """Signal receiver: connect it to every change of course content."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value will do
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)


def versioned_key(name):
    return f"{name}:v{content_version()}"


def bump_when_saved_or_deleted(*models):
    """Connect bump_content_version to the saves and deletions of these content models."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-{signal!r}-{model!r}")


def cached_content(name, build, timeout=60 * 60):
    """`build()`'s result, cached until the content version changes."""
    key = versioned_key(name)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value
