"""Markdown to safe HTML: the one renderer for pages, quizzes and the admin preview.

Python-Markdown renders; nh3 (an allowlist sanitiser) then removes anything that
could run script. Results are memoised per process by source text, so a
revision's Markdown is rendered once per process however often it is read.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.safestring import mark_safe
from django.utils.text import slugify

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li",
    "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"id", "title", "lang"},
    "a": {"href"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Results kept per process (each is a few kB; the whole course is a few hundred blocks).
KEPT_IN_PROCESS = 2000


def slugify_heading(value, separator="-"):
    """The anchor of a heading: django.utils.text.slugify of its text, so authors (and quiz
    `section:` links) can predict anchors. Python-Markdown's toc passes a separator; it is
    always "-" here."""
    return slugify(value)


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    title: str


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    headings: tuple  # of Heading, in document order


def _converter():
    # Heading levels shift by one: a "#" in a block would compete with the page's <h1>.
    return markdown.Markdown(
        extensions=["extra", "sane_lists", "toc"],
        extension_configs={"toc": {"slugify": slugify_heading, "permalink": False}},
        output_format="html",
    )


def sanitise_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# A wide table scrolls inside its own box instead of widening the page on a phone; the box
# is focusable and named so keyboard users can scroll it too (WCAG 2.1.1, axe's
# scrollable-region-focusable).
TABLE_BOX_OPEN = '<div class="table-wrap" role="region" tabindex="0" aria-label="Table (scrolls sideways)">'


def wrap_tables(html):
    return re.sub(r"<table(?=[\s>])", TABLE_BOX_OPEN + "<table", html).replace("</table>", "</table></div>")


def _flatten(tokens):
    for token in tokens:
        yield Heading(level=token["level"], anchor=token["id"], title=token["name"])
        yield from _flatten(token["children"])


def render_markdown_document(text, glossary=None):
    """Render Markdown and list its headings.

    `glossary`: a `glossary_marking.Glossary` (the caller reads it; this module
    knows no models) to mark its terms in context (lesson text, explanations;
    never quiz prompts or choices).

    Rendering is a pure function of the text (and the glossary), so each
    process keeps its latest results in an LRU memo: nothing to invalidate.
    Pages share their rendered HTML through the page and fragment caches.
    """
    text = text or ""
    if glossary is not None:
        return _marked(text, glossary)
    return _rendered(text)


@lru_cache(maxsize=KEPT_IN_PROCESS)
def _rendered(text):
    converter = _converter()
    html = wrap_tables(sanitise_html(converter.convert(text)))
    return RenderedMarkdown(html=html, headings=tuple(_flatten(converter.toc_tokens)))


@lru_cache(maxsize=KEPT_IN_PROCESS)
def _marked(text, glossary):
    plain = _rendered(text)
    id_prefix = "gloss-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    return RenderedMarkdown(html=glossary.mark(plain.html, id_prefix), headings=plain.headings)


def render_markdown(text, glossary=None):
    """Markdown source to sanitised HTML, marked safe for templates.

    Also django-markdownx's MARKDOWNX_MARKDOWNIFY_FUNCTION, so the admin preview
    shows exactly what the site will show.
    """
    return mark_safe(render_markdown_document(text, glossary=glossary).html)  # noqa: S308 - sanitised by nh3
