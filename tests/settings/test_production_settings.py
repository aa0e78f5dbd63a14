"""Production settings come from the environment: no secret, no start; with the
documented variables, `manage.py check --deploy` finds nothing to warn about."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

MANAGE = str(settings.BASE_DIR / "manage.py")


def production_env(**variables):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="course.settings.production", **variables)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )


def test_refuses_to_start_without_a_secret_key():
    result = run(["-c", "import django; django.setup()"], production_env())

    assert result.returncode != 0
    # Django's own error for bad settings, which manage.py, gunicorn and tests all report.
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr


def test_refuses_an_empty_secret_key():
    result = run(["-c", "import django; django.setup()"], production_env(DJANGO_SECRET_KEY=""))

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_check_passes_with_the_documented_variables():
    env = production_env(DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.com")

    result = run([MANAGE, "check", "--deploy"], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced).", result.stdout
    assert "WARNING" not in result.stderr.upper(), result.stderr


def test_no_proxy_is_trusted_unless_the_environment_says_so():
    env = production_env(DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    code = "import django; django.setup(); from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"

    assert run(["-c", code], env).stdout.strip() == "0"
    assert run(["-c", code], {**env, "DJANGO_TRUSTED_PROXY_COUNT": "2"}).stdout.strip() == "2"
