"""The public site needs no 'unsafe-inline': no template has an inline script, a
style attribute, a <style> element or an on* event handler, and neither does a page
as served (Markdown and widgets included)."""

import re

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

TEMPLATE_DIRS = [settings.BASE_DIR / "templates", *sorted((settings.BASE_DIR / "course").glob("*/templates"))]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", re.IGNORECASE)


def templates():
    return sorted(path for folder in TEMPLATE_DIRS for path in folder.rglob("*.html"))


def test_there_are_templates_to_check():
    assert len(templates()) > 20


@pytest.mark.parametrize(
    "pattern",
    [INLINE_SCRIPT, STYLE_ATTRIBUTE, STYLE_ELEMENT, EVENT_HANDLER, JAVASCRIPT_URL],
    ids=["inline-script", "style-attribute", "style-element", "event-handler", "javascript-url"],
)
def test_no_template_has_inline_code(pattern):
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in templates()
        for text in [path.read_text(encoding="utf-8")]
        for match in pattern.finditer(text)
    ]
    assert offenders == []


def inline_code(html):
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(tag)[:80] for tag in soup.find_all("script") if not tag.get("src") and "json" not in tag.get("type", "")
    ]
    found += [str(tag)[:80] for tag in soup.find_all("style")]
    found += [tag.name for tag in soup.find_all(style=True)]
    found += [tag.name for tag in soup.find_all(lambda tag: any(name.startswith("on") for name in tag.attrs))]
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/foundations/security-bargains/", "/glossary/", "/timeline/"])
def test_served_public_pages_have_no_inline_code(client, path):
    response = client.get(path, follow=True)

    assert response.status_code == 200
    assert inline_code(response.content.decode()) == []


@pytest.mark.django_db
def test_a_quiz_page_has_no_inline_code(login, learner, lesson_1_1):
    client = login(learner)
    quiz = lesson_1_1.quizzes.get()
    response = client.post(f"/quiz/{quiz.pk}/start/", follow=True)

    assert response.status_code == 200
    assert "quiz-form" in response.content.decode()
    assert inline_code(response.content.decode()) == []
