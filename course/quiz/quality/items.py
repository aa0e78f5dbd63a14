"""Item flags: the per-item checks of item-writing flaws and the duplicate-question check,
over plain `Item`s (see the package's docstring for the guidelines they follow)."""

import re
from dataclasses import dataclass, field

# A keyed option this much longer than every other option stands out (guideline 26).
LONGEST_KEY_MARGIN = 1.2
# Specific determiners: a true/false statement holding one is almost always false (guideline 31b).
ABSOLUTE_WORDS = re.compile(
    r"\b(never|always|all|none|every|everyone|no one|nothing|only|entirely|completely|impossible|"
    r"historians agree|scholars agree|certainly|invariably)\b",
    re.IGNORECASE,
)
# A negative word in a stem that is not in bold or capitals is easily missed (guideline 17).
NEGATIVE_WORDS = re.compile(r"(?<![*\w])(not|except|never|the least)(?![*\w])")
ALL_OR_NONE_OF_THE_ABOVE = re.compile(r"\b(all|none|both) of the (above|these)\b", re.IGNORECASE)
WORD = re.compile(r"[a-z0-9]+")
YEAR_OR_NUMBER = re.compile(r"^[\s\d.,%–-]+(bc|ad|ce)?$", re.IGNORECASE)
COMMON_WORDS = frozenset(
    [
        "about",
        "after",
        "also",
        "among",
        "another",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "could",
        "does",
        "each",
        "from",
        "have",
        "into",
        "itself",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "same",
        "should",
        "since",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "upon",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
        "true",
        "false",
        "following",
        "select",
        "apply",
        "best",
        "describes",
        "describe",
        "lesson",
        "term",
    ]
)


@dataclass
class Item:
    """One question as the checker sees it."""

    type: str
    prompt: str
    choices: list = field(default_factory=list)  # (text, is_correct, match_text)
    correct_boolean: bool | None = None
    accepted_answers: list = field(default_factory=list)
    label: str = ""  # where it is, for messages: "file: question 3"


@dataclass(frozen=True)
class Flag:
    label: str
    message: str

    def __str__(self):
        return f"{self.label}: {self.message}" if self.label else self.message


def item_from_data(question, label=""):
    """An Item from the importer's QuestionData."""
    return Item(
        type=question.type,
        prompt=question.prompt,
        choices=list(question.choices),
        correct_boolean=question.correct_boolean,
        accepted_answers=list(question.accepted_answers),
        label=label,
    )


def item_from_question(question, label=""):
    """An Item from a saved Question (its choices read from the database)."""
    return Item(
        type=question.type,
        prompt=question.prompt,
        choices=[(c.text, c.is_correct, c.match_text) for c in question.choices.all()],
        correct_boolean=question.correct_boolean,
        accepted_answers=question.accepted_answer_list,
        label=label,
    )


def _words(text):
    found = set()
    for word in WORD.findall(text.lower().replace("'s", "")):
        if len(word) >= 4 and word not in COMMON_WORDS:
            for suffix in ("ies", "es", "s", "ing", "ed"):
                if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                    word = word[: -len(suffix)]
                    break
            found.add(word)
    return found


def _keys_and_distractors(item):
    keys = [text for text, correct, _match in item.choices if correct]
    distractors = [text for text, correct, _match in item.choices if not correct]
    return keys, distractors


def key_is_longest(item):
    """Single choice: is the keyed option strictly the longest?"""
    keys, distractors = _keys_and_distractors(item)
    return bool(keys and distractors) and len(keys[0]) > max(len(text) for text in distractors)


def is_number_recall(item):
    """Does the item ask for a bare remembered number or year?"""
    if item.type == "numeric":
        return True
    if item.type == "short":
        return any(YEAR_OR_NUMBER.match(answer) for answer in item.accepted_answers[:1])
    if item.type in ("single", "multiple", "ordering"):
        texts = [text for text, _correct, _match in item.choices]
        return bool(texts) and all(YEAR_OR_NUMBER.match(text) for text in texts)
    if item.type == "matching":
        return all(YEAR_OR_NUMBER.match(match) for _text, _correct, match in item.choices)
    return False


# Per-item checks: each returns a message or None. -----------------------------------------------


