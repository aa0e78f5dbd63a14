import pytest

from course.lessons.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def test_home_lists_seven_modules(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert ModulePage.objects.live().count() == 7
    for module in ModulePage.objects.live():
        assert module.title in response.content.decode()


def test_lesson_1_1_renders_with_contents_and_sources(client, lesson_1_1):
    response = client.get(lesson_1_1.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Contents" in html and "Sources" in html and "Key terms" in html
    for heading in lesson_1_1.table_of_contents:
        assert f'id="{heading.anchor}"' in html
        assert f'href="#{heading.anchor}"' in html


def test_every_page_type_renders(client, home):
    for page in [home, *ModulePage.objects.live(), *LessonPage.objects.live()]:
        assert client.get(page.url).status_code == 200, page.url
    assert client.get("/glossary/").status_code == 200
    assert client.get("/timeline/").status_code == 200
    assert client.get("/search/?q=NATO").status_code == 200
    assert client.get("/no-such-page/").status_code == 404
