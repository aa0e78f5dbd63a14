"""The review page is in the navigation of every page for a signed-in learner."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_signed_in_learner_sees_review_in_the_navigation(client, learner):
    client.force_login(learner)
    html = client.get(reverse("progress:dashboard")).content.decode()
    nav = html[html.index('<nav aria-label="Main">') :]
    assert f'href="{reverse("review:next")}"' in nav[: nav.index("</nav>")]


def test_visitors_do_not(client):
    html = client.get(reverse("search"), {"q": "NATO"}).content.decode()
    assert f'href="{reverse("review:next")}"' not in html
