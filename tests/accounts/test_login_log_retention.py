"""The login log (django-axes: usernames, addresses, browsers) is pruned on a schedule
(`manage.py prune_login_log`) and forgotten with the account."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(settings, client, learner, other_learner):
    """Real rows: a failed and a successful login for each learner, through the login form."""
    settings.AXES_ENABLED = True
    for user in (learner, other_learner):
        client.post("/accounts/login/", {"username": user.username, "password": "wrong"}, REMOTE_ADDR="192.0.2.7")
        client.post("/accounts/login/", {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="192.0.2.7")
        client.post("/accounts/logout/")
    assert AccessAttempt.objects.filter(username="learner").exists()
    assert AccessLog.objects.filter(username="learner").exists()


def age(days):
    then = timezone.now() - timedelta(days=days)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.update(attempt_time=then)


def test_deleting_an_account_deletes_its_login_log(login, learner, logged):
    login(learner).post("/accounts/profile/delete/", {"password": PASSWORD})

    for model in (AccessAttempt, AccessLog):
        assert not model.objects.filter(username="learner").exists()
        assert model.objects.filter(username="other").exists()


def test_the_prune_command_deletes_rows_older_than_the_retention(logged):
    age(31)
    out = StringIO()

    call_command("prune_login_log", stdout=out)

    assert not AccessLog.objects.exists()
    assert not AccessAttempt.objects.exists()
    assert "older than 30 days" in out.getvalue()


def test_the_prune_command_keeps_recent_rows(logged):
    age(29)

    call_command("prune_login_log", stdout=StringIO())

    assert AccessLog.objects.count() == 2
    assert AccessAttempt.objects.count() == 2


def test_failed_attempts_inside_the_lockout_are_kept_even_with_zero_days(logged):
    call_command("prune_login_log", "--days", "0", stdout=StringIO())

    assert not AccessLog.objects.exists()
    assert AccessAttempt.objects.count() == 2  # a lockout in progress must still hold
