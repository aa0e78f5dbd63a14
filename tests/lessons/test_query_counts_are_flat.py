"""Every page type renders in a fixed number of queries: a module of 12 lessons costs
no more than a module of 3. Counts are taken warm (the second request)."""

import pytest

from course.lessons.models import LessonPage
from tests.conftest import warm_query_count

pytestmark = pytest.mark.django_db

# The budgets for a warm page (docs/architecture.md, "Caching"): 3 queries for a visitor (a
# page from the anonymous page cache costs none; search is never cached, 3), 5 for a
# signed-in learner on any page (search 5), and 2 on the home, module and lesson pages
# (session, user: the page's row, the learner's progress and panels and the navigation's
# "Review (n due)" come from the cache).
CEILINGS = {"anonymous": 3, "learner": 5}
LEARNER_PAGE_CEILINGS = {"home": 2, "module": 2, "lesson": 2}


def urls_for(module):
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    return {
        "home": "/",
        "module": module.url,
        "lesson": lessons[len(lessons) // 2].url,  # one with a previous and a next lesson
        "glossary": "/glossary/",
        "timeline": "/timeline/",
        "search": "/search/?q=Test+lesson",  # matches every lesson of both modules
    }


def warm_get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_query_count_does_not_grow_with_lessons(client, make_module, learner, django_assert_num_queries, who):
    if who == "learner":
        client.force_login(learner)
    small = make_module(lessons=3, slug="small")
    small_counts = {}
    for page, url in urls_for(small).items():
        small_counts[page], _response = warm_query_count(client, url)
        ceiling = LEARNER_PAGE_CEILINGS.get(page, CEILINGS[who]) if who == "learner" else CEILINGS[who]
        assert small_counts[page] <= ceiling, (page, small_counts[page])

    large = make_module(lessons=12, slug="large")
    for page, url in urls_for(large).items():
        warm_get(client, url)
        with django_assert_num_queries(small_counts[page], info=f"{page} page ({who}), 12 lessons vs 3"):
            warm_get(client, url)
