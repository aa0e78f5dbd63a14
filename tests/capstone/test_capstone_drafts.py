"""Capstone drafts: saved as the learner types (autosave) or by the Save draft button,
filled in again on return (after signing out too), and only submitted explicitly."""

import json

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from course.capstone.models import Capstone, CapstoneDraft, CapstoneResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def capstone():
    return Capstone.objects.prefetch_related("prompts").get()


def first_prompt_field(capstone):
    return f"prompt-{capstone.prompts.first().pk}"


def textarea_values(html):
    soup = BeautifulSoup(html, "html.parser")
    return {area["name"]: area.get_text().strip() for area in soup.select("form textarea")}


def test_a_draft_typed_so_far_survives_signing_out_and_is_not_submitted(learner, capstone):
    client = Client()
    client.force_login(learner)
    field = first_prompt_field(capstone)

    response = client.post(f"/capstone/{capstone.pk}/autosave/", {field: "Half an essay about burden-sharing"})

    assert response.status_code == 200 and "saved_at" in json.loads(response.content)
    client.logout()
    client.force_login(learner)
    html = client.get(f"/capstone/{capstone.pk}/").content.decode()
    assert textarea_values(html)[field] == "Half an essay about burden-sharing"
    assert "is not submitted yet" in html and "Model answer" not in html
    assert not CapstoneResponse.objects.exists()


def test_the_save_draft_button_works_without_javascript(login, learner, capstone):
    client = login(learner)
    field = first_prompt_field(capstone)

    response = client.post(f"/capstone/{capstone.pk}/", {field: "A start", "action": "save"}, follow=True)

    assert "Your draft is saved" in response.content.decode()
    assert CapstoneDraft.objects.get(learner=learner).answers == {field.split("-")[1]: "A start"}
    assert not CapstoneResponse.objects.exists()


def test_submitting_stores_the_answers_and_removes_the_draft(login, learner, capstone):
    client = login(learner)
    client.post(f"/capstone/{capstone.pk}/autosave/", {first_prompt_field(capstone): "Draft"})
    answers = {f"prompt-{prompt.pk}": f"Final answer {prompt.pk}" for prompt in capstone.prompts.all()}

    assert client.post(f"/capstone/{capstone.pk}/", answers).status_code == 302

    assert not CapstoneDraft.objects.exists()
    assert len(CapstoneResponse.objects.get(learner=learner).answers) == capstone.prompts.count()


def test_an_oversized_draft_is_refused_and_the_saved_one_kept(login, learner, capstone):
    client = login(learner)
    field = first_prompt_field(capstone)
    client.post(f"/capstone/{capstone.pk}/autosave/", {field: "Kept"})

    response = client.post(f"/capstone/{capstone.pk}/autosave/", {field: "x" * 5001})

    assert response.status_code == 400
    assert CapstoneDraft.objects.get(learner=learner).answers == {field.split("-")[1]: "Kept"}


def test_a_draft_belongs_to_its_learner_only(login, learner, other_learner, capstone):
    login(learner).post(f"/capstone/{capstone.pk}/autosave/", {first_prompt_field(capstone): "Mine alone"})
    html = login(other_learner).get(f"/capstone/{capstone.pk}/").content.decode()
    assert "Mine alone" not in html


def test_the_page_offers_autosave_and_a_polite_status(login, learner, capstone):
    soup = BeautifulSoup(login(learner).get(f"/capstone/{capstone.pk}/").content, "html.parser")
    form = soup.select_one("form[data-autosave]")
    assert form["data-autosave"] == f"/capstone/{capstone.pk}/autosave/"
    assert form.select_one("[role=status]") is not None
    assert form.select_one("button[name=action][value=save]") is not None
