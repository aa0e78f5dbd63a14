"""Instructors manage quizzes in the Wagtail admin, writing prompts and explanations
in markdownx's editor; learners cannot get in."""

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.models import Quiz, QuizKind

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_quiz_quiz:list"
EDIT_URL = "wagtailsnippets_quiz_quiz:edit"


@pytest.fixture
def lesson_check(lesson_1_1):
    return Quiz.objects.get(page=lesson_1_1)


def test_the_quiz_list_is_under_snippets():
    assert reverse(LIST_URL) == "/admin/snippets/quiz/quiz/"


def test_an_instructor_sees_the_quiz_list(login, instructor, lesson_check):
    response = login(instructor).get(reverse(LIST_URL))
    assert response.status_code == 200
    assert lesson_check.title in response.content.decode()
    assert reverse(EDIT_URL, args=[lesson_check.pk]) in response.content.decode()


def test_an_instructor_edits_prompts_and_explanations_in_markdownx(login, instructor, lesson_check):
    response = login(instructor).get(reverse(EDIT_URL, args=[lesson_check.pk]))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    for index in range(lesson_check.questions.count()):
        for field in ("prompt", "explanation"):
            editor = soup.find("textarea", attrs={"name": f"questions-{index}-{field}"})
            assert editor is not None, f"no {field} for question {index}"
            assert "markdownx-editor" in editor["class"]
            assert editor.find_parent(class_="markdownx").select_one(".markdownx-preview") is not None
            assert editor["data-markdownx-urls-path"] == reverse("markdownx_markdownify")
    assert (
        soup.find("textarea", attrs={"name": "questions-0-prompt"}).get_text().strip().startswith("Which arrangement")
    )
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    assert any("markdownx/js/markdownx" in src for src in scripts)


def test_a_question_added_in_the_editor_also_gets_the_markdownx_preview(login, instructor, lesson_check):
    """markdownx starts its editors on page load only; a question added later (the
    InlinePanel's template) needs the script that starts editors added later."""
    soup = BeautifulSoup(login(instructor).get(reverse(EDIT_URL, args=[lesson_check.pk])).content, "html.parser")
    template = soup.find(id="id_questions-EMPTY_FORM_TEMPLATE")
    assert template is not None
    assert "questions-__prefix__-prompt" in template.decode_contents()
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    assert any("course/admin/markdownx-streamfield.js" in src for src in scripts)


def test_a_learner_is_kept_out_of_the_quiz_admin(login, learner, lesson_check):
    client = login(learner)
    for url in (reverse(LIST_URL), reverse(EDIT_URL, args=[lesson_check.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_an_anonymous_visitor_is_sent_to_the_admin_login(client, lesson_check):
    response = client.get(reverse(EDIT_URL, args=[lesson_check.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_lesson_check_must_belong_to_a_lesson(bare_lessons):
    module = bare_lessons[0].get_parent()
    quiz = Quiz(title="Misplaced", kind=QuizKind.LESSON_CHECK, page=module)
    with pytest.raises(ValidationError) as error:
        quiz.full_clean(validate_constraints=False)
    assert "page" in error.value.message_dict


def test_a_module_quiz_must_belong_to_a_module(bare_lessons):
    quiz = Quiz(title="Misplaced", kind=QuizKind.MODULE_QUIZ, page=bare_lessons[0])
    with pytest.raises(ValidationError) as error:
        quiz.full_clean(validate_constraints=False)
    assert "page" in error.value.message_dict


def _form_data(soup):
    """What a browser would post for the edit form as shown (empty-form templates left out)."""
    form = soup.find("input", attrs={"name": "title"}).find_parent("form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.find_parent("template") or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            value = field.get_text().removeprefix("\n")
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            value = chosen.get("value", chosen.get_text()) if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if not field.has_attr("checked"):
                continue
            value = field.get("value", "on")
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            value = field.get("value", "")
        data.setdefault(name, []).append(value)
    return data


def add_true_statement(data, count, prompt, explanation):
    """Add to the edit form's `data` a true/false question after its `count` questions."""
    new = f"questions-{count}"
    data["questions-TOTAL_FORMS"] = [str(count + 1)]
    data.update(
        {
            f"{new}-type": ["true_false"],
            f"{new}-points": ["1"],
            f"{new}-prompt": [prompt],
            f"{new}-explanation": [explanation],
            f"{new}-correct_boolean": ["true"],
            f"{new}-tolerance": ["0"],
            f"{new}-ORDER": [str(count + 1)],
            f"{new}-choices-TOTAL_FORMS": ["0"],
            f"{new}-choices-INITIAL_FORMS": ["0"],
            f"{new}-choices-MIN_NUM_FORMS": ["0"],
            f"{new}-choices-MAX_NUM_FORMS": ["1000"],
            "action-publish": ["action-publish"],
        }
    )


def test_an_instructor_adds_a_question_and_it_is_saved(login, instructor, lesson_check):
    client = login(instructor)
    url = reverse(EDIT_URL, args=[lesson_check.pk])
    data = _form_data(BeautifulSoup(client.get(url).content, "html.parser"))
    count = lesson_check.questions.count()
    add_true_statement(data, count, "NATO was founded in **1949**.", "The treaty was signed on 4 April 1949.")

    response = client.post(url, data)

    errors = BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert response.status_code == 302, [error.get_text(strip=True) for error in errors]
    assert lesson_check.questions.count() == count + 1
    assert lesson_check.questions.filter(prompt="NATO was founded in **1949**.", correct_boolean=True).exists()


def test_moving_a_lesson_check_to_a_module_page_is_refused_in_the_admin(login, instructor, lesson_check, lesson_1_1):
    client = login(instructor)
    url = reverse(EDIT_URL, args=[lesson_check.pk])
    data = _form_data(BeautifulSoup(client.get(url).content, "html.parser"))
    data["page"] = [str(lesson_1_1.get_parent().pk)]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "A lesson check belongs to a lesson page" in response.content.decode()
    lesson_check.refresh_from_db()
    assert lesson_check.page_id == lesson_1_1.pk
