"""Feedback on capstone answers: instructor writes, learner reads it on the capstone
page and dashboard, revises, the instructor sees the revision; export and deletion."""

import json

import pytest

from course.capstone.models import Capstone, CapstoneResponse
from course.classes.models import CapstoneFeedback, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def capstone():
    return Capstone.objects.get()


@pytest.fixture
def answered(learner, capstone):
    return CapstoneResponse.objects.create(
        learner=learner, capstone=capstone, answers={str(p.pk): f"First draft {p.pk}" for p in capstone.prompts.all()}
    )


def feedback_url(seminar, learner, response, prompt):
    return f"/admin/classes/{seminar.pk}/learners/{learner.pk}/feedback/{response.pk}/{prompt.pk}/"


def fields(response, prompt, comment, verdict):
    prefix = f"fb-{response.pk}-{prompt.pk}"
    return {f"{prefix}-comment": comment, f"{prefix}-verdict": verdict}


def test_feedback_round_trip(client, seminar, learner, instructor, capstone, answered):
    prompt = capstone.prompts.order_by("sort_order").first()
    client.force_login(instructor)
    learner_page = client.get(f"/admin/classes/{seminar.pk}/learners/{learner.pk}/")
    assert f"First draft {prompt.pk}" in learner_page.text
    response = client.post(
        feedback_url(seminar, learner, answered, prompt),
        fields(answered, prompt, "Weigh the cost to the alliance.", "redraft"),
    )
    assert response.status_code == 302
    feedback = CapstoneFeedback.objects.get()
    assert (feedback.learner, feedback.author, feedback.verdict) == (learner, instructor, "redraft")

    client.force_login(learner)
    page = client.get(f"/capstone/{capstone.pk}/")
    assert "Feedback from your instructor" in page.text
    assert "Weigh the cost to the alliance." in page.text and "Needs another draft" in page.text
    dashboard = client.get("/my-progress/")
    assert "Feedback on your capstone" in dashboard.text and "Weigh the cost to the alliance." in dashboard.text

    # The learner revises; the feedback stays, marked as given on an earlier draft.
    form = {f"prompt-{p.pk}": f"Second draft {p.pk}" for p in capstone.prompts.all()}
    assert client.post(f"/capstone/{capstone.pk}/", form).status_code == 302
    assert "You have revised your answers since this feedback." in client.get(f"/capstone/{capstone.pk}/").text

    client.force_login(instructor)
    learner_page = client.get(f"/admin/classes/{seminar.pk}/learners/{learner.pk}/")
    assert f"Second draft {prompt.pk}" in learner_page.text
    assert "Revised since your feedback." in learner_page.text
    client.post(feedback_url(seminar, learner, answered, prompt), fields(answered, prompt, "Now it works.", "meets"))
    assert CapstoneFeedback.objects.get().verdict == "meets"
    client.force_login(learner)
    page = client.get(f"/capstone/{capstone.pk}/")
    assert "Meets the brief" in page.text and "Now it works." in page.text


def test_empty_feedback_is_refused_and_nothing_written(client, seminar, learner, instructor, capstone, answered):
    prompt = capstone.prompts.first()
    client.force_login(instructor)
    response = client.post(feedback_url(seminar, learner, answered, prompt), fields(answered, prompt, "", "meets"))
    assert response.status_code == 400
    assert not CapstoneFeedback.objects.exists()


def test_a_prompt_of_another_capstone_or_another_learners_answer_is_404(
    client, seminar, learner, other_learner, instructor, capstone, answered
):
    prompt = capstone.prompts.first()
    theirs = CapstoneResponse.objects.create(learner=other_learner, capstone=capstone, answers={})
    client.force_login(instructor)
    url = feedback_url(seminar, learner, theirs, prompt)
    assert client.post(url, fields(theirs, prompt, "x", "")).status_code == 404
    assert not CapstoneFeedback.objects.exists()


def test_feedback_and_memberships_are_exported_and_deleted_with_the_account(
    client, seminar, learner, instructor, capstone, answered
):
    prompt = capstone.prompts.first()
    client.force_login(instructor)
    client.post(feedback_url(seminar, learner, answered, prompt), fields(answered, prompt, "Good start.", ""))
    client.force_login(learner)
    data = json.loads(b"".join([client.get("/accounts/profile/export/").content]))
    assert data["class_memberships"][0]["class"] == "Seminar A"
    assert data["capstone_feedback"][0]["comment"] == "Good start."
    response = client.post("/accounts/profile/delete/", {"password": "a-long-test-password-41", "confirm": "on"})
    assert response.status_code == 302, response.content[:500]
    assert not Membership.objects.filter(learner_id=learner.pk).exists()
    assert not CapstoneFeedback.objects.exists()
    assert not CapstoneResponse.objects.filter(pk=answered.pk).exists()


def test_an_answer_with_feedback_cannot_be_deleted_on_its_own(seminar, learner, instructor, capstone, answered):
    from django.db.models import RestrictedError

    CapstoneFeedback.objects.create(
        learner=learner, response=answered, prompt=capstone.prompts.first(), author=instructor, comment="Kept"
    )
    with pytest.raises(RestrictedError):
        answered.delete()
