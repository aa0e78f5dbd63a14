"""Logging out is POST-only, so a link or an image on another site cannot log a learner out."""

import pytest

pytestmark = pytest.mark.django_db


def test_logout_by_get_is_not_allowed(login, learner):
    client = login(learner)
    response = client.get("/accounts/logout/")
    assert response.status_code == 405
    assert client.get("/my-progress/").status_code == 200


def test_logout_by_post_signs_out(login, learner):
    client = login(learner)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/my-progress/").status_code == 302


def test_the_header_logs_out_with_a_form(login, learner):
    html = login(learner).get("/").content.decode()
    assert '<form method="post" action="/accounts/logout/"' in html


@pytest.mark.parametrize("user", ["learner", "instructor"])
def test_a_get_to_the_admin_logout_leaves_the_session_alone(request, client, user):
    client.force_login(request.getfixturevalue(user))
    session_cookie = client.cookies["sessionid"].value

    response = client.get("/admin/logout/")

    assert response.status_code == 405
    assert "sessionid" not in response.cookies  # neither deleted nor replaced
    assert client.cookies["sessionid"].value == session_cookie
    assert client.get("/my-progress/").status_code == 200


def test_the_admin_logs_out_by_post(client, instructor):
    client.force_login(instructor)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302
