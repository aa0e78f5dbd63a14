""" "97 % complete" and "You have completed the course" never show together. A lesson added
after the certificate was issued leaves the certificate valid (it records the course as
completed then), and the dashboard says plainly that the course has grown since."""

from datetime import timedelta

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from course.lessons.models import LessonPage, ModulePage
from course.progress.models import Certificate

pytestmark = pytest.mark.django_db


def overview_text(client):
    response = client.get("/my-progress/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("section.overview").get_text(" ", strip=True)


def add_lesson(title, slug):
    module = ModulePage.objects.live().order_by("path").last()
    lesson = module.add_child(
        instance=LessonPage(
            title=title,
            slug=slug,
            summary="New.",
            objectives="One",
            sources="- A source",
            body=[{"type": "markdown", "value": "## New\n\nText."}],
        )
    )
    lesson.save_revision().publish()
    return lesson


def test_a_complete_course_with_an_unread_lesson_says_complete_and_no_percentage(login, learner, complete_course):
    add_lesson("Optional reading", "optional-reading")  # no check: complete only when marked read
    complete_course(learner)
    text = overview_text(login(learner))
    assert "You have completed the course." in text
    assert "View your certificate" in text
    assert "%" not in text  # no "97 % of the course complete" beside it


def test_a_lesson_added_after_the_certificate_is_announced_with_the_current_percentage(login, learner, complete_course):
    complete_course(learner)
    certificate = Certificate.objects.get(learner=learner)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - timedelta(days=30))
    client = login(learner)
    assert "You have completed the course." in overview_text(client)

    lesson = add_lesson("A new development", "a-new-development")
    text = overview_text(client)
    assert "You have completed the course." not in text
    issued = (timezone.now() - timedelta(days=30)).strftime("%-d %B %Y")
    assert f"New material was added to the course after your certificate was issued on {issued}." in text
    assert "Your certificate stays valid" in text
    assert "A new development" in text
    percent = int(text.split("%")[0].split()[-1])
    assert 0 < percent < 100 and f"{percent}% of the current course complete" in text
    # The certificate itself is unchanged and still served.
    assert Certificate.objects.get(learner=learner).code == certificate.code
    assert client.get("/my-progress/certificate/").status_code == 200
    soup = BeautifulSoup(client.get("/my-progress/").content, "html.parser")
    assert soup.select_one(f'section.overview a[href="{lesson.url}"]')


def hero_text(client):
    response = client.get("/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(".hero__progress").get_text(" ", strip=True)


def test_the_home_page_tells_the_same_story_as_the_dashboard(login, learner, complete_course):
    add_lesson("Optional reading", "optional-reading")
    client = login(learner)
    assert "0% of the course complete" in hero_text(client)

    complete_course(learner)
    hero = hero_text(client)
    assert "You have completed the course." in hero and "View your certificate" in hero
    assert "%" not in hero  # never "You have completed 97% of the course" beside the certificate

    Certificate.objects.filter(learner=learner).update(issued_at=timezone.now() - timedelta(days=30))
    add_lesson("A new development", "a-new-development")
    hero = hero_text(client)
    assert "New material was added to the course after your certificate" in hero
    assert "You have completed the course." not in hero
    assert "of the current course complete" in hero
    dashboard = overview_text(client).removeprefix("Overview ")
    assert hero_text(client).split("Continue")[0].strip() == dashboard.split("Continue")[0].strip()