def check_longest_key(item):
    if item.type != "single":
        return None
    keys, distractors = _keys_and_distractors(item)
    if keys and distractors and len(keys[0]) >= LONGEST_KEY_MARGIN * max(len(text) for text in distractors):
        return "the keyed option is clearly the longest: test-wise learners pick it unread"
    return None


def check_multiple_key_lengths(item):
    if item.type != "multiple":
        return None
    keys, distractors = _keys_and_distractors(item)
    if not (keys and distractors):
        return None
    shortest_key, longest_distractor = min(len(t) for t in keys), max(len(t) for t in distractors)
    if shortest_key >= LONGEST_KEY_MARGIN * longest_distractor:
        return "every keyed option is longer than every distractor: length gives the keys away"
    return None


def check_absolute_words(item):
    if item.type != "true_false":
        return None
    match = ABSOLUTE_WORDS.search(item.prompt)
    if match:
        return f'the statement holds the absolute word "{match.group(0)}", which cues "false"'
    return None


def _question_sentence(prompt):
    """The sentence that asks: a scenario before it may well say "not"."""
    sentences = re.split(r"(?<=[.!?])\s+", prompt.strip())
    asking = [sentence for sentence in sentences if sentence.endswith("?")]
    return asking[-1] if asking else prompt


def check_negative_stem(item):
    if item.type not in ("single", "multiple"):
        return None
    match = NEGATIVE_WORDS.search(_question_sentence(item.prompt))
    if match:
        return f'the stem is negative ("{match.group(0)}") without emphasis: write **NOT** or reword it positively'
    return None


def check_all_or_none_of_the_above(item):
    for text, _correct, _match in item.choices:
        if item.type in ("single", "multiple") and ALL_OR_NONE_OF_THE_ABOVE.search(text):
            return f'an option reads "{text}": use a real option instead of all/none of the above'
    return None


def check_article_cue(item):
    """A stem ending in "a" or "an" agrees grammatically with some options only."""
    if item.type != "single":
        return None
    match = re.search(r"\b(a|an)\s*[:_.…]*\s*$", item.prompt.strip(), re.IGNORECASE)
    if not match:
        return None
    wants_vowel = match.group(1).lower() == "an"
    keys, _distractors = _keys_and_distractors(item)
    fits = [text for text, _c, _m in item.choices if (text[:1].lower() in "aeiou") == wants_vowel]
    if keys and keys[0] in fits and len(fits) < len(item.choices):
        return f'the stem ends in "{match.group(1)}", which fits the key but not every option'
    return None


def check_stem_cues_key(item):
    """The key repeats a word of the stem that no distractor repeats (a clang association)."""
    if item.type != "single":
        return None
    keys, distractors = _keys_and_distractors(item)
    if not keys or not distractors:
        return None
    stem_words = _words(item.prompt)
    shared = stem_words & _words(keys[0])
    for text in distractors:
        shared -= _words(text)
    if shared:
        return f"the key repeats the stem's word(s) {sorted(shared)} and no distractor does"
    return None


def check_matching_repeats_label(item):
    if item.type != "matching":
        return None
    for left, _correct, right in item.choices:
        repeated = _words(left) & _words(right)
        if repeated:
            return f'"{left}" shares the word(s) {sorted(repeated)} with its partner: the pair matches itself'
    return None


ITEM_CHECKS = (
    check_longest_key,
    check_multiple_key_lengths,
    check_absolute_words,
    check_negative_stem,
    check_all_or_none_of_the_above,
    check_article_cue,
    check_stem_cues_key,
    check_matching_repeats_label,
)


def item_flags(item):
    return [Flag(item.label, message) for check in ITEM_CHECKS if (message := check(item))]


def _item_words(item):
    """The salient words of the whole item: generic stems ("Put these events in order") differ by their options."""
    texts = [item.prompt, *item.accepted_answers] + [f"{text} {match}" for text, _c, match in item.choices]
    return frozenset(_words(" ".join(texts)))


def duplicate_flags(items):
    """Questions asked twice (mostly the same salient words in stem and options), across quizzes."""
    seen, flags = {}, []
    for item in items:
        words = _item_words(item)
        if len(words) < 3:
            continue
        for other_words, other in seen.items():
            overlap = len(words & other_words) / len(words | other_words)
            if overlap >= 0.8:
                flags.append(Flag(item.label, f"asks much the same as {other.label or 'another question'}"))
                break
        else:
            seen[words] = item
    return flags


# Balance figures. ---------------------------------------------------------------------------
