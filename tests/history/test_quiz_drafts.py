"""Quizzes have revisions: a draft edit stays in its revision, invisible to learners until
it is published; its preview shows the paper as a learner would see it, without answers."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.attempts import attempt_paper, open_attempt
from course.quiz.models import Question
from tests.quiz.test_quiz_admin import _form_data

pytestmark = pytest.mark.django_db

DRAFT_PROMPT = "A drafted prompt that learners must not see yet"


def edit_first_prompt(client, quiz, publish):
    url = reverse("wagtailsnippets_quiz_quiz:edit", args=[quiz.pk])
    data = _form_data(BeautifulSoup(client.get(url).content, "html.parser"))
    data["questions-0-prompt"] = [DRAFT_PROMPT]
    if publish:
        data["action-publish"] = ["action-publish"]
    response = client.post(url, data)
    assert response.status_code == 302


def shown_prompts(learner, quiz):
    paper, _questions = attempt_paper(open_attempt(learner, quiz))
    return [presented.question.prompt for presented in paper]


def test_a_draft_quiz_edit_is_invisible_to_learners_until_published(login, instructor, learner, lesson_check):
    client = login(instructor)
    edit_first_prompt(client, lesson_check, publish=False)

    lesson_check.refresh_from_db()
    assert lesson_check.has_unpublished_changes
    assert not Question.objects.filter(prompt=DRAFT_PROMPT).exists()
    assert DRAFT_PROMPT not in shown_prompts(learner, lesson_check)
    assert lesson_check.edited_since_import  # load_course will not overwrite the draft

    edit_first_prompt(client, lesson_check, publish=True)

    Question.objects.get(prompt=DRAFT_PROMPT)
    attempt = learner.attempts.get(quiz=lesson_check, submitted_at__isnull=True)
    attempt.delete()  # the open attempt keeps its paper; a new one reads the published quiz
    assert DRAFT_PROMPT in shown_prompts(learner, lesson_check)


def test_the_quiz_preview_shows_the_draft_as_a_learner_would_without_answers(lesson_check):
    draft = lesson_check.get_latest_revision_as_object() if lesson_check.latest_revision_id else lesson_check
    questions = list(draft.questions.all())
    questions[0].prompt = DRAFT_PROMPT
    draft.questions = questions

    response = draft.make_preview_request()

    html = response.content.decode()
    assert response.status_code == 200
    assert DRAFT_PROMPT in html
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("fieldset.question")) == len([q for q in questions if not q.retired])
    for question in questions:
        assert question.explanation[:40] not in html  # no explanations: they give the answer away
    assert "correct" not in html.lower().replace("incorrect", "")
