"""Every question's `section:` link leads to the heading that actually teaches its answer.

The lint (test_content_lint.py) checks that the anchor exists; this checks that the section
under it contains the question's key: the words of its keyed answer (the correct choices, the
true/false statement, an accepted short answer, the number, the items to order or the pairs to
match). A section runs from its heading to the next heading of the same or a higher level, so a
`##` section includes its `###` subsections, and it includes its tables, timelines and boxes.

Matching is on salient words (four letters or more, not common words, lightly stemmed), so a
section teaches a key when it holds most of the key's words. Where an answer is phrased in words
the lesson does not use, KEY_TERMS names the term that the linked section must contain instead.
"""

import functools
import re

import pytest

from course.lessons.markdown import slugify_heading
from tests.content.course_text import CONTENT, quizzes, shipped_course

HEADING = re.compile(r"^(#{2,3}) (.+?)\s*$")
SHARE_NEEDED = 0.6  # of the key's salient words that the section must contain
COMMON_WORDS = """
    about above after again against also although among another because been before being
    between both cannot could does doing down during each every from further have having here
    into itself just more most much must only other over same should since some such than that
    their them then there these they this those through under until upon very were what when
    where which while whom will with would your yours true false statement lesson following
    select apply
"""
STOPWORDS = frozenset(COMMON_WORDS.split())
WORD = re.compile(r"[a-z0-9]+")

# (quiz file, question number): a term the linked section must contain, for keys that the
# lesson teaches in other words. Each is checked like any key, so a wrong link still fails.
KEY_TERMS = {
    # A matching question that also pairs terms from other sections; its point is this pair.
    ("content/01-foundations/module-quiz.yaml", 2): "abandonment entrapment",
    # False statements: the section teaches the correction, not the statement's words.
    ("content/03-current-alliances/03-the-sco-and-other-arrangements.quiz.yaml", 1): "no mutual-defence clause",
    ("content/04-case-studies/03-turkey-the-s-400-and-the-f-35.quiz.yaml", 5): "remained a full member of NATO",
    ("content/05-law-and-regulation/03-law-inside-alliances.quiz.yaml", 1): "NATO does not license arms exports",
    ("content/05-law-and-regulation/module-quiz.yaml", 11): "general intra-EU transfer licence published in advance",
    # Keyed answers phrased in other words than the lesson's.
    ("content/03-current-alliances/module-quiz.yaml", 12): "SCO Quad",
    ("content/05-law-and-regulation/03-law-inside-alliances.quiz.yaml", 4): "diversion theft unauthorised retransfer",
    ("content/05-law-and-regulation/module-quiz.yaml", 6): "two-thirds majority veto",
    ("content/06-ethics/module-quiz.yaml", 2): "F-14 longer than the government that bought it",
    ("content/06-ethics/module-quiz.yaml", 10): "trend-indicator values military capability rather than money",
    ("content/07-future-trends/02-shifting-power.quiz.yaml", 4): "direct offsets co-production subcontracts components",
}


def stem(word):
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def salient_words(text):
    words = WORD.findall(text.lower().replace("'s", ""))
    return {stem(word) for word in words if (len(word) >= 4 or word.isdigit()) and word not in STOPWORDS}


@functools.cache
def lesson_sections(source):
    """{anchor: section text} for one lesson file (front matter skipped)."""
    lines = (CONTENT.parent / source).read_text(encoding="utf-8").splitlines()
    body = lines[lines.index("---", 1) + 1 :]
    sections, open_sections = {}, []  # open_sections: [(level, anchor)]
    in_block = False
    for line in body:
        in_block = in_block != line.startswith("```")
        match = None if in_block or line.startswith("```") else HEADING.match(line)
        if match:
            level = len(match.group(1))
            open_sections = [(lvl, anchor) for lvl, anchor in open_sections if lvl < level]
            anchor = slugify_heading(match.group(2))
            open_sections.append((level, anchor))
            sections[anchor] = []
        for _level, anchor in open_sections:
            sections[anchor].append(line)
    return {anchor: "\n".join(text) for anchor, text in sections.items()}


def question_keys(question):
    """Alternatives: the question is taught if the section holds any one of these keys."""
    kind = question.type
    if kind == "short":
        return list(question.accepted_answers)
    if kind == "numeric":
        number = question.correct_number
        return [str(int(number)) if number == int(number) else str(number)]
    if kind == "true_false":
        return [question.prompt]
    if kind in ("single", "multiple"):
        return [" ".join(text for text, correct, _match in question.choices if correct)]
    if kind == "ordering":
        return [" ".join(text for text, _correct, _match in question.choices)]
    if kind == "matching":
        return [" ".join(f"{left} {right}" for left, _correct, right in question.choices)]
    return []


def teaches(section_text, key):
    """(taught?, the key's salient words missing from the section)."""
    wanted = salient_words(key)
    if not wanted:
        return key.lower() in section_text.lower(), set()
    found = salient_words(section_text)
    missing = wanted - found
    return len(wanted - missing) >= SHARE_NEEDED * len(wanted), missing


def linked_section(module, question):
    lesson = next(lesson for lesson in module.lessons if lesson.slug == question.section_lesson)
    return lesson_sections(lesson.source).get(question.section_anchor, "")


def graded_questions():
    found = []
    for quiz, _page, module in quizzes():
        for number, question in enumerate(quiz.questions, start=1):
            if question.type != "poll":
                found.append((quiz.source, number, module, question))
    return found


