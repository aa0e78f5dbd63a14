"""Who is asking, and how often: the client address for login lockouts (django-axes)
and a small cache-based rate limit for password reset requests."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.shortcuts import render

from axes.handlers.database import AxesDatabaseHandler


def client_ip(request):
    """The visitor's address.

    REMOTE_ADDR, unless `TRUSTED_PROXY_COUNT` proxies stand in front of the site:
    then the address the outermost of them saw, i.e. that many entries from the
    right of X-Forwarded-For (entries further left are whatever the client sent).
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, value):
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
    return f"throttle:{scope}:{digest}"


def _current(key, window, now):
    count, started = cache.get(key) or (0, now)
    if now - started >= window:
        return 0, now
    return count, started


def allow(scope, value, limit, window):
    """Count one request for `value` in `scope`; False once more than `limit` fell in the
    current window of `window` seconds (which starts at the first request).

    Read-then-write, not atomic: two requests at the same instant may both count as
    one. That is enough to stop a flood, which is all this is for.
    """
    key = _key(scope, value)
    now = time.time()
    count, started = _current(key, window, now)
    count += 1
    cache.set(key, (count, started), timeout=max(1, int(started + window - now)))
    return count <= limit


def exhausted(scope, value, limit, window):
    """True when `limit` requests already fell in the current window (counts nothing)."""
    count, _started = _current(_key(scope, value), window, time.time())
    return count >= limit


def allow_signup(request):
    """settings.SIGNUP_LIMITS: sign-ups (and attempts with an address that has an account) per client address."""
    limit, window = settings.SIGNUP_LIMITS["address"]
    return allow("signup-address", client_ip(request), limit, window)


def password_checks_exhausted(user):
    """Too many wrong passwords typed into a signed-in form (password change, e-mail change,
    account deletion) for this account lately: settings.PASSWORD_CONFIRM_LIMITS."""
    return exhausted("password-confirm", str(user.pk), *settings.PASSWORD_CONFIRM_LIMITS["account"])


def count_wrong_password(user):
    allow("password-confirm", str(user.pk), *settings.PASSWORD_CONFIRM_LIMITS["account"])


def retry_after(response, seconds):
    response["Retry-After"] = str(int(seconds))
    return response


def allow_password_reset(request, email):
    """Both limits from settings.PASSWORD_RESET_LIMITS; each request counts against both."""
    address_limit, address_window = settings.PASSWORD_RESET_LIMITS["address"]
    email_limit, email_window = settings.PASSWORD_RESET_LIMITS["email"]
    by_address = allow("reset-address", client_ip(request), address_limit, address_window)
    by_email = allow("reset-email", email.strip().casefold(), email_limit, email_window)
    return by_address and by_email


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the site's own page, 429, and when to come back."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = max(1, round(cool_off.total_seconds() / 60))
    response = render(
        request, "registration/locked_out.html", {"minutes": minutes}, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class LoginLockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler with two thresholds instead of one.

    AXES_LOCKOUT_PARAMETERS counts failures for (username, address) and for the
    address alone. The pair locks at AXES_FAILURE_LIMIT, so a learner's typos lock
    only that learner on that machine; the address locks at the much higher
    LOGIN_FAILURES_PER_ADDRESS, which stops one address guessing at many accounts
    without locking a whole classroom behind one NAT address.
    """

    def is_locked(self, request, credentials=None):
        if not settings.AXES_LOCK_OUT_AT_FAILURE:
            return False
        by_pair, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        return by_pair >= settings.AXES_FAILURE_LIMIT or by_address >= settings.LOGIN_FAILURES_PER_ADDRESS
