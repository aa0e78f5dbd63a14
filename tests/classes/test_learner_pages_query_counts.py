"""The class panels on the dashboard, home and capstone pages cost a fixed number of
queries: one class with one due date and one feedback, or five classes with every
module due and feedback on every answer."""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.capstone.models import Capstone, CapstoneResponse
from course.classes.models import CapstoneFeedback, CourseClass, Membership, ModuleDueDate
from course.lessons.models import ModulePage
from tests.conftest import warm_query_count
from tests.progress.test_query_counts_are_flat import SIGNED_IN_BUDGET

pytestmark = pytest.mark.django_db

# A member's pages cost no more than anyone's, warm: their classes, due dates, time zone and
# feedback are kept under the learner's version (classes/learner_side.py).
CLASS_PANEL_QUERIES = 0


def add_classes(learner, count, modules):
    for index in range(count):
        course_class = CourseClass.objects.create(name=f"Class {index}")
        Membership.objects.create(course_class=course_class, learner=learner)
        for offset, module in enumerate(modules):
            ModuleDueDate.objects.create(
                course_class=course_class, module=module, due_at=timezone.now() + timedelta(days=offset - 2)
            )


@pytest.mark.parametrize("url", ["/my-progress/", "/", "capstone"])
def test_class_panels_are_flat(url, learner, instructor, login):
    capstone = Capstone.objects.get()
    response = CapstoneResponse.objects.create(
        learner=learner, capstone=capstone, answers={str(p.pk): "An answer" for p in capstone.prompts.all()}
    )
    url = f"/capstone/{capstone.pk}/" if url == "capstone" else url
    modules = list(ModulePage.objects.live().order_by("path"))
    client = login(learner)
    add_classes(learner, 1, modules[:1])
    prompts = list(capstone.prompts.all())
    CapstoneFeedback.objects.create(
        learner=learner, response=response, prompt=prompts[0], author=instructor, comment="A"
    )
    small, _page = warm_query_count(client, url)
    if url != f"/capstone/{capstone.pk}/":
        assert small <= SIGNED_IN_BUDGET + CLASS_PANEL_QUERIES
    add_classes(learner, 4, modules)
    for prompt in prompts[1:]:
        CapstoneFeedback.objects.create(
            learner=learner, response=response, prompt=prompt, author=instructor, comment="Second point"
        )
    big, page = warm_query_count(client, url)
    assert big == small
    if url != "/":
        assert "Second point" in page.text
