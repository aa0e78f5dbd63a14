"""Generated sign-up forms: each one creates exactly one account and signs it in, or
answers 400 with the form's errors and creates nothing; never a 500."""

from django.contrib.auth import get_user_model

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from .conftest import FUZZ

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_signup_limit(settings):
    # Every generated form comes from one address; the per-address limit has its own tests.
    settings.SIGNUP_LIMITS = {"address": (10**9, 3600)}


TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
USERNAMES = st.one_of(
    st.from_regex(r"\A[a-z][a-z0-9_.@+-]{2,20}\Z"),
    st.sampled_from(["learner", "", " ", "a" * 151, "名前", "bad name", "x\x00y", "Learner"]),
    TEXT,
)
EMAILS = st.one_of(
    st.emails(),
    st.sampled_from(["learner@example.com", "LEARNER@example.com", "", "not-an-email", "a@b", "@example.com"]),
    TEXT,
)
PASSWORDS = st.one_of(
    st.sampled_from(["quiet-harbour-compass-77", "password", "12345678", "short", ""]),
    st.text(min_size=8, max_size=40, alphabet=st.characters(exclude_categories=("Cs",))),
    TEXT,
)
PLAUSIBLE = st.fixed_dictionaries(
    {
        "username": st.from_regex(r"\A[a-z][a-z0-9_]{2,20}\Z"),
        "email": st.one_of(st.emails(), st.from_regex(r"\A[a-z]{1,10}@example\.(org|com)\Z")),
        "password1": st.from_regex(r"\A[a-z]{5,9}-[a-z]{5,9}-[0-9]{2}\Z"),
        "same_password": st.just(True),
    }
)
ANYTHING = st.fixed_dictionaries(
    {},
    optional={
        "username": USERNAMES,
        "email": EMAILS,
        "password1": PASSWORDS,
        "password2": PASSWORDS,
        "same_password": st.booleans(),
        "extra": st.dictionaries(TEXT, TEXT, max_size=2),
        "repeat": st.sampled_from(["username", "email", "password1"]),
    },
)
FORMS = st.one_of(PLAUSIBLE, ANYTHING)


def post_data(form):
    data = {key: form[key] for key in ("username", "email", "password1", "password2") if key in form}
    if form.get("same_password") and "password1" in data:
        data["password2"] = data["password1"]
    if "repeat" in form and form["repeat"] in data:
        data[form["repeat"]] = [data[form["repeat"]], "second value"]
    data.update({key: value for key, value in form.get("extra", {}).items() if key not in data})
    return data


@FUZZ
@given(form=FORMS)
def test_any_sign_up_creates_one_account_or_says_what_to_fix(form, learner, client):
    client.cookies.clear()  # a new visitor (one client for all examples: a new one loads every middleware)
    users = get_user_model().objects
    before = users.count()

    response = client.post("/accounts/signup/", post_data(form))

    event(f"status {response.status_code}")
    if response.status_code == 302:
        assert users.count() == before + 1
        assert "_auth_user_id" in client.session
        assert users.get(pk=client.session["_auth_user_id"]).username == form["username"]
    else:
        assert response.status_code == 400
        html = response.content.decode()
        assert "Please correct the errors below." in html or 'class="errorlist' in html
        assert users.count() == before
        assert "_auth_user_id" not in client.session
