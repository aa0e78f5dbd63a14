"""The public verification page /certificates/<code>/ shows the name, the course and the
date, and nothing else about the learner."""

import re

from django.utils import dateformat

import pytest

from course.lessons.models import CourseHomePage
from course.progress.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(make_user, complete_course):
    user = make_user("zq_holder_7", display_name="Grace Hopper", first_name="Gracie", last_name="Murray")
    complete_course(user)
    return user


def main_content(html):
    return html[html.index("<main") : html.index("</main>")]


def test_verification_shows_the_name_the_course_and_the_date(client, holder):
    certificate = Certificate.objects.get(learner=holder)
    response = client.get(f"/certificates/{certificate.code}/")
    assert response.status_code == 200
    main = main_content(response.content.decode())
    fields = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", main))
    assert fields == {
        "Name": "Grace Hopper",
        "Course": CourseHomePage.objects.get().title.replace("&", "&amp;"),
        "Issued": dateformat.format(certificate.issued_at, "j F Y"),
    }


def test_verification_reveals_no_username_email_or_scores(client, holder):
    certificate = Certificate.objects.get(learner=holder)
    html = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "zq_holder_7" not in html
    assert "example.com" not in html
    assert "%" not in main_content(html)
    assert "score" not in html.lower()
    assert "attempt" not in html.lower()


def test_an_unknown_code_is_not_found(client, learner):
    Certificate.objects.create(learner=learner)
    assert client.get("/certificates/" + "0" * 32 + "/").status_code == 404
    assert client.get("/certificates/not-a-code/").status_code == 404


def test_the_holders_certificate_page_links_to_the_verification_page(login, holder):
    certificate = Certificate.objects.get(learner=holder)
    response = login(holder).get("/my-progress/certificate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Grace Hopper" in html
    assert f'href="/certificates/{certificate.code}/"' in html


def test_the_certificate_page_is_not_found_before_the_course_is_complete(login, learner):
    assert login(learner).get("/my-progress/certificate/").status_code == 404


def test_the_certificate_page_needs_a_login(client):
    response = client.get("/my-progress/certificate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