def untaught(source, number, module, question, section_text):
    """None if the section teaches the question, else a message saying what is missing."""
    keys = [KEY_TERMS[(source, number)]] if (source, number) in KEY_TERMS else question_keys(question)
    results = [teaches(section_text, key) for key in keys]
    if any(taught for taught, _missing in results):
        return None
    missing = min((missing for _taught, missing in results), key=len)
    return (
        f"{source}: question {number} -> {question.section_lesson}#{question.section_anchor}: "
        f"section lacks {sorted(missing)}"
    )


def test_every_section_link_leads_to_a_section_that_teaches_the_answer():
    problems = [
        problem
        for source, number, module, question in graded_questions()
        if (problem := untaught(source, number, module, question, linked_section(module, question)))
    ]
    assert not problems, "questions linked to a section that does not teach their answer:\n" + "\n".join(problems)


def test_every_module_quiz_links_are_checked_too():
    sources = {source for source, _n, _m, _q in graded_questions()}
    assert sum(source.endswith("module-quiz.yaml") for source in sources) == 7
    assert len(sources) == 28  # 21 lesson checks and 7 module quizzes


# The check must be able to fail ----------------------------------------------------------------


def test_sections_run_to_the_next_heading_of_the_same_level_and_include_blocks():
    course, _errors = shipped_course()
    sections = lesson_sections(course.modules[1].lessons[2].source)  # 2.3 The Cold War
    assert "Hemmer" in sections["pacts-beyond-europe"]
    assert "SEATO | 1954" not in sections["pacts-beyond-europe"]  # table rows are read as YAML lists
    assert "Dissolved 30 June 1977" in sections["pacts-beyond-europe"]  # ...but their text is there
    assert "COCOM" not in sections["standardisation-within-the-blocs"]
    assert "COCOM" in sections["denying-technology-to-the-other-bloc-cocom"]


@pytest.mark.parametrize(
    ("section_text", "key", "taught"),
    [
        ("NATO's Article 5 has been invoked once, after 11 September 2001.", "Article 5 invoked 2001", True),
        ("Allies agree standards in STANAGs.", "STANAG", True),
        ("The Concert of Europe met at congresses.", "Article 5 invoked 2001", False),
        ("Greece joined in 1952.", "1949", False),
    ],
)
def test_teaches_reads_salient_words(section_text, key, taught):
    assert teaches(section_text, key)[0] is taught


def test_a_deliberately_wrong_link_fails():
    """Point every question of one module quiz at a section that teaches something else."""
    course, _errors = shipped_course()
    module = course.modules[0]  # Foundations
    wrong_target = lesson_sections(module.lessons[0].source)["what-an-alliance-is"]
    caught = [
        number
        for number, question in enumerate(module.quiz.questions, start=1)
        if question.type != "poll" and untaught(module.quiz.source, number, module, question, wrong_target)
    ]
    graded = [q for q in module.quiz.questions if q.type != "poll"]
    assert len(caught) >= len(graded) - 1, f"only questions {caught} of {len(graded)} caught by a wrong link"
    # And the Greece-Turkey question fails if linked back to a heading about another rivalry.
    check = module.lessons[2].check
    number, question = next((n, q) for n, q in enumerate(check.questions, 1) if "Greece" in q.prompt)
    elsewhere = lesson_sections(module.lessons[2].source)["unequal-access-to-advanced-weapons"]
    assert untaught(check.source, number, module, question, elsewhere)


# Headings say what their section covers ------------------------------------------------------

INSIDE_ONE_ALLIANCE = re.compile(
    r"(?i:both joined (?:NATO|the alliance)|through an alliance|inside the alliance|within the alliance)"
)


def misnamed_non_member_heading(heading, section_text):
    """A heading that speaks only of non-members must not head a rivalry inside one alliance."""
    about_non_members_only = re.search(r"(?i:non-members?)", heading) and not re.search(
        r"(?i:inside|within|among allies|allies)", heading
    )
    return bool(about_non_members_only and INSIDE_ONE_ALLIANCE.search(section_text))


@pytest.mark.parametrize(
    ("heading", "section_text", "misnamed"),
    [
        ("Rivalry with non-members", "Greece and Turkey both joined NATO in 1952, yet competed in arms.", True),
        ("Arms rivalries outside and inside the alliance", "Greece and Turkey both joined NATO in 1952.", False),
        ("Rivalry with non-members", "Arming one member can alarm its neighbours outside the bloc.", False),
    ],
)
def test_misnamed_heading_check_can_fail(heading, section_text, misnamed):
    assert misnamed_non_member_heading(heading, section_text) is misnamed


def test_no_heading_about_non_members_covers_a_rivalry_inside_the_alliance():
    course, _errors = shipped_course()
    bad = []
    for module in course.modules:
        for lesson in module.lessons:
            lines = (CONTENT.parent / lesson.source).read_text(encoding="utf-8").splitlines()
            titles = {slugify_heading(m.group(2)): m.group(2) for line in lines if (m := HEADING.match(line))}
            for anchor, text in lesson_sections(lesson.source).items():
                if misnamed_non_member_heading(titles.get(anchor, ""), text):
                    bad.append(f"{lesson.source}: {titles[anchor]}")
    assert not bad, f"headings that name non-members over a rivalry inside the alliance: {bad}"
