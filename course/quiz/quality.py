"""Item quality: pure functions that flag item-writing flaws and measure a quiz's balance.

Anchored in Haladyna, Downing and Rodriguez, "A review of multiple-choice item-writing
guidelines for classroom assessment", Applied Measurement in Education 15(3), 2002: keep
options homogeneous in length and grammar so none cues the key, avoid "all/none of the
above", word stems positively (or make a negative stand out), avoid specific determiners
("never", "always") that give a statement away, vary the number and position of keys, and
test understanding rather than recall of trivia.

Everything here reads plain `Item`s, so the importer (`load_course` prints the warnings),
the tests and the admin (warnings when an instructor saves a quiz) share one set of rules.
`item_from_data` reads the importer's QuestionData, `item_from_question` a saved Question.
"""

import re
from collections import Counter
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

# The goals of issue #23, per course (and per quiz where a quiz has enough items to measure).
GOAL_LONGEST_KEY_SHARE = 0.30
GOAL_MULTIPLE_MAX_SHARE = 0.50
GOAL_FALSE_SHARE = (0.40, 0.60)
GOAL_NUMBER_RECALL_SHARE = 0.10
# Below these counts a share says little (one true/false item is 0 % or 100 % "false"), so
# `problems` holds a set of items to the goals only from this many items of the kind.
MIN_ITEMS_FOR_A_SHARE = 10


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


@dataclass
class Balance:
    graded: int = 0
    single: int = 0
    longest_key: int = 0
    multiple_key_counts: Counter = field(default_factory=Counter)
    true_false: int = 0
    keyed_false: int = 0
    number_recall: int = 0

    @property
    def longest_key_share(self):
        return self.longest_key / self.single if self.single else 0.0

    @property
    def multiple_max_share(self):
        total = sum(self.multiple_key_counts.values())
        return max(self.multiple_key_counts.values()) / total if total else 0.0

    @property
    def false_share(self):
        return self.keyed_false / self.true_false if self.true_false else 0.5

    @property
    def number_recall_share(self):
        return self.number_recall / self.graded if self.graded else 0.0

    def problems(self):
        """The goals this set of items misses, in words (empty when it meets them all)."""
        found = []
        enough = MIN_ITEMS_FOR_A_SHARE
        if self.single >= enough and self.longest_key_share > GOAL_LONGEST_KEY_SHARE:
            found.append(
                f"keyed option is the longest in {self.longest_key} of {self.single} single-choice items "
                f"({self.longest_key_share:.0%}; goal <= {GOAL_LONGEST_KEY_SHARE:.0%})"
            )
        if sum(self.multiple_key_counts.values()) >= enough and self.multiple_max_share > GOAL_MULTIPLE_MAX_SHARE:
            found.append(
                f"multiple choice keyed counts {dict(sorted(self.multiple_key_counts.items()))}: one count holds "
                f"{self.multiple_max_share:.0%} (goal <= {GOAL_MULTIPLE_MAX_SHARE:.0%})"
            )
        low, high = GOAL_FALSE_SHARE
        if self.true_false >= enough and not low <= self.false_share <= high:
            found.append(
                f"true/false keyed false in {self.keyed_false} of {self.true_false} ({self.false_share:.0%}; "
                f"goal {low:.0%}-{high:.0%})"
            )
        if self.graded >= enough and self.number_recall_share > GOAL_NUMBER_RECALL_SHARE:
            found.append(
                f"{self.number_recall} of {self.graded} items ask for a bare number or year "
                f"({self.number_recall_share:.0%}; goal <= {GOAL_NUMBER_RECALL_SHARE:.0%})"
            )
        return found

    def rows(self):
        """The figures as (cue, value) rows, for reports."""
        counts = sum(self.multiple_key_counts.values())
        spread = ", ".join(f"{k}: {n}" for k, n in sorted(self.multiple_key_counts.items()))
        return [
            (
                "single choice: keyed option is the longest",
                f"{self.longest_key} of {self.single} ({self.longest_key_share:.0%})",
            ),
            (
                "multiple choice: number of keyed options",
                f"{spread} of {counts} (largest {self.multiple_max_share:.0%})",
            ),
            ("true/false keyed false", f"{self.keyed_false} of {self.true_false} ({self.false_share:.0%})"),
            ("bare number or year recall", f"{self.number_recall} of {self.graded} ({self.number_recall_share:.0%})"),
        ]


