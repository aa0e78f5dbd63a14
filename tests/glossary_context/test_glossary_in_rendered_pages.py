"""Glossary marking on the site: in lesson text and explanations, never in quiz prompts
or choices; the cached result changes when the glossary does."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.lessons.models import GlossaryTerm
from course.quiz.models import Attempt, Choice, Question
from tests.conftest import make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def prompt_quiz(make_module):
    """A lesson check whose prompt and choices are full of glossary terms."""
    module = make_module(lessons=1, slug="gloss-module", with_checks=False)
    lesson = module.get_children().get().specific
    quiz = make_quiz(lesson, questions=1)
    question = Question.objects.get(quiz=quiz)
    question.prompt = "Is entrapment a risk for NATO allies under the alliance security dilemma?"
    question.explanation = "Entrapment is the fear of being dragged into an ally's war."
    question.save()
    Choice.objects.filter(question=question, text="Wrong").update(text="Entrapment in NATO")
    return quiz


def test_a_lesson_marks_glossary_terms_with_a_link_and_a_popover(client, lesson_1_1):
    soup = BeautifulSoup(client.get(lesson_1_1.url).content, "html.parser")
    terms = soup.select("article dfn.gloss, article abbr.gloss, main dfn.gloss, main abbr.gloss")
    assert terms
    link = terms[0].a
    assert link["href"].startswith("/glossary/#term-")
    slug = link["href"].split("#term-")[1]
    assert GlossaryTerm.objects.filter(slug=slug).exists()
    button = terms[0].find_next_sibling("button")
    assert soup.find(id=button["popovertarget"]).has_attr("popover")


def test_no_term_is_marked_inside_a_lesson_heading(client, lesson_1_1):
    soup = BeautifulSoup(client.get(lesson_1_1.url).content, "html.parser")
    assert not soup.select("h1 .gloss, h2 .gloss, h3 .gloss")


def test_the_glossary_page_has_the_anchors_the_terms_link_to(client, lesson_1_1):
    lesson = BeautifulSoup(client.get(lesson_1_1.url).content, "html.parser")
    glossary = client.get("/glossary/").content.decode()
    for link in lesson.select(".gloss a")[:5]:
        assert f'id="{link["href"].split("#")[1]}"' in glossary


def test_quiz_prompts_and_choices_are_never_marked(login, learner, prompt_quiz):
    client = login(learner)
    client.post(reverse("quiz:start", args=[prompt_quiz.pk]))
    attempt = Attempt.objects.get(learner=learner, quiz=prompt_quiz)
    html = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    assert "entrapment a risk" in html and "Entrapment in NATO" in html
    assert 'class="gloss' not in html


def test_explanations_are_marked_but_prompts_and_choices_on_the_review_are_not(login, learner, prompt_quiz):
    from tests.review.helpers import take_quiz

    client = login(learner)
    attempt = take_quiz(client, learner, prompt_quiz, lambda question: "Entrapment in NATO")
    soup = BeautifulSoup(client.get(reverse("quiz:review", args=[attempt.pk])).content, "html.parser")
    item = soup.select_one("li.review-item")
    assert item.select_one(".explanation dfn.gloss")
    assert not item.select_one(".prose:not(.explanation) .gloss")
    assert not item.select_one(".answers .gloss")


def test_editing_the_glossary_changes_the_rendered_definition(client, lesson_1_1):
    soup = BeautifulSoup(client.get(lesson_1_1.url).content, "html.parser")
    slug = soup.select_one(".gloss a")["href"].split("#term-")[1]
    term = GlossaryTerm.objects.get(slug=slug)
    term.definition = "A brand-new definition written for this test."
    term.save()
    assert "A brand-new definition written for this test." in client.get(lesson_1_1.url).content.decode()
