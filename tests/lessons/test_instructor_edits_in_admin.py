"""An instructor edits and publishes a lesson in the Wagtail admin, with the Markdown
editor; a student can neither reach the admin nor publish."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from course.lessons.models import LessonPage

pytestmark = pytest.mark.django_db

NEW_BODY = "## Edited section\n\nRewritten by the instructor."


@pytest.fixture
def lesson(make_module):
    module = make_module(lessons=1, with_checks=False)
    return LessonPage.objects.child_of(module).get()


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def publish_data(lesson, title):
    return nested_form_data(
        {
            "title": title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "objectives": lesson.objectives,
            "body": streamfield([("markdown", NEW_BODY)]),
            "sources": lesson.sources,
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_instructor_opens_the_editor_with_markdown_preview(login, instructor, lesson):
    response = login(instructor).get(edit_url(lesson))

    assert response.status_code == 200
    html = response.content.decode()
    assert "markdownx" in html  # the editor widget with live preview
    assert "course/admin/markdownx-streamfield.js" in html  # which also starts inside StreamField blocks


def test_instructor_publishes_an_edit_and_it_is_live(login, instructor, lesson, client):
    response = login(instructor).post(edit_url(lesson), publish_data(lesson, "Edited title"))

    assert response.status_code == 302, response.context and response.context["form"].errors
    lesson.refresh_from_db()
    assert lesson.title == "Edited title"
    assert lesson.live and not lesson.has_unpublished_changes
    client.logout()
    page = client.get(lesson.url).content.decode()
    assert "Edited title" in page and "Rewritten by the instructor." in page


def test_student_cannot_reach_the_admin(login, learner):
    response = login(learner).get("/admin/")

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]


def test_student_cannot_publish(login, learner, lesson):
    response = login(learner).post(edit_url(lesson), publish_data(lesson, "Hijacked"))

    assert response.status_code in (302, 403)
    lesson.refresh_from_db()
    assert lesson.title != "Hijacked"
    assert lesson.get_latest_revision_as_object().title != "Hijacked"


def test_page_preview_may_still_be_framed_by_the_admin(login, instructor, lesson):
    # X_FRAME_OPTIONS is DENY site-wide; Wagtail's preview view relaxes it for its own iframe.
    client = login(instructor)
    preview = f"/admin/pages/{lesson.pk}/edit/preview/"
    client.post(preview, publish_data(lesson, "Preview title"))

    response = client.get(preview)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get("/")["X-Frame-Options"] == "DENY"
