"""Script, javascript:/data: URLs, event handlers, iframes and inline styles written in
Markdown never reach a page, nor the admin's live preview."""

from html.parser import HTMLParser

import pytest

from course.lessons.models import LessonPage

pytestmark = pytest.mark.django_db

# Each attack carries a marker; none may appear anywhere in the output.
NASTY = """\
<script>alert('xss-script')</script>

[link](javascript:xssJsLink()) and [Link](JaVaScRiPt:xssMixedCase())

<a href="javascript:alert('xss-raw-link')">raw link</a>

<img src="x.png" onerror="alert('xss-onerror')" alt="picture">

<p onclick="alert('xss-onclick')">clickable paragraph</p>

<iframe src="https://evil.example/xss-iframe"></iframe>

<p style="background:url(xss-style.png)">styled paragraph</p>

![pixel](data:image/svg+xml;base64,eHNzLWRhdGEtaW1n)

[data link](data:text/html;base64,eHNzLWRhdGEtbGluaw==)

<svg><script>alert('xss-svg')</script></svg>

<form action="https://evil.example/xss-form"><input name="q"></form>
"""
MARKERS = ["xss", "ehnzlwrhdge"]  # compared with the lowercased output


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_harmless(html):
    for marker in MARKERS:
        assert marker not in html.lower(), marker
    for tag, attrs in Tags(html).tags:
        assert tag not in {"iframe", "object", "embed"}, tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)


@pytest.fixture
def nasty_lesson(make_module):
    module = make_module(lessons=1, with_checks=False)
    lesson = LessonPage.objects.child_of(module).get()
    lesson.body = [
        {"type": "markdown", "value": "## Safe heading\n\n" + NASTY},
        {"type": "callout", "value": {"kind": "note", "title": "Note", "text": NASTY}},
    ]
    lesson.sources = NASTY
    lesson.save_revision().publish()
    return lesson


def test_lesson_page_drops_script_and_dangerous_markup(client, nasty_lesson):
    response = client.get(nasty_lesson.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Safe heading" in html and "clickable paragraph" in html  # the harmless text survives
    assert_harmless(html)


def test_preview_endpoint_returns_the_same_sanitised_html(login, instructor):
    response = login(instructor).post("/markdownx/markdownify/", {"content": NASTY})

    assert response.status_code == 200
    html = response.content.decode()
    assert "clickable paragraph" in html
    assert_harmless(html)


def test_safe_markdown_is_kept(login, instructor):
    source = "## Heading\n\n**Bold**, [a link](https://example.com/page) and ![a map](/media/map.png)"

    html = login(instructor).post("/markdownx/markdownify/", {"content": source}).content.decode()

    assert '<h2 id="heading">Heading</h2>' in html
    assert "<strong>Bold</strong>" in html
    assert 'href="https://example.com/page"' in html
    assert 'src="/media/map.png"' in html


def test_heading_anchors_are_djangos_slugify_for_every_heading_of_the_shipped_course():
    """Quiz `section:` links name anchors: the shipped content's headings keep theirs."""
    import re
    from html import unescape
    from pathlib import Path

    from django.conf import settings
    from django.utils.text import slugify

    from course.lessons.markdown import render_markdown_document

    texts = [path.read_text(encoding="utf-8") for path in (Path(settings.BASE_DIR) / "content").rglob("*.md")]
    headings = [heading for text in texts for heading in render_markdown_document(text).headings]
    assert len(headings) > 50
    for heading in headings:
        # Python-Markdown adds "_1", "_2" to a repeated anchor within one text.
        assert re.sub(r"_\d+$", "", heading.anchor) == slugify(unescape(heading.title)), heading
