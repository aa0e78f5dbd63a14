"""django-axes' login log holds usernames, addresses and browsers (user agents) of every
login and failed login. It is kept only as long as it is useful: failed attempts for the
lockout's cool-off, the log of logins for LOGIN_LOG_RETENTION_DAYS, and nothing of an
account once it is deleted."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from axes.models import AccessAttempt, AccessFailureLog, AccessLog


def forget_logins(username):
    """Delete every login record for `username` (account deletion)."""
    with transaction.atomic():
        return sum(
            model.objects.filter(username=username).delete()[0]
            for model in (AccessAttempt, AccessLog, AccessFailureLog)
        )


def prune_login_log(days=None, now=None):
    """Delete failed attempts past the cool-off and log rows older than `days`
    (settings.LOGIN_LOG_RETENTION_DAYS); returns {model name: rows deleted}."""
    now = now or timezone.now()
    days = settings.LOGIN_LOG_RETENTION_DAYS if days is None else days
    log_cutoff = now - timedelta(days=days)
    # Failed attempts inside the cool-off still lock someone out: kept whatever `days` says.
    attempt_cutoff = min(log_cutoff, now - settings.AXES_COOLOFF_TIME)
    with transaction.atomic():
        return {
            "failed attempts": AccessAttempt.objects.filter(attempt_time__lt=attempt_cutoff).delete()[0],
            "logins": AccessLog.objects.filter(attempt_time__lt=log_cutoff).delete()[0],
            "failures": AccessFailureLog.objects.filter(attempt_time__lt=log_cutoff).delete()[0],
        }
