"""django-axes: five failed logins for one username from one address lock out that pair
for 15 minutes, with a 429 page in the site's style; an address as a whole only after
LOGIN_FAILURES_PER_ADDRESS failures, so a classroom behind one address is not locked out
by one learner's typos. Wagtail's admin login is covered too."""

from datetime import timedelta

from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from .conftest import fail_logins

pytestmark = pytest.mark.usefixtures("axes_on")


def test_four_failures_then_the_right_password_logs_in(log_in, learner):
    responses = fail_logins(log_in, ["learner"] * 4)

    assert [response.status_code for response in responses] == [400] * 4
    assert log_in("learner").status_code == 302


def test_the_fifth_failure_for_a_username_locks_it_out(log_in, learner):
    responses = fail_logins(log_in, ["learner"] * 5)

    assert [response.status_code for response in responses] == [400, 400, 400, 400, 429]


def test_a_locked_username_is_refused_even_with_the_right_password(log_in, client, learner):
    fail_logins(log_in, ["learner"] * 5)

    response = log_in("learner")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_username_is_not_locked_from_another_address(log_in, learner):
    fail_logins(log_in, ["learner"] * 5, address="192.0.2.10")

    assert log_in("learner", address="198.51.100.20").status_code == 302


def test_a_learners_typos_do_not_lock_out_a_second_user_at_the_same_address(log_in, client, learner, instructor):
    fail_logins(log_in, ["learner"] * 5, address="192.0.2.10")

    assert log_in("learner", address="192.0.2.10").status_code == 429
    client.cookies.clear()
    assert log_in("teacher", address="192.0.2.10").status_code == 302


def test_a_strangers_guesses_at_many_names_do_not_lock_out_the_instructors_admin_login(log_in, instructor):
    fail_logins(log_in, [f"guess{n}" for n in range(20)], address="192.0.2.10")

    assert log_in("teacher", address="192.0.2.10", url="/admin/login/").status_code == 302


def test_many_failures_from_one_address_lock_out_that_address(settings, log_in, learner):
    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    fail_logins(log_in, [f"guess{n}" for n in range(8)], address="192.0.2.10")

    assert log_in("learner", address="192.0.2.10").status_code == 429
    assert log_in("learner", address="198.51.100.20").status_code == 302


def test_the_lockout_lifts_after_fifteen_minutes(log_in, learner):
    fail_logins(log_in, ["learner"] * 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=5))

    assert log_in("learner").status_code == 302


def test_the_lockout_page_says_what_happened_and_what_to_do(log_in, learner):
    response = fail_logins(log_in, ["learner"] * 5)[-1]
    html = response.content.decode()

    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    assert "Too many attempts to log in" in html
    assert "paused for 15 minutes" in html
    assert 'href="/accounts/password/reset/"' in html
    assert '<header class="site-header">' in html  # the site's own layout, not a bare message
    assert "Content-Security-Policy" in response


def test_the_wagtail_admin_login_is_throttled_too(log_in, superuser):
    responses = fail_logins(log_in, ["root"] * 5, url="/admin/login/")

    assert responses[-1].status_code == 429
    assert log_in("root", url="/admin/login/").status_code == 429
