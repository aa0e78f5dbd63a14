"""Every bad launch gets a clear page with a 400 or 403, and creates nothing: no account, no
class, no membership."""

import pytest

from course.classes.models import CourseClass, Membership
from course.lti.models import LTIAccount, LTIContext

from .conftest import claims_of, do_launch, post_launch, prepare_launch, start_login
from .platform import LEARNER, TestLMS, new_private_key

pytestmark = pytest.mark.django_db
CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"


@pytest.fixture
def nothing_created(django_user_model):
    users, classes = django_user_model.objects.count(), CourseClass.objects.count()
    yield
    assert django_user_model.objects.count() == users
    assert CourseClass.objects.count() == classes
    assert not Membership.objects.exists()
    assert not LTIAccount.objects.exists()
    assert not LTIContext.objects.exists()


def refused(response, status, words):
    assert response.status_code == status, response.content
    assert words.encode() in response.content, response.content.decode()[-1500:]
    assert b"Nothing was saved" in response.content


def altered(lms, message, **changes):
    claims = claims_of(message)
    for name, value in changes.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return {**message, "id_token": lms.sign(claims)}


def test_bad_signature(client, lms, registered, nothing_created):
    message = prepare_launch(client, lms, roles=LEARNER)
    header, _payload, signature = message["id_token"].split(".")
    forged = lms.sign({**claims_of(message), "sub": "someone-else"}).split(".")[1]
    refused(post_launch(client, message, id_token=f"{header}.{forged}.{signature}"), 403, "signature")


def test_signed_by_another_key_under_the_platforms_key_id(client, lms, registered, nothing_created):
    message = prepare_launch(client, lms, roles=LEARNER)
    impostor = TestLMS(lms.registration.get_tool_key_set())
    impostor.registration.set_platform_private_key(new_private_key())
    try:
        token = impostor.registration.encode_and_sign(
            claims_of(message), impostor.registration.get_platform_private_key(), {"kid": lms.registration.get_kid()}
        )
    finally:
        impostor.stop()
    refused(post_launch(client, message, id_token=token), 403, "signature")


def test_wrong_audience(client, lms, registered, nothing_created):
    message = altered(lms, prepare_launch(client, lms, roles=LEARNER), aud="another-tool", azp="another-tool")
    refused(post_launch(client, message), 403, "another tool")


def test_expired_token(client, lms, registered, nothing_created):
    refused(post_launch(client, prepare_launch(client, lms, roles=LEARNER, expires_in=-60)), 403, "expired")


def test_replayed_nonce(client, lms, registered, django_user_model):
    message = prepare_launch(client, lms, roles=LEARNER)
    assert post_launch(client, message).status_code == 302
    counts = (django_user_model.objects.count(), Membership.objects.count(), CourseClass.objects.count())
    client.logout()
    refused(post_launch(client, message), 403, "already used")
    assert (django_user_model.objects.count(), Membership.objects.count(), CourseClass.objects.count()) == counts


def test_a_nonce_never_issued(client, lms, registered, nothing_created):
    message = altered(lms, prepare_launch(client, lms, roles=LEARNER), nonce="made-up-nonce")
    refused(post_launch(client, message), 403, "already used or has expired")


def test_unknown_issuer_at_login_and_at_launch(client, lms, registered, nothing_created):
    refused(start_login(client, lms, iss="https://unknown.example.test"), 403, "not registered")
    message = altered(lms, prepare_launch(client, lms, roles=LEARNER), iss="https://unknown.example.test")
    refused(post_launch(client, message), 403, "not registered")


def test_unknown_deployment(client, lms, registered, nothing_created):
    message = altered(lms, prepare_launch(client, lms, roles=LEARNER), **{CLAIM + "deployment_id": "not-ours"})
    refused(post_launch(client, message), 403, "deployment")


@pytest.mark.parametrize(
    "missing, words",
    [("sub", "names no user"), (CLAIM + "resource_link", "missing"), (CLAIM + "roles", "missing"),
     (CLAIM + "deployment_id", "no deployment"), ("nonce", "no nonce")],
)  # fmt: skip
def test_missing_claims(client, lms, registered, nothing_created, missing, words):
    message = altered(lms, prepare_launch(client, lms, roles=LEARNER), **{missing: None})
    refused(post_launch(client, message), 400, words)


def test_state_mismatch(client, lms, registered, nothing_created):
    message = prepare_launch(client, lms, roles=LEARNER)
    refused(post_launch(client, message, state="state-someone-elses"), 403, "state mismatch")


def test_no_state_and_no_token(client, lms, registered, nothing_created):
    refused(client.post("/lti/launch/", {}), 400, "state")
    message = prepare_launch(client, lms, roles=LEARNER)
    refused(post_launch(client, message, id_token="not-a-jwt"), 400, "malformed")


def test_a_target_that_does_not_exist(client, lms, registered, nothing_created):
    refused(do_launch(client, lms, roles=LEARNER, custom={"target": "quiz:999999"}), 404, "no longer")
    client.cookies.clear()
    refused(do_launch(client, lms, roles=LEARNER, custom={"target": "nonsense"}), 400, "names no lesson")
