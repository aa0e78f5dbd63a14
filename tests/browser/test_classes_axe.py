"""The learners' class pages pass axe-core's WCAG 2.2 AA rules, light and dark: my classes
(with due dates and a refused code), the join page, a refused link, the dashboard's class
panels and the capstone page with feedback."""

from datetime import timedelta

from django.utils import timezone

import pytest

from course.capstone.models import Capstone, CapstoneResponse
from course.classes.models import CapstoneFeedback, CourseClass, Membership, ModuleDueDate
from course.lessons.models import ModulePage
from tests.browser.conftest import BROWSER_MARKS, close_context, open_context
from tests.browser.test_axe_wcag import AXE, audit, report

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run `npm ci` (make install does)"),
]


@pytest.fixture
def page(browser, live_server, shipped_course):
    """A tab that lets the injected axe script run (see test_axe_wcag.page)."""
    context = open_context(browser, live_server, bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    close_context(context)


def test_class_pages_have_no_axe_violations(page, sign_in, learner, instructor):
    seminar = CourseClass.objects.create(name="Seminar A")
    other = CourseClass.objects.create(name="Seminar B")
    Membership.objects.create(course_class=seminar, learner=learner)
    modules = list(ModulePage.objects.live().order_by("path")[:3])
    for offset, module in zip((-2, 0, 3), modules, strict=True):
        ModuleDueDate.objects.create(
            course_class=seminar, module=module, due_at=timezone.now() + timedelta(days=offset, hours=1)
        )
    capstone = Capstone.objects.get()
    response = CapstoneResponse.objects.create(
        learner=learner, capstone=capstone, answers={str(p.pk): "An answer" for p in capstone.prompts.all()}
    )
    CapstoneFeedback.objects.create(
        learner=learner, response=response, prompt=capstone.prompts.first(), author=instructor,
        comment="Name the supplier's leverage.", verdict="redraft",
    )  # fmt: skip
    sign_in(learner)
    found = audit(
        page,
        {
            "my classes": "/classes/",
            "join": f"/classes/join/{other.join_code}/",
            "join refused": "/classes/join/ZZZZ2222/",
            "dashboard": "/my-progress/",
            "home": "/",
            "capstone": f"/capstone/{capstone.pk}/",
        },
    )
    assert not found, report(found)
