"""Uploaded media go to storage every app node sees, class exports to a private storage of their
own: production reads each backend and its options from the environment (docs/deployment.md)."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

PRINT_STORAGE = "import json; from django.conf import settings as s; print(json.dumps(s.STORAGES[{alias!r}]))"


def storage_with(alias="default", **variables):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="course.settings.production", DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_STORAGE.format(alias=alias)}"],
        env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_files_on_the_media_folder_by_default():
    result = storage_with(DJANGO_MEDIA_ROOT="/srv/shared/media")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {}}


def test_another_backend_and_its_options_from_the_environment():
    # Django's own in-memory backend stands in for django-storages' S3 backend (not installed here).
    options = {"location": "uploads", "base_url": "https://media.example.org/"}
    backend = "django.core.files.storage.InMemoryStorage"
    result = storage_with(DJANGO_MEDIA_STORAGE=backend, DJANGO_MEDIA_STORAGE_OPTIONS=json.dumps(options))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"BACKEND": backend, "OPTIONS": options}


def test_options_that_are_not_a_json_object_are_refused_clearly():
    for bad, message in (("{bucket", "is not valid JSON"), ('["a"]', "must be a JSON object")):
        result = storage_with(DJANGO_MEDIA_STORAGE_OPTIONS=bad)

        assert result.returncode != 0
        assert f"DJANGO_MEDIA_STORAGE_OPTIONS {message}" in result.stderr


def test_class_exports_go_to_a_private_folder_of_their_own_by_default():
    result = storage_with("exports", DJANGO_MEDIA_ROOT="/srv/shared/media", DJANGO_EXPORTS_ROOT="/srv/shared/exports")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "BACKEND": "course.operations.private_files.PrivateFileSystemStorage",
        "OPTIONS": {"location": "/srv/shared/exports"},
    }


def test_class_exports_in_another_backend_get_exactly_its_options():
    options = {"bucket_name": "course-exports", "default_acl": "private", "querystring_auth": True}
    backend = "django.core.files.storage.InMemoryStorage"
    result = storage_with("exports", DJANGO_EXPORTS_STORAGE=backend, DJANGO_EXPORTS_STORAGE_OPTIONS=json.dumps(options))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"BACKEND": backend, "OPTIONS": options}
