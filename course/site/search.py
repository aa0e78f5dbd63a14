"""Course search: ranking that finds what a learner means, the same on every database.

The course is small (a few dozen lessons), so each lesson's searchable text is read once
per content version into a cached index (`lesson_index`) and ranked here in Python:
titles and headings weigh more than the summary, the summary more than body text, and
"S400", "S-400", "s 400" are the same words. The database's own full-text search
(PostgreSQL's in production through Wagtail's database backend, SQLite's FTS in
development) adds recall through its stemming: a lesson it matches is kept even when no
word matches here, ranked below those that do. A search therefore costs a fixed, small
number of queries whatever the query, and ranks alike on both databases.
"""

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join

from course.lessons.reading_time import strings_in_blocks

# Letters and digits are separate tokens: "S-400", "S400" and "s 400" all read ["s", "400"].
TOKEN = re.compile(r"[a-z]+|[0-9]+")
MARKUP = re.compile(r"<[^>]+>|\]\([^)]*\)|[#*_`>|\[\]]")
STOPWORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its"}
    | {"of", "on", "or", "that", "the", "this", "to", "was", "were", "what", "which", "who", "with"}
)
WEIGHTS = {"title": 12, "headings": 6, "summary": 3, "body": 1}
PHRASE_BONUS = 3  # the words side by side count this many times over
BODY_CAP = 8  # a long lesson repeating a word is not thereby more relevant
BACKEND_ONLY_SCORE = 0.5  # matched only by the database's stemming
SNIPPET_WORDS = 32


def fold(text):
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def stem(token):
    if token.isdigit() or len(token) <= 3:
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def tokens(text):
    return [stem(token) for token in TOKEN.findall(fold(text))]


def plain_text(markdown_text):
    return " ".join(html.unescape(MARKUP.sub(" ", markdown_text or "")).split())


@dataclass(frozen=True)
class Query:
    words: tuple  # every token, in order (for phrases)
    keys: tuple  # the tokens that count on their own: no stopwords, no lone letters

    @classmethod
    def of(cls, text):
        words = tuple(tokens(text))
        keys = tuple(dict.fromkeys(w for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())))
        return cls(words=words, keys=keys or words)

    @property
    def phrase(self):
        return " " + " ".join(self.words) + " "


def _field_score(query, field_tokens, cap=None):
    if not field_tokens:
        return 0
    padded = " " + " ".join(field_tokens) + " "
    score = 0
    for key in query.keys:
        count = padded.count(f" {key} ")
        score += min(count, cap) if cap else min(count, 1)
    if len(query.words) > 1 or query.keys != query.words:
        phrase_count = padded.count(query.phrase)
        score += PHRASE_BONUS * len(query.words) * (min(phrase_count, cap) if cap else min(phrase_count, 1))
    return score


def score_lesson(query, entry):
    score = 0
    for field, weight in WEIGHTS.items():
        score += weight * _field_score(query, entry["tokens"][field], cap=BODY_CAP if field == "body" else None)
    return score


def lesson_entry(page, number_label, module_title):
    """What search needs of one lesson: plain data, cached across requests."""
    headings = [heading.title for heading in page.headings]
    body = plain_text("\n\n".join(strings_in_blocks(page.body.raw_data)))
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.url,
        "number_label": number_label,
        "module_title": module_title,
        "summary": page.summary,
        "headings": headings,
        "body": body,
        "tokens": {
            "title": tokens(page.title),
            "headings": [t for heading in headings for t in [*tokens(heading), "|"]],
            "summary": tokens(page.summary),
            "body": tokens(body),
        },
    }


def rank_lessons(query_text, index, backend_ids=(), allowed_ids=None):
    """Entries best first: (score, entry) for each lesson that matches."""
    query = Query.of(query_text)
    if not query.words:
        return []
    backend_ids = set(backend_ids)
    ranked = []
    for position, entry in enumerate(index):
        if allowed_ids is not None and entry["id"] not in allowed_ids:
            continue
        score = score_lesson(query, entry)
        if not score and entry["id"] in backend_ids:
            score = BACKEND_ONLY_SCORE
        if score:
            ranked.append((-score, position, entry))
    ranked.sort(key=lambda item: item[:2])
    return [entry for _score, _position, entry in ranked]


def rank_terms(query_text, terms, limit=5):
    """Glossary terms whose own name matches come first, then those whose definition does."""
    query = Query.of(query_text)
    if not query.words:
        return []
    compact = "".join(query.words)
    ranked = []
    for position, term in enumerate(terms):
        name_tokens = tokens(term.term)
        if "".join(name_tokens) == compact:
            score = 1000
        else:
            score = 20 * _field_score(query, name_tokens) + _field_score(query, tokens(term.definition))
        if score:
            ranked.append((-score, position, term))
    ranked.sort(key=lambda item: item[:2])
    return [term for _score, _position, term in ranked[:limit]]


def snippet(query_text, text, length=SNIPPET_WORDS):
    """A window of `text` around the first matching word, matching words in <mark>; safe HTML."""
    query = Query.of(query_text)
    words = text.split()
    wanted = set(query.keys) | ({query.words[-1]} if query.words else set())

    def matches(word):
        return bool(wanted & set(tokens(word)))

    first = next((i for i, word in enumerate(words) if matches(word)), 0)
    start = max(0, first - length // 3)
    window = words[start : start + length]
    marked = [format_html("<mark>{}</mark>", word) if matches(word) else escape(word) for word in window]
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(words) else ""
    return format_html("{}{}{}", prefix, format_html_join(" ", "{}", ((word,) for word in marked)), suffix)


def suggestions(query_text, vocabulary, limit=3):
    """Close spellings among titles, headings and glossary terms, for an empty result."""
    folded = {}
    for phrase in vocabulary:
        folded.setdefault(" ".join(tokens(phrase)), phrase)
        for word in phrase.split():
            if len(word) > 3:
                folded.setdefault(" ".join(tokens(word)), word.strip(".,;:()'\"“”"))
    wanted = " ".join(tokens(query_text))
    close = difflib.get_close_matches(wanted, list(folded), n=limit, cutoff=0.7)
    return [folded[key] for key in close]
