"""Short answers: a leading article, case, punctuation and a typo or two do not make a right
answer wrong; numbers and single letters are matched exactly; number words read as digits."""

import pytest

from course.quiz.question_types import ShortAnswer, typos_between

short = ShortAnswer()


@pytest.mark.parametrize(
    ("accepted", "given"),
    [
        (["end-user certificate"], "an end-user certificate"),
        (["joint resolution of disapproval"], "a joint resolution of disapproval"),
        (["judicial review"], "The judicial review"),
        (["Dreadnought"], "Dreadnaught"),  # one typo in 11 letters
        (["Dreadnought"], "dreadnuoght"),  # two letters swapped count as one typo
        (["licensed manufacture"], "licence manufacture"),  # two typos in 19 letters
        (["supplier lock-in", "vendor lock-in"], "vendor lockin"),
        (["Article 4"], "article four"),
        (["4"], "four"),
        (["Zeitenwende"], "Zeitenwnde"),
        (["STANAG"], "stanag."),
    ],
)
def test_accepted(accepted, given):
    assert short.matches(accepted, given)


@pytest.mark.parametrize(
    ("accepted", "given"),
    [
        (["1949"], "1948"),  # numbers get no typo slack
        (["Article 5"], "Article 6"),
        (["V"], "W"),  # nor do single letters
        (["EUC"], "ECU"),  # nor answers under six letters
        (["offset"], "ofsat"),  # two typos in six letters
        (["Dreadnought"], "Drednaugt"),  # three typos in eleven letters
        (["joint resolution of disapproval"], "joint resolutoin of dissaproval"),  # three typos
        (["entrapment"], "abandonment"),
        (["the arsenal of democracy"], "the"),  # an article alone is not an answer
        (["hub-and-spoke"], ""),
    ],
)
def test_not_accepted(accepted, given):
    assert not short.matches(accepted, given)


def test_typos_between_counts_edits_up_to_the_limit():
    assert typos_between("dreadnought", "dreadnought", 1) == 0
    assert typos_between("dreadnought", "dreadnaught", 1) == 1
    assert typos_between("offset", "offest", 1) == 1  # a swap
    assert typos_between("offset", "xyz", 1) == 2  # more than allowed: limit + 1
