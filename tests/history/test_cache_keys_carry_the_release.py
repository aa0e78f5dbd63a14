"""Caches never outlive a deploy: every key carries the release, so HTML cached by the
previous release is never served with the new templates and CSS."""

from django.conf import settings
from django.core.cache import cache

from course.settings.release import current_release


def test_every_cache_key_carries_the_release():
    assert settings.CACHES["default"]["KEY_PREFIX"] == settings.RELEASE
    assert settings.RELEASE
    assert cache.make_key("page") == f"{settings.RELEASE}:1:page"


def test_the_release_comes_from_the_deploy_else_the_code(monkeypatch):
    monkeypatch.setenv("RELEASE", "2026.12.02-1")
    assert current_release(settings.BASE_DIR) == "2026.12.02-1"
    monkeypatch.delenv("RELEASE")
    from_code = current_release(settings.BASE_DIR)
    assert from_code and from_code != "2026.12.02-1"


def test_without_git_the_release_is_a_digest_of_the_code(monkeypatch, tmp_path):
    from course.settings import release

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.html").write_text("<p>old</p>")
    monkeypatch.delenv("RELEASE", raising=False)
    monkeypatch.setattr(release.shutil, "which", lambda name: None)
    old = current_release(tmp_path)
    (tmp_path / "templates" / "base.html").write_text("<p>new</p>")
    assert current_release(tmp_path) != old
