import pytest

from course.capstone.models import Capstone, CapstoneResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def capstone():
    return Capstone.objects.prefetch_related("prompts").get()


def answers_for(capstone, text="We weigh interoperability against autonomy."):
    return {f"prompt-{prompt.pk}": f"{text} ({prompt.pk})" for prompt in capstone.prompts.all()}


def test_the_shipped_capstone_belongs_to_lesson_7_3(capstone):
    assert capstone.page.slug == "strategic-considerations"
    assert capstone.prompts.count() >= 3


def test_model_answers_are_not_in_the_page_before_submitting(login, learner, capstone):
    html = login(learner).get(f"/capstone/{capstone.pk}/").content.decode()
    assert "Model answer" not in html
    for prompt in capstone.prompts.all():
        first_words = prompt.model_answer.split("\n")[0][:60]
        assert first_words not in html


def test_submitting_saves_the_answers_and_shows_the_model_answers(login, learner, capstone):
    client = login(learner)
    response = client.post(f"/capstone/{capstone.pk}/", answers_for(capstone))
    assert response.status_code == 302
    saved = CapstoneResponse.objects.get(learner=learner, capstone=capstone)
    assert len(saved.answers) == capstone.prompts.count()
    html = client.get(f"/capstone/{capstone.pk}/").content.decode()
    assert "Model answer" in html
    assert "We weigh interoperability against autonomy." in html


def test_answers_are_saved_for_their_learner_only(login, learner, other_learner, capstone):
    login(learner).post(f"/capstone/{capstone.pk}/", answers_for(capstone, "Mine alone"))
    html = login(other_learner).get(f"/capstone/{capstone.pk}/").content.decode()
    assert "Mine alone" not in html
    assert "Model answer" not in html
    assert not CapstoneResponse.objects.filter(learner=other_learner).exists()


@pytest.mark.parametrize("bad", ["", "x" * 5001])
def test_empty_or_oversized_answers_are_refused_and_nothing_is_saved(login, learner, capstone, bad):
    data = answers_for(capstone)
    data[next(iter(data))] = bad
    response = login(learner).post(f"/capstone/{capstone.pk}/", data)
    assert response.status_code == 400
    assert "answer every prompt" in response.content.decode()
    assert not CapstoneResponse.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, capstone):
    response = client.get(f"/capstone/{capstone.pk}/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_capstone_answers_are_in_the_learner_export(login, learner, capstone):
    client = login(learner)
    client.post(f"/capstone/{capstone.pk}/", answers_for(capstone, "Exported"))
    data = client.get("/accounts/profile/export/").json()
    assert any("Exported" in text for text in data["capstone_responses"][0]["answers"].values())
