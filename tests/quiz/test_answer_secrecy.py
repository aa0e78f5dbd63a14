"""The quiz page never tells which answers are right: not in attributes, classes,
scripts or option values, and not by the order it shows things in."""

import re

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.models import Choice, Question, QuestionType, Quiz
from course.quiz.paper import draw_question_ids

pytestmark = pytest.mark.django_db

SEEDS = [1, 2, 3, 5, 8, 13, 21, 34]
TELLTALE = re.compile(r"correct|answer|solution|right|true_answer", re.IGNORECASE)


def _use_seed(attempt, seed):
    """Give the open attempt another seed, as if it had been started with it."""
    quiz = attempt.quiz
    ids = Question.objects.filter(quiz=quiz).order_by("sort_order", "pk").values_list("pk", flat=True)
    attempt.seed = seed
    attempt.question_ids = draw_question_ids(ids, quiz.draw_count, quiz.shuffle, seed)
    attempt.save(update_fields=["seed", "question_ids"])


def _quiz_form(client, attempt):
    response = client.get(reverse("quiz:take", args=[attempt.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, soup.select_one("form.quiz-form")


def _fieldset_for(form, question):
    """The fieldset whose legend shows this question's prompt."""
    matches = [fs for fs in form.select("fieldset.question") if question.prompt.split("*")[0] in fs.legend.get_text()]
    assert len(matches) == 1, question.prompt
    return matches[0]


def _attribute_texts(tag):
    for name, value in tag.attrs.items():
        yield name
        yield from value if isinstance(value, list) else [value]


def assert_nothing_marks_the_answers(soup, form, quiz):
    for tag in form.find_all(True):
        for text in _attribute_texts(tag):
            assert not TELLTALE.search(text), f"{tag.name} has {text!r}"
    for script in soup.find_all("script"):
        body = script.string or ""
        assert not re.search(r"is_correct|correct|answer", body, re.IGNORECASE), body[:200]
    assert not form.select("[checked], option[selected][value]:not([value=''])"), "something is preselected"
    ids = {str(pk) for pk in Choice.objects.filter(question__quiz=quiz).values_list("pk", flat=True)}
    ids |= {str(pk) for pk in Question.objects.filter(quiz=quiz).values_list("pk", flat=True)}
    for name in _option_names(form):
        assert not name.isdigit(), f"{name!r} is a bare number, like an id or a position"
        assert not any(re.search(rf"\b{pk}\b", name) for pk in ids), f"{name!r} shows a database id"


def _option_names(form):
    """What names the options on the page: choice values, ordering and matching field names, matching values."""
    for box in form.select("input[type=radio], input[type=checkbox]"):
        if box["value"] not in ("true", "false"):
            yield box["value"]
    for select in form.select("select"):
        yield select["name"]
        yield select["id"]
    for option in form.select(".matching__row option"):
        yield option["value"]


def assert_right_and_wrong_options_look_alike(form, quiz):
    for question in quiz.questions.filter(type__in=[QuestionType.SINGLE, QuestionType.MULTIPLE]):
        fieldset = _fieldset_for(form, question)
        shapes = set()
        for option in fieldset.select("div.option"):
            box = option.find("input")
            shapes.add((tuple(option.get("class")), box["type"], tuple(sorted(box.attrs))))
        assert len(shapes) == 1, shapes


def _option_tokens(fieldset):
    # The optional sure/guessing pair of a lesson check is not an answer option.
    options = fieldset.select("input[type=radio], input[type=checkbox]")
    return {box["value"] for box in options if not box["name"].endswith("-confidence")}


def test_the_every_type_quiz_page_marks_no_right_answer(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    for seed in SEEDS:
        _use_seed(attempt, seed)
        soup, form = _quiz_form(client, attempt)
        # Every graded type; polls have their own tests (tests/polls).
        assert len(form.select("fieldset.question")) == len(QuestionType.choices) - 1
        assert_nothing_marks_the_answers(soup, form, every_type_quiz)
        assert_right_and_wrong_options_look_alike(form, every_type_quiz)


def test_the_lesson_1_1_check_page_marks_no_right_answer(start, learner, lesson_1_1):
    quiz = Quiz.objects.get(page=lesson_1_1)
    client, attempt = start(learner, quiz)
    for seed in SEEDS[:4]:
        _use_seed(attempt, seed)
        soup, form = _quiz_form(client, attempt)
        assert len(form.select("fieldset.question")) == quiz.questions.count()
        assert_nothing_marks_the_answers(soup, form, quiz)
        assert_right_and_wrong_options_look_alike(form, quiz)


def test_option_values_are_per_attempt_tokens(start, learner, every_type_quiz):
    """The token of the right choice is not fixed: across seeds it moves."""
    client, attempt = start(learner, every_type_quiz)
    single = every_type_quiz.questions.get(type=QuestionType.SINGLE)
    right_text = single.choices.get(is_correct=True).text
    tokens_of_right_choice = set()
    for seed in SEEDS:
        _use_seed(attempt, seed)
        _soup, form = _quiz_form(client, attempt)
        fieldset = _fieldset_for(form, single)
        assert len(_option_tokens(fieldset)) == single.choices.count()
        label = next(label for label in fieldset.select("label") if label.get_text() == right_text)
        tokens_of_right_choice.add(fieldset.find(id=label["for"])["value"])
    assert len(tokens_of_right_choice) > 1


def test_ordering_items_are_never_shown_in_the_right_order(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    ordering = every_type_quiz.questions.get(type=QuestionType.ORDERING)
    right_order = [choice.text for choice in ordering.choices.order_by("sort_order")]
    shown_orders = set()
    for seed in SEEDS:
        _use_seed(attempt, seed)
        _soup, form = _quiz_form(client, attempt)
        shown = [label.get_text() for label in _fieldset_for(form, ordering).select("label.ordering__text")]
        assert sorted(shown) == sorted(right_order)
        assert shown != right_order
        shown_orders.add(tuple(shown))
    assert len(shown_orders) > 1


def test_matching_targets_are_never_aligned_with_their_items(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    matching = every_type_quiz.questions.get(type=QuestionType.MATCHING)
    partner_of = {choice.text: choice.match_text for choice in matching.choices.all()}
    for seed in SEEDS:
        _use_seed(attempt, seed)
        _soup, form = _quiz_form(client, attempt)
        fieldset = _fieldset_for(form, matching)
        items = [row.label.get_text() for row in fieldset.select(".matching__row")]
        for row in fieldset.select(".matching__row"):
            targets = [option.get_text() for option in row.select("option") if option["value"]]
            assert sorted(targets) == sorted(partner_of.values())
            assert targets != [partner_of[item] for item in items]