def balance(items):
    figures = Balance()
    for item in items:
        if item.type == "poll":
            continue
        figures.graded += 1
        if item.type == "single":
            figures.single += 1
            figures.longest_key += key_is_longest(item)
        elif item.type == "multiple":
            figures.multiple_key_counts[sum(1 for _t, correct, _m in item.choices if correct)] += 1
        elif item.type == "true_false":
            figures.true_false += 1
            figures.keyed_false += item.correct_boolean is False
        figures.number_recall += is_number_recall(item)
    return figures


def quiz_warnings(items):
    """Every flag for one quiz's items: per item, duplicates within the quiz."""
    flags = [flag for item in items for flag in item_flags(item)]
    return flags + duplicate_flags(items)


def course_warnings(quizzes):
    """`quizzes`: [(source, [Item])]. Per-item flags, duplicates across quizzes and the
    course's balance problems (per quiz the figures are too small to hold to goals)."""
    items = [item for _source, quiz_items in quizzes for item in quiz_items]
    flags = [flag for item in items for flag in item_flags(item)] + duplicate_flags(items)
    flags += [Flag("course", problem) for problem in balance(items).problems()]
    return flags


def test_wise_score(items):
    """The expected share of points a learner gets who reads no question: picks the longest
    option (a fair pick among equally long ones) and answers "false" to every statement."""
    earned = possible = 0.0
    for item in items:
        if item.type == "single":
            lengths = [len(text) for text, _c, _m in item.choices]
            longest = [c for (text, c, _m) in item.choices if len(text) == max(lengths)]
            earned += sum(longest) / len(longest)
            possible += 1
        elif item.type == "true_false":
            earned += item.correct_boolean is False
            possible += 1
    return earned / possible if possible else 0.0


def chance_score(items):
    """The same items answered by blind guessing: 1/options for single choice, 1/2 for true/false."""
    earned = possible = 0.0
    for item in items:
        if item.type == "single" and item.choices:
            earned += 1 / len(item.choices)
            possible += 1
        elif item.type == "true_false":
            earned += 0.5
            possible += 1
    return earned / possible if possible else 0.0


def pool_flag(label, kind, draw_count, pool_size, ratio=1.5):
    """A module quiz should draw each paper from a pool `ratio` times its length, so a retake
    is a different paper (lesson checks are for learning and may stay fixed)."""
    if kind != "module_quiz":
        return None
    if not draw_count or draw_count >= pool_size:
        return Flag(label, "a module quiz should draw its paper from a larger pool: set draw")
    if pool_size < ratio * draw_count:
        return Flag(label, f"the pool ({pool_size}) is under {ratio} times the paper ({draw_count})")
    return None


def parsed_quizzes(course):
    """Every quiz (importer QuizData) of a parsed course (importer CourseData), in course order."""
    found = []
    for module in course.modules:
        found += [lesson.check for lesson in module.lessons if lesson.check]
        if module.quiz:
            found.append(module.quiz)
    return found


def course_items(course):
    """[(source, [Item])] for every quiz of a parsed course (importer CourseData)."""
    return [
        (
            quiz.source,
            [
                item_from_data(question, f"{quiz.source}: question {number}")
                for number, question in enumerate(quiz.questions, start=1)
            ],
        )
        for quiz in parsed_quizzes(course)
    ]


def course_report(course):
    """Every warning for a parsed course: items, duplicates, balance and module-quiz pools."""
    flags = course_warnings(course_items(course))
    for quiz in parsed_quizzes(course):
        if flag := pool_flag(quiz.source, quiz.kind, quiz.draw_count, len(quiz.questions)):
            flags.append(flag)
    return flags


def saved_quiz_flags(quiz):
    """Warnings for a quiz saved in the admin: its items, their duplicates and its pool. The
    quiz may be a draft whose questions live only in its revision (not yet saved rows)."""
    questions = [question for question in quiz.questions.all() if not question.retired]
    questions.sort(key=lambda question: (question.sort_order, question.pk or 0))
    items = [item_from_question(question, f"Question {number}") for number, question in enumerate(questions, start=1)]
    flags = quiz_warnings(items)
    if flag := pool_flag("Pool", quiz.kind, quiz.draw_count, len(questions)):
        flags.append(flag)
    return flags
