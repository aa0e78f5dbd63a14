import jwt
import pytest

from course.lti.keys import current_key, public_key_set
from course.lti.models import LTIPlatform

from .platform import CLIENT_ID, DEPLOYMENT_ID, ISSUER, TestLMS


@pytest.fixture
def lms(db):
    current_key()
    platform_side = TestLMS(public_key_set())
    yield platform_side
    platform_side.stop()


@pytest.fixture
def registered(lms):
    """The platform as a superuser registers it in the admin (the admin test does it by form)."""
    return LTIPlatform.objects.create(
        name="Test LMS",
        issuer=ISSUER,
        client_id=CLIENT_ID,
        deployment_ids=f"other-deployment\n{DEPLOYMENT_ID}",
        key_set_url=lms.url("/jwks"),
        auth_login_url=lms.url("/auth"),
        auth_token_url=lms.url("/token"),
        frame_origins="https://lms.example.test\nhttps://lms-cdn.example.test",
    )


def start_login(client, lms, sub="learner-1", **extra):
    """Step 1, OIDC login initiation: the LMS sends the browser to /lti/login/."""
    params = {
        "iss": ISSUER,
        "login_hint": sub,
        "target_link_uri": "http://testserver/lti/launch/",
        "lti_message_hint": "hint",
        "client_id": CLIENT_ID,
        "lti_deployment_id": DEPLOYMENT_ID,
        **extra,
    }
    return client.get("/lti/login/", params)


def prepare_launch(client, lms, sub="learner-1", **claims):
    """Login initiation, then the platform's signed launch (not yet posted to the tool)."""
    response = start_login(client, lms, sub=sub)
    assert response.status_code == 302, response.content
    return lms.launch_message(response["Location"], sub=sub, **claims)


def post_launch(client, message, **changes):
    data = {"id_token": message["id_token"], "state": message["state"], **changes}
    return client.post("/lti/launch/", data)


def do_launch(client, lms, sub="learner-1", **claims):
    return post_launch(client, prepare_launch(client, lms, sub=sub, **claims))


def claims_of(message):
    return jwt.decode(message["id_token"], options={"verify_signature": False})
