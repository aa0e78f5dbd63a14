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


def render_markdown_document(text, glossary=None):
    """Render Markdown and list its headings; cached by content hash.

    `glossary`: a `glossary_marking.Glossary` (the caller reads it; this module
    knows no models) to mark its terms in context (lesson text, explanations;
    never quiz prompts or choices). The result is cached under the glossary's
    own hash as well, so editing a term re-marks the text.
    """
    text = text or ""
    digest = hashlib.sha256(text.encode()).hexdigest()
    if glossary is not None:
        return _cached(
            f"md:v2:glossary:{glossary.digest}:{digest}",
            lambda: _marked(render_markdown_document(text), glossary, f"gloss-{digest[:8]}"),
        )
    return _cached("md:v2:" + digest, lambda: _rendered(text))


def _rendered(text):
    converter = _converter()
    html = sanitise_html(converter.convert(text))
    return RenderedMarkdown(html=html, headings=tuple(_flatten(converter.toc_tokens)))


def _marked(plain, glossary, id_prefix):
    return RenderedMarkdown(html=glossary.mark(plain.html, id_prefix), headings=plain.headings)


def _cached(key, build):
    """Keyed by hashes of everything the result depends on, so never stale: kept in this
    process's memory (bounded) as well as in the shared cache."""
    rendered = _rendered_here.get(key)
    if rendered is None:
        rendered = cache.get(key)
    if rendered is None:
        rendered = build()
        cache.set(key, rendered, CACHE_SECONDS)
    if len(_rendered_here) >= KEPT_IN_PROCESS:
        _rendered_here.clear()  # a crude bound: the whole course is a few hundred blocks
    _rendered_here[key] = rendered
    return rendered


def render_markdown(text, glossary=None):
    """Markdown source to sanitised HTML, marked safe for templates.

    Also django-markdownx's MARKDOWNX_MARKDOWNIFY_FUNCTION, so the admin preview
    shows exactly what the site will show.
    """
    return mark_safe(render_markdown_document(text, glossary=glossary).html)  # noqa: S308 - sanitised by nh3
