"""The item-quality checker (course/quiz/quality/) flags each item-writing flaw on
made-up items and passes clean ones; its balance figures and the test-wise score are right."""

import pytest

from course.quiz import quality
from course.quiz.quality import Item


def single(prompt, key, *distractors):
    return Item("single", prompt, [(key, True, "")] + [(text, False, "") for text in distractors])


def messages(item):
    return [flag.message for flag in quality.item_flags(item)]


CLEAN_SINGLE = single(
    "Which concept best describes India buying from Russia while deepening ties with the US and France?",
    "Hedging",
    "Entrapment",
    "Free riding",
    "Commonality",
)


@pytest.mark.parametrize(
    ("item", "flaw"),
    [
        (
            single(
                "What is interoperability?",
                "The ability of forces from different states to operate together effectively in a crisis",
                "Identical kit",
                "A re-export veto",
                "Spare-parts reliance",
            ),
            "clearly the longest",
        ),
        (
            Item("true_false", "Historians agree that Westphalia created sovereignty.", correct_boolean=False),
            "absolute",
        ),
        (Item("true_false", "NATO has never invoked Article 5.", correct_boolean=False), '"never"'),
        (single("Which of these is not a NATO member?", "Austria", "France", "Italy", "Norway"), "negative"),
        (
            single("Which is a CSTO member?", "All of the above", "Russia", "Belarus", "Armenia"),
            "all/none of the above",
        ),
        (
            Item(
                "multiple",
                "Which belong to the CSTO? Select all that apply.",
                [("Russia", True, ""), ("Belarus", True, ""), ("None of the above", False, "")],
            ),
            "all/none of the above",
        ),
        (single("A pledge to defend one another is an", "alliance", "treaty", "pact", "entente"), 'ends in "an"'),
        (
            single(
                "Which term names equipment shared by all four allies?", "Shared equipment", "Commonality", "Hedging"
            ),
            "repeats the stem",
        ),
        (
            Item(
                "multiple",
                "Which give the supplier leverage? Select all that apply.",
                [
                    ("The recipient needs the supplier's spare parts and munitions", True, ""),
                    ("The aircraft depend on the manufacturer's software updates", True, ""),
                    ("Large orders", False, ""),
                    ("Cheap loans", False, ""),
                ],
            ),
            "every keyed option is longer",
        ),
        (
            Item(
                "matching",
                "Match each measure with its description.",
                [("Cash and carry", False, "Buyers paid cash and carried the arms"), ("Lend-Lease", False, "Loans")],
            ),
            "matches itself",
        ),
    ],
)
def test_each_flaw_is_flagged(item, flaw):
    found = messages(item)
    assert any(flaw in message for message in found), found


@pytest.mark.parametrize(
    "item",
    [
        CLEAN_SINGLE,
        Item("true_false", "Article 5 has been invoked once, after the attacks of 11 September 2001.", [], True),
        single(
            "State A persuades its ally B to sign a firmer commitment. Which risk now grows **for B**?",
            "Entrapment",
            "Abandonment",
            "Free riding",
        ),
        # A scenario may say "not"; the question it asks is positive.
        single(
            "India was not sanctioned for its S-400. Which explanation does the lesson give?",
            "Washington weighed its interests in India differently",
            "CAATSA applies to NATO members alone, by its text",
            "India cancelled its order before any delivery",
        ),
        single("Which of these is **NOT** a NATO member?", "Austria", "France", "Italy", "Norway"),
        Item(
            "multiple",
            "Which are CSTO members? Select all that apply.",
            [("Russia", True, ""), ("Belarus", True, ""), ("Uzbekistan", False, ""), ("Azerbaijan", False, "")],
        ),
        Item("short", "Name the procedure.", accepted_answers=["judicial review"]),
    ],
)
def test_clean_items_pass(item):
    assert messages(item) == []


def test_duplicate_questions_across_quizzes_are_flagged():
    first = single("Why did the United States remove Turkey from the F-35 programme?", "S-400", "Spending", "Exit")
    first.label = "a.quiz.yaml: question 1"
    again = single(
        "Why did the United States remove Turkey from the F-35 programme in 2019?", "S-400", "Spending", "Exit"
    )
    again.label = "b.quiz.yaml: question 4"
    flags = quality.duplicate_flags([first, again, CLEAN_SINGLE])
    assert [str(flag) for flag in flags] == ["b.quiz.yaml: question 4: asks much the same as a.quiz.yaml: question 1"]


def test_balance_figures_and_goals():
    longest = single("Which?", "a much longer keyed option than the rest", "short", "brief", "small")
    items = (
        [longest] * 4
        + [CLEAN_SINGLE] * 6
        + [Item("true_false", "A statement.", correct_boolean=False)] * 8
        + [Item("true_false", "A statement.", correct_boolean=True)] * 2
        + [Item("multiple", "Which?", [("a", True, ""), ("b", True, ""), ("c", True, ""), ("d", False, "")])] * 10
        + [Item("numeric", "In which year?")] * 3
        + [Item("poll", "Your view?", [("x", False, ""), ("y", False, "")])]
    )
    figures = quality.balance(items)
    assert (figures.single, figures.longest_key, figures.true_false, figures.keyed_false) == (10, 4, 10, 8)
    assert figures.multiple_key_counts == {3: 10}
    assert (figures.graded, figures.number_recall) == (33, 3)
    problems = " | ".join(figures.problems())
    assert "longest in 4 of 10" in problems
    assert "one count holds 100%" in problems
    assert "keyed false in 8 of 10" in problems
    assert "bare number" not in problems  # 3 of 33 is 9 %, within the goal


def test_too_few_items_make_no_balance_problem():
    assert quality.balance([Item("true_false", "A statement.", correct_boolean=False)]).problems() == []


def test_test_wise_score_picks_the_longest_option_and_answers_false():
    items = [
        single("Which?", "the long keyed option", "short", "brief"),  # longest is right: 1
        single("Which?", "key", "a longer distractor", "other"),  # longest is wrong: 0
        Item("true_false", "A statement.", correct_boolean=False),  # "false" is right: 1
        Item("true_false", "A statement.", correct_boolean=True),  # 0
    ]
    assert quality.test_wise_score(items) == 0.5
    assert quality.chance_score(items) == pytest.approx((1 / 3 + 1 / 3 + 0.5 + 0.5) / 4)


@pytest.mark.parametrize(
    ("kind", "draw", "pool", "flagged"),
    [
        ("module_quiz", None, 12, True),
        ("module_quiz", 8, 11, True),
        ("module_quiz", 8, 12, False),
        ("lesson_check", None, 5, False),
    ],
)
def test_module_quizzes_draw_from_a_pool_half_again_their_length(kind, draw, pool, flagged):
    assert (quality.pool_flag("quiz", kind, draw, pool) is not None) is flagged
