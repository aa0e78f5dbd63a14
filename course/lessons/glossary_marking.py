"""Glossary terms in context: the first use of each term in each section of
rendered Markdown is marked as a definition with a popover.

Runs on the sanitised HTML (course.lessons.markdown, which is given a `Glossary`), so the markup it adds is
the only markup the sanitiser did not see; everything it inserts is built here
from escaped text. A section starts at each <h2>. Nothing is marked inside
links, headings, code, buttons or an existing <dfn>/<abbr>.

Without popover support the term is a plain link to its glossary entry; with
it, the button beside the term opens the definition (native `popover`:
keyboard-operable, closes on Escape or its Close button, focus goes back to the
button, no script needed; with script it sits beside its term). The popovers follow the
block's text, so the sentence itself reads on unchanged.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from .markdown import render_markdown_document

GLOSSARY_URL = "/glossary/"
SKIPPED_TAGS = {"a", "abbr", "button", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    slug: str
    definition: str  # plain text

    @property
    def is_acronym(self):
        letters = [ch for ch in self.term if ch.isalpha()]
        return len(letters) >= 2 and all(ch.isupper() for ch in letters) and " " not in self.term


def entries_from_terms(terms):
    """GlossaryEntry per (term, slug, Markdown definition); the definition becomes plain text."""
    return tuple(
        GlossaryEntry(term, slug, " ".join(strip_tags(render_markdown_document(definition).html).split()))
        for term, slug, definition in terms
    )


@dataclass(frozen=True)
class Glossary:
    """What the Markdown renderer is given to mark terms with (it imports no models).
    Equal and hashed by `digest`, so the renderer's memo compares a short string."""

    entries: tuple = field(compare=False)  # of GlossaryEntry
    digest: str  # a hash of the entries

    @classmethod
    def of(cls, terms):
        """From (term, slug, Markdown definition) rows."""
        entries = entries_from_terms(terms)
        return cls(entries=entries, digest=hashlib.sha256(repr(entries).encode()).hexdigest()[:16])

    def mark(self, html, id_prefix):
        return mark_glossary_terms(html, self.entries, id_prefix)


def _pattern(entries):
    # Longest first, so "Alliance security dilemma" wins over "Alliance".
    alternatives = sorted({escape(entry.term) for entry in entries}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(term) for term in alternatives) + r")(?![\w-])", re.I)


def _markup(entry, matched, popover_id):
    """(the term in the text, its popover). The button's visible "?" comes from CSS, so the
    sentence reads on unchanged for copy, search and text extraction; its name is the label."""
    wrapper = "abbr" if entry.is_acronym else "dfn"
    term = (
        f'<{wrapper} class="gloss"><a class="gloss__term" href="{GLOSSARY_URL}#term-{escape(entry.slug)}">'
        f"{matched}</a></{wrapper}>"
        f'<button type="button" class="gloss__button" popovertarget="{popover_id}" '
        f'aria-label="{escape(_("Definition of %(term)s") % {"term": entry.term})}"></button>'
    )
    # The close button works without script (popovertargetaction); script only places the
    # popover beside its term (site.js), else the browser centres it.
    popover = (
        f'<div class="gloss__popover" id="{popover_id}" popover>'
        f"<p><strong>{escape(entry.term)}</strong>: {escape(entry.definition)}</p>"
        f'<button type="button" class="gloss__close" popovertarget="{popover_id}" popovertargetaction="hide">'
        f"{escape(_('Close'))}</button></div>"
    )
    return term, popover


def mark_glossary_terms(html, entries, id_prefix="g"):
    """`html` (sanitised) with the first use of each glossary term per h2 section marked."""
    if not entries or not html:
        return html
    by_text = {}
    for entry in entries:
        by_text.setdefault(escape(entry.term).casefold(), entry)
    pattern = _pattern(entries)
    used, skip_depth, popovers = set(), 0, []

    def replace(match):
        matched = match.group(0)
        entry = by_text.get(matched.casefold())
        if entry is None or entry.slug in used or (entry.is_acronym and matched != escape(entry.term)):
            return matched
        used.add(entry.slug)
        term, popover = _markup(entry, matched, f"{id_prefix}-{len(popovers) + 1}")
        popovers.append(popover)
        return term

    out = []
    for token in _TAG.split(html):
        if token.startswith("<"):
            found = _TAG_NAME.match(token)
            if found:
                closing, name = found.group(1) == "/", found.group(2).lower()
                if name == "h2" and not closing:
                    used = set()  # a new section: terms may be marked again
                if name in SKIPPED_TAGS and not token.endswith("/>"):
                    skip_depth = max(0, skip_depth - 1) if closing else skip_depth + 1
            out.append(token)
        elif token and skip_depth == 0:
            out.append(pattern.sub(replace, token))
        else:
            out.append(token)
    # Popovers sit after the text (they render in the top layer wherever they are in the DOM).
    return "".join(out) + "".join(popovers)
