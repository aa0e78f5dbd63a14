"""An LTI session may be framed by its LMS only, with cookies that work in a third-party
frame; registration and keys in the admin are for superusers, and private keys never show."""

import json

import pytest

from course.lessons.models import LessonPage
from course.lti.models import LTIPlatform, ToolKey

from .conftest import do_launch
from .platform import CLIENT_ID, DEPLOYMENT_ID, ISSUER, LEARNER

pytestmark = pytest.mark.django_db


def test_pages_of_an_lti_session_may_be_framed_by_that_lms_only(client, lms, registered):
    launch = do_launch(client, lms, roles=LEARNER)
    session_cookie = launch.cookies["sessionid"]
    assert session_cookie["samesite"] == "None" and session_cookie["secure"] and session_cookie["partitioned"]
    assert "Partitioned" in session_cookie.OutputString()
    page = client.get(LessonPage.objects.live().first().url)
    policy = page["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://lms.example.test https://lms-cdn.example.test" in policy
    assert "X-Frame-Options" not in page


def test_everyone_else_keeps_deny_and_lax_cookies(client, make_user):
    make_user("reader")
    page = client.get(LessonPage.objects.live().first().url)
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'self';" in page["Content-Security-Policy"] + ";"
    client.post("/accounts/login/", {"username": "reader", "password": "a-long-test-password-41"})
    signed_in = client.get("/")
    assert signed_in["X-Frame-Options"] == "DENY"
    assert client.cookies["sessionid"]["samesite"] == "Lax"


def test_state_cookies_of_the_login_are_third_party_cookies(client, lms, registered):
    from .conftest import start_login

    response = start_login(client, lms)
    state_cookies = [morsel for name, morsel in response.cookies.items() if name.startswith("lti1p3-state")]
    assert state_cookies and all(morsel["samesite"] == "None" and morsel["partitioned"] for morsel in state_cookies)


def test_the_jwks_publishes_public_keys_only_and_keeps_the_previous_key_after_rotation(client, admin_client):
    first = json.loads(client.get("/lti/jwks/").content)["keys"]
    assert len(first) == 1 and "d" not in first[0] and first[0]["kty"] == "RSA"
    response = admin_client.post("/admin/lti/rotate-key/")
    assert response.status_code == 302
    after = json.loads(client.get("/lti/jwks/").content)["keys"]
    assert {key["kid"] for key in after} == {first[0]["kid"], ToolKey.objects.current().kid}
    page = admin_client.get("/admin/lti/")
    assert b"PRIVATE KEY" not in page.content
    assert all(key.kid.encode() in page.content for key in ToolKey.objects.all())


def test_the_setup_page_shows_what_to_type_into_the_lms(admin_client):
    page = admin_client.get("/admin/lti/")
    for value in (b"http://testserver/lti/login/", b"http://testserver/lti/launch/", b"http://testserver/lti/jwks/"):
        assert value in page.content


def test_a_superuser_registers_a_platform_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/lti/platforms/new/",
        {
            "name": "University Moodle", "issuer": ISSUER, "client_id": CLIENT_ID, "deployment_ids": DEPLOYMENT_ID,
            "key_set_url": "https://lms.example.test/mod/lti/certs.php",
            "auth_login_url": "https://lms.example.test/mod/lti/auth.php",
            "auth_token_url": "https://lms.example.test/mod/lti/token.php", "auth_audience": "", "frame_origins": "",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content[-3000:]
    platform = LTIPlatform.objects.get()
    assert platform.allowed_frame_origins() == ["https://lms.example.test"]


def test_registration_and_keys_are_for_superusers_only(client, make_user):
    from django.contrib.auth.models import Group

    from course.site.roles import INSTRUCTORS

    instructor = make_user("teacher", is_staff=True)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS))
    client.force_login(instructor)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert client.get("/admin/lti/").status_code in (302, 403)
    assert client.post("/admin/lti/rotate-key/").status_code in (302, 403)
    assert not ToolKey.objects.exists()
    assert client.get("/admin/lti/platforms/").status_code in (302, 403)
    assert client.get("/admin/lti/platforms/new/").status_code in (302, 403)
