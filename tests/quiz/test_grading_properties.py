"""Properties of grading that must hold for any input (hypothesis), and that the
order a paper shows things in never changes a grade. No database: the questions
are built in memory."""

import random
import string
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from course.quiz import grading
from course.quiz.forms import PaperForm
from course.quiz.paper import build_paper
from course.quiz.question_types import grade_answer, right_answer

from .builders import ALL_TYPES, as_querydict, every_type_questions, form_data_for

ids = st.integers(min_value=1, max_value=40)
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
seeds = st.integers(min_value=0, max_value=2**62)

# Enough examples to find a counterexample to these small rules, few enough to keep the suite quick.
quick = settings(max_examples=60, deadline=None)


def in_unit_interval(credit):
    return 0.0 <= credit <= 1.0


@quick
@given(st.sets(ids), st.lists(ids) | st.none())
def test_multiple_choice_credit_stays_between_zero_and_one(correct, chosen):
    assert in_unit_interval(grading.grade_multiple(correct, chosen))


@quick
@given(finite, st.floats(min_value=0, max_value=1e6), finite | st.just(float("nan")) | st.none())
def test_numeric_credit_stays_between_zero_and_one(correct, tolerance, given_number):
    assert grading.grade_numeric(correct, tolerance, given_number) in (0.0, 1.0)


@quick
@given(st.lists(ids, unique=True, min_size=1), st.lists(ids) | st.none())
def test_ordering_credit_stays_between_zero_and_one(correct, given_order):
    assert in_unit_interval(grading.grade_ordering(correct, given_order))


@quick
@given(
    st.dictionaries(st.text(max_size=3), st.text(max_size=3)), st.dictionaries(st.text(max_size=3), st.text(max_size=3))
)
def test_matching_credit_stays_between_zero_and_one(correct, given_pairs):
    assert in_unit_interval(grading.grade_matching(correct, given_pairs))


@quick
@given(st.lists(st.text(max_size=20), max_size=4), st.text(max_size=40) | st.none())
def test_short_answer_credit_is_all_or_nothing(accepted, given_text):
    assert grading.grade_short(accepted, given_text) in (0.0, 1.0)


@quick
@given(st.sets(ids, min_size=1), st.sets(ids))
def test_the_right_choices_score_one_and_adding_a_wrong_one_costs(correct, extra):
    assert grading.grade_multiple(correct, correct) == 1.0
    wrong = extra - correct
    if wrong:
        assert grading.grade_multiple(correct, correct | wrong) < 1.0


@quick
@given(st.lists(ids, unique=True, min_size=1))
def test_the_right_order_scores_one(correct):
    assert grading.grade_ordering(correct, list(correct)) == 1.0


@quick
@given(finite, st.floats(min_value=0, max_value=1e6))
def test_the_right_number_scores_one(correct, tolerance):
    assert grading.grade_numeric(correct, tolerance, correct) == 1.0


@quick
@given(st.text(alphabet=string.ascii_letters + string.digits + " ", min_size=1, max_size=30), st.randoms())
def test_a_short_answer_in_other_case_and_spacing_scores_one(answer, rng):
    if not answer.strip():
        return
    variant = "  ".join(word.upper() if rng.random() < 0.5 else word.lower() for word in answer.split()) + rng.choice(
        ["", ".", "!", " "]
    )
    assert grading.grade_short([answer], variant) == 1.0


@quick
@given(st.sets(ids, min_size=1), st.lists(ids), st.randoms())
def test_grading_choice_ids_does_not_depend_on_their_order(correct, chosen, rng):
    shuffled_correct, shuffled_chosen = list(correct), list(chosen)
    rng.shuffle(shuffled_correct)
    rng.shuffle(shuffled_chosen)
    assert grading.grade_multiple(correct, chosen) == grading.grade_multiple(shuffled_correct, shuffled_chosen)


@quick
@given(st.dictionaries(ids.map(str), st.sampled_from(["1949", "1951", "1955"]), min_size=1), st.randoms())
def test_grading_matching_pairs_does_not_depend_on_their_order(pairs, rng):
    items = list(pairs.items())
    rng.shuffle(items)
    assert grading.grade_matching(pairs, dict(items)) == 1.0


# -- the paper: what a learner sees, built from the attempt's seed ------------------


def _paper(questions, seed, question_order=None):
    attempt = SimpleNamespace(seed=seed, question_ids=question_order or list(questions))
    return build_paper(attempt, questions, shuffle=True)


def _grades(questions, paper, answers):
    form = PaperForm(paper, as_querydict(form_data_for(paper, answers)))
    assert form.is_valid() and not form.unexpected_fields(), form.errors
    return {pk: grade_answer(questions[pk], answer) for pk, answer in form.answers().items()}


@quick
@given(seeds)
def test_the_right_answer_scores_one_on_every_paper(seed):
    questions = every_type_questions()
    paper = _paper(questions, seed)
    grades = _grades(questions, paper, {pk: right_answer(q) for pk, q in questions.items()})
    assert grades == dict.fromkeys(questions, 1.0)


def _some_answer(question, rng):
    """A random (usually partly wrong) answer in database terms."""
    choices = list(question.choices.all())
    ids_ = [choice.pk for choice in choices]
    return {
        "single": lambda: rng.choice(ids_),
        "multiple": lambda: rng.sample(ids_, rng.randint(0, len(ids_))),
        "true_false": lambda: rng.random() < 0.5,
        "short": lambda: rng.choice(["Article 5", "article v", "Article 4", "NATO"]),
        "numeric": lambda: rng.choice([1949, 1950, 1948.5]),
        "ordering": lambda: rng.sample(ids_, len(ids_)),
        "matching": lambda: {str(c.pk): rng.choice(choices).match_text for c in rng.sample(choices, rng.randint(1, 4))},
    }[question.type]()


@quick
@given(seeds, seeds, st.randoms())
def test_shuffling_never_changes_a_grade(seed_a, seed_b, rng):
    """The same answer, given on two differently shuffled papers, earns the same credit."""
    questions = every_type_questions()
    answers = {pk: _some_answer(question, rng) for pk, question in questions.items()}
    reversed_order = list(reversed(list(questions)))
    grades_a = _grades(questions, _paper(questions, seed_a), answers)
    grades_b = _grades(questions, _paper(questions, seed_b, reversed_order), answers)
    assert grades_a == grades_b
    assert all(in_unit_interval(credit) for credit in grades_a.values())
    assert grades_a == {pk: grade_answer(questions[pk], answer) for pk, answer in answers.items()}


@quick
@given(seeds)
def test_every_paper_shows_every_question_and_option_once(seed):
    questions = every_type_questions()
    paper = _paper(questions, seed)
    assert sorted(p.question.type for p in paper) == sorted(ALL_TYPES)
    for presented in paper:
        shown = [option.choice.pk for option in presented.options]
        assert sorted(shown) == sorted(choice.pk for choice in presented.question.choices.all())
        assert len({option.token for option in presented.options}) == len(shown)


def test_one_seed_always_gives_the_same_paper():
    questions = every_type_questions()
    seed = random.Random(7).getrandbits(62)

    def layout(paper):
        return [(p.question.pk, [o.text for o in p.options], [t.text for t in p.targets]) for p in paper]

    assert layout(_paper(questions, seed)) == layout(_paper(questions, seed))
