"""Every report reads a fixed number of queries: the count does not grow with learners
or responses. Measured warm (the first request fills caches), at two data sizes."""

import pytest

from course.quiz.models import Response
from devtools.synthetic import generate_learners
from tests.conftest import warm_query_count

pytestmark = pytest.mark.django_db

URLS = [
    "/admin/course-reports/learners/",
    "/admin/course-reports/learners/?ordering=-completion&certificate=no",
    "/admin/course-reports/quizzes/",
    "/admin/course-reports/items/",
    "/admin/course-reports/items/?ordering=discrimination",
    "/admin/course-reports/reteach/",
    "/admin/course-reports/learners/?export=csv",
    "/admin/",
]


@pytest.mark.parametrize("url", URLS)
def test_the_query_count_stays_flat_as_learners_and_responses_grow(url, login, instructor, django_assert_num_queries):
    client = login(instructor)
    generate_learners(2, seed=1)
    small, _response = warm_query_count(client, url)
    responses = Response.objects.count()
    generate_learners(8, seed=2)
    assert Response.objects.count() > 3 * responses
    client.get(url)
    with django_assert_num_queries(small):
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
