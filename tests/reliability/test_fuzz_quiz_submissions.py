"""Generated quiz submissions against a real attempt (every question type): whatever
is posted, the answer is a redirect to the graded review or a 400 that says what to
fix; never a 500, and never a half-graded attempt."""

from html.parser import HTMLParser

from django.urls import reverse

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from course.quiz.attempts import open_attempt
from course.quiz.models import Attempt, Response
from tests.quiz.builders import make_every_type_quiz

from .conftest import FUZZ

pytestmark = pytest.mark.django_db

NUMBERS = ["1949", " 1,949 ", "1948.5", ""]
CLEAR_MESSAGES = ("Some answers need fixing", "The form held fields this quiz does not have")
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
AWKWARD = st.sampled_from(["", " ", "0", "-1", "99", "1e309", "nan", "1,949", "²", "\x00", "١٩٤٩", "true", "x" * 250])


class OfferedFields(HTMLParser):
    """name -> values the quiz form offers (None for a free-text box, NUMBERS for a number box)."""

    def __init__(self):
        super().__init__()
        self.fields, self._select, self._in_form = {}, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self._in_form = "quiz-form" in (attrs.get("class") or "").split()
        if not self._in_form:
            return
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            if attrs.get("type") in ("radio", "checkbox"):
                self.fields.setdefault(name, []).append(attrs.get("value", ""))
            else:
                self.fields[name] = NUMBERS if attrs.get("inputmode") == "decimal" else None
        elif tag == "select" and name:
            self._select = name
            self.fields[name] = []
        elif tag == "option" and self._select:
            self.fields[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def offered_fields(client, attempt):
    parser = OfferedFields()
    parser.feed(client.get(reverse("quiz:take", args=[attempt.pk])).content.decode())
    assert parser.fields, "the quiz form offered no fields"
    return parser.fields


def ordering_groups(fields):
    """Selects that ask for positions 1..n, grouped by question: a valid answer uses each position once."""
    groups = {}
    for name, values in fields.items():
        if values and values[0] == "" and values[1:] == [str(n) for n in range(1, len(values))]:
            groups.setdefault(name.rsplit("-", 1)[0], []).append(name)
    return [names for names in groups.values() if len(names) == len(fields[names[0]]) - 1]


# A plan says what to do with the form's 1st, 2nd, ... field (in name order), whatever
# the attempt's field names turn out to be: the strategy must not depend on the database.
OFFERED = st.tuples(st.just("offered"), st.integers(0, 10**6))
MESSY_SLOT = st.one_of(
    OFFERED,
    st.tuples(st.just("omit")),
    st.tuples(st.just("awkward"), AWKWARD),
    st.tuples(st.just("text"), TEXT),
    st.tuples(st.just("repeat"), st.lists(st.one_of(st.integers(0, 10**6), AWKWARD), min_size=2, max_size=4)),
)
CLEAN_SLOT = st.one_of(OFFERED, OFFERED, OFFERED, st.tuples(st.just("omit")))
MAX_FIELDS = 40
PLANS = st.one_of(
    st.fixed_dictionaries(
        {
            "slots": st.lists(CLEAN_SLOT, min_size=MAX_FIELDS, max_size=MAX_FIELDS),
            "orderings": st.lists(st.tuples(st.permutations(range(8)), st.booleans()), min_size=4, max_size=4),
        }
    ),
    st.fixed_dictionaries(
        {
            "slots": st.lists(MESSY_SLOT, min_size=MAX_FIELDS, max_size=MAX_FIELDS),
            "extra": st.dictionaries(TEXT, TEXT, max_size=3),
        }
    ),
)
FREE_TEXT = ["Article 5", "NATO", " article v ", ""]


def pick(values, index):
    return (values or FREE_TEXT)[index % len(values or FREE_TEXT)]


def post_data(plan, fields):
    """The POST data a plan makes of this form."""
    names = sorted(fields)
    assert len(names) <= MAX_FIELDS
    data = {}
    for name, slot in zip(names, plan["slots"], strict=False):
        how, *args = slot
        if how == "offered":
            data[name] = pick(fields[name], args[0])
        elif how in ("awkward", "text"):
            data[name] = args[0]
        elif how == "repeat":
            data[name] = [pick(fields[name], value) if isinstance(value, int) else value for value in args[0]]
    for names_in_order, (permutation, keep) in zip(ordering_groups(fields), plan.get("orderings", []), strict=False):
        ranks = sorted(range(len(names_in_order)), key=lambda index: permutation.index(index))
        for name, rank in zip(names_in_order, ranks, strict=True):
            data.pop(name, None)
            if keep:
                data[name] = str(rank + 1)
    data.update({key: value for key, value in plan.get("extra", {}).items() if key not in fields})
    return data


@pytest.fixture
def quiz_and_client(login, learner, make_module):
    module = make_module(lessons=1, slug="fuzz-module", with_checks=False)
    return make_every_type_quiz(module.get_children().first().specific), login(learner), {}


@FUZZ
@given(plan=PLANS)
def test_any_submission_is_graded_whole_or_refused_with_a_message(plan, quiz_and_client, learner):
    quiz, client, forms = quiz_and_client
    attempt = open_attempt(learner, quiz)  # the open attempt, or a new one after a graded submit
    if attempt.pk not in forms:
        forms[attempt.pk] = offered_fields(client, attempt)
    fields = forms[attempt.pk]
    response = client.post(reverse("quiz:take", args=[attempt.pk]), post_data(plan, fields))

    event(f"status {response.status_code}")
    attempt.refresh_from_db()
    responses = Response.objects.filter(attempt=attempt).count()
    if response.status_code == 302:
        assert response["Location"] == reverse("quiz:review", args=[attempt.pk])
        assert attempt.submitted_at is not None and 0 <= attempt.score <= 100
        assert responses == len(attempt.question_ids)
    else:
        assert response.status_code == 400
        assert any(message in response.content.decode() for message in CLEAR_MESSAGES)
        assert attempt.submitted_at is None and attempt.score is None
        assert responses == 0
    assert Attempt.objects.filter(learner=learner, quiz=quiz, submitted_at__isnull=True).count() <= 1
