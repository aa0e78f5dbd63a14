"""The shipped course in content/ meets the course's own rules: its shape
(modules, lessons, quizzes), what every lesson and question carries, and that
every key term and link leads somewhere real. Facts are checked in
test_content_facts.py."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.content.course_text import (
    Passage,
    lesson_path,
    lessons,
    passages,
    prose,
    quizzes,
    shipped_course,
    word_count,
)

LESSON_SECTIONS = {"key-terms", "sources", "lesson-check"}  # ids the lesson template adds
MODULE_SECTIONS = {"module-quiz", "objectives-heading", "lessons-heading"}


def lesson_ids():
    return [lesson.slug for _module, lesson in lessons()]


def test_whole_content_folder_parses_without_errors():
    _course, errors = shipped_course()
    assert errors == [], "\n".join(str(error) for error in errors)


def test_course_has_seven_modules_of_three_lessons():
    course, _errors = shipped_course()
    assert [len(module.lessons) for module in course.modules] == [3] * 7


@pytest.mark.parametrize(("module", "lesson"), lessons(), ids=lesson_ids())
def test_lesson_has_three_to_five_objectives(module, lesson):
    assert 3 <= len(lesson.objectives) <= 5, f"{lesson.source}: {len(lesson.objectives)} objectives"
    assert all(objective.strip() for objective in lesson.objectives)


@pytest.mark.parametrize(("module", "lesson"), lessons(), ids=lesson_ids())
def test_lesson_lists_its_sources(module, lesson):
    assert lesson.sources, f"{lesson.source}: no sources"
    assert all(len(source) > 20 for source in lesson.sources), f"{lesson.source}: a source too short to find"


@pytest.mark.parametrize(("module", "lesson"), lessons(), ids=lesson_ids())
def test_lesson_has_800_to_1500_words_of_prose(module, lesson):
    words = word_count(prose(lesson))
    assert 800 <= words <= 1500, f"{lesson.source}: {words} words of prose"


@pytest.mark.parametrize(("module", "lesson"), lessons(), ids=lesson_ids())
def test_lesson_has_a_block_besides_prose(module, lesson):
    kinds = {block["type"] for block in lesson.body} - {"markdown"}
    assert kinds, f"{lesson.source}: only prose (add a table, timeline, callout, case box or chart)"


@pytest.mark.parametrize(("module", "lesson"), lessons(), ids=lesson_ids())
def test_lesson_check_has_four_to_six_questions(module, lesson):
    assert lesson.check is not None, f"{lesson.source}: no lesson check"
    count = len(lesson.check.questions)
    assert 4 <= count <= 6, f"{lesson.check.source}: {count} questions"


def test_every_module_quiz_has_ten_to_twelve_questions():
    course, _errors = shipped_course()
    wrong = {m.source: len(m.quiz.questions) if m.quiz else 0 for m in course.modules}
    wrong = {source: count for source, count in wrong.items() if not 10 <= count <= 12}
    assert not wrong, f"module quizzes outside 10-12 questions: {wrong}"


def all_questions():
    return [
        (quiz, number, question)
        for quiz, _page, _module in quizzes()
        for number, question in enumerate(quiz.questions, 1)
    ]


def test_every_question_has_an_explanation():
    missing = [f"{quiz.source}: question {n}" for quiz, n, q in all_questions() if len(q.explanation) < 40]
    assert not missing, f"no (or a one-line) explanation: {missing}"


def test_every_question_links_to_a_heading_of_its_module():
    course, _errors = shipped_course()
    anchors = {(module.slug, lesson.slug): lesson.anchors for module, lesson in lessons(course)}
    broken = []
    for quiz, _page, module in quizzes(course):
        for number, question in enumerate(quiz.questions, start=1):
            known = anchors.get((module.slug, question.section_lesson), set())
            if not question.section_anchor or question.section_anchor not in known:
                broken.append(
                    f"{quiz.source}: question {number} -> {question.section_lesson}#{question.section_anchor}"
                )
    assert not broken, "questions without a section that resolves to a lesson heading:\n" + "\n".join(broken)


def test_every_key_term_is_in_the_glossary():
    course, _errors = shipped_course()
    glossary = {term.term.casefold() for term in course.glossary}
    missing = [
        f"{lesson.source}: {term}"
        for _m, lesson in lessons(course)
        for term in lesson.key_terms
        if term.casefold() not in glossary
    ]
    assert not missing, f"key terms missing from glossary.yaml: {missing}"


def test_at_least_a_quarter_of_questions_are_not_single_choice():
    types = [question.type for _quiz, _n, question in all_questions()]
    other = sum(1 for kind in types if kind != "single")
    assert other * 4 >= len(types), f"only {other} of {len(types)} questions are not single choice"


# Links ---------------------------------------------------------------------------------------

LINK_PATTERNS = [
    re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"),  # [text](target "title")
    re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>"),  # <https://...>
    re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE),  # [ref]: target
    re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']"),  # raw HTML
]


def site_map(course):
    """{path: anchors} for every page the course creates."""
    pages = {
        "/": {"modules"},
        "/glossary/": {f"term-{term.slug}" for term in course.glossary}
        | {f"letter-{term.term[0].upper()}" for term in course.glossary},
        "/timeline/": set(),
        "/search/": set(),
    }
    for module in course.modules:
        pages[f"/{module.slug}/"] = set(MODULE_SECTIONS)
        for lesson in module.lessons:
            pages[lesson_path(module, lesson)] = lesson.anchors | LESSON_SECTIONS
    return pages


def dangling_links(texts, pages):
    """Links in `texts` (Passages) that are neither http(s) nor a course page (and anchor) that exists."""
    bad = []
    for passage in texts:
        for pattern in LINK_PATTERNS:
            for target in pattern.findall(passage.text):
                parts = urlsplit(target)
                if parts.scheme in ("http", "https"):
                    if not parts.netloc:
                        bad.append(f"{passage.where}: {target} (no host)")
                    continue
                if parts.scheme or parts.netloc:
                    bad.append(f"{passage.where}: {target} (only http(s) links leave the course)")
                    continue
                resolved = urlsplit(urljoin(passage.page, target))
                if resolved.path not in pages:
                    bad.append(f"{passage.where}: {target} (no page {resolved.path})")
                elif resolved.fragment and resolved.fragment not in pages[resolved.path]:
                    bad.append(f"{passage.where}: {target} (no #{resolved.fragment} on {resolved.path})")
    return bad


def test_no_dangling_links_in_course_text():
    course, _errors = shipped_course()
    bad = dangling_links(passages(course), site_map(course))
    assert not bad, "dangling links:\n" + "\n".join(bad)


def test_link_check_tells_good_links_from_dangling_ones():
    """The link check above must be able to fail: try it on made-up text."""
    course, _errors = shipped_course()
    module, lesson = lessons(course)[0]
    page = lesson_path(module, lesson)
    heading = sorted(lesson.anchors)[0]
    good = [
        "[SIPRI](https://www.sipri.org/databases/armstransfers)",
        f"[above](#{heading})",
        f"[next](../{lessons(course)[1][1].slug}/)",
        "[terms](/glossary/#term-article-5)",
        "<https://www.nato.int/>",
    ]
    bad = [
        "[gone](/no-such-module/)",
        "[typo](#no-such-heading)",
        "[ftp](ftp://example.com/x)",
        '<a href="/foundations/nope/">x</a>',
    ]
    pages = site_map(course)
    assert dangling_links([Passage("good", text, page) for text in good], pages) == []
    for text in bad:
        assert len(dangling_links([Passage("bad", text, page)], pages)) == 1, text
