"""Markdown to safe HTML: the one renderer for pages, quizzes and the admin preview.

Python-Markdown renders; nh3 (an allowlist sanitiser) then removes anything that
could run script. Results are cached by a hash of the source text, so a
revision's Markdown is rendered once however often it is read.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.safestring import mark_safe

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
CACHE_SECONDS = 60 * 60 * 24
# Rendered by content hash, so never stale: kept in this process's memory as well as the shared cache.
KEPT_IN_PROCESS = 2000
_rendered_here = {}


def slugify_heading(value, separator="-"):
    """The anchor of a heading: ASCII, lowercase, words joined by hyphens.

    Same rule as django.utils.text.slugify, so authors can predict anchors.
    """
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", separator, value).strip("-_")


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


def _flatten(tokens):
    for token in tokens:
        yield Heading(level=token["level"], anchor=token["id"], title=token["name"])
        yield from _flatten(token["children"])


def render_markdown_document(text, glossary=False):
    """Render Markdown and list its headings; cached by content hash.

    `glossary`: mark glossary terms in context (lesson text, explanations; never
    quiz prompts or choices). That result is cached under the content version as
    well, so editing the glossary (or any content) re-marks it.
    """
    text = text or ""
    digest = hashlib.sha256(text.encode()).hexdigest()
    if glossary:
        from .content_version import cached_content
        from .glossary_marking import glossary_entries, mark_glossary_terms

        def build():
            plain = render_markdown_document(text)
            html = mark_glossary_terms(plain.html, glossary_entries(), id_prefix=f"gloss-{digest[:8]}")
            return RenderedMarkdown(html=html, headings=plain.headings)

        return cached_content(f"md:v1:glossary:{digest}", build, CACHE_SECONDS)
    key = "md:v1:" + digest
    rendered = _rendered_here.get(key)
    if rendered is None:
        rendered = cache.get(key)
    if rendered is None:
        converter = _converter()
        html = sanitise_html(converter.convert(text))
        rendered = RenderedMarkdown(html=html, headings=tuple(_flatten(converter.toc_tokens)))
        cache.set(key, rendered, CACHE_SECONDS)
    if len(_rendered_here) >= KEPT_IN_PROCESS:
        _rendered_here.clear()  # a crude bound: the whole course is a few hundred blocks
    _rendered_here[key] = rendered
    return rendered


def render_markdown(text, glossary=False):
    """Markdown source to sanitised HTML, marked safe for templates.

    Also django-markdownx's MARKDOWNX_MARKDOWNIFY_FUNCTION, so the admin preview
    shows exactly what the site will show.
    """
    return mark_safe(render_markdown_document(text, glossary=glossary).html)  # noqa: S308 - sanitised by nh3
