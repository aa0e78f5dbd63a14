"""Role x URL: a module made private to one group (Wagtail's page privacy) keeps its quizzes,
capstone, review cards and "mark as read" private too, not just its pages.

Roles: a visitor, a learner outside the group, a learner in it, a superuser. Each learner
already has an open and a submitted attempt and a due review card in the module (made
before the module became private), so the endpoints that take an id are tested on the
role's own records.
"""

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.models import PageViewRestriction

import pytest

from course.capstone.models import Capstone, CapstoneResponse
from course.lessons.models import LessonPage
from course.progress.models import LessonCompletion
from course.quiz.attempts import open_attempt, submit_attempt
from course.quiz.models import Attempt, Quiz
from course.review.models import ReviewCard
from course.review.queue import today

ROLES = ["visitor", "outsider", "member", "superuser"]


@pytest.fixture
def capstone(db):
    return Capstone.objects.select_related("page").get()


@pytest.fixture
def private_module(capstone):
    """The capstone's module, visible to the group "Cohort A" only."""
    module = capstone.page.get_parent()
    restriction = PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Cohort A"))
    cache.clear()  # "are there any restrictions?" is cached per content version
    return module


@pytest.fixture
def records(capstone):
    """Per learner: an open attempt, a submitted attempt and a due card of the capstone lesson's check."""
    check = Quiz.objects.get(page=capstone.page)
    question = check.questions.first()

    def give(user):
        submitted = open_attempt(user, check)
        submit_attempt(submitted, {})
        ReviewCard.objects.update_or_create(learner=user, question=question, defaults={"due_on": today()})
        card = ReviewCard.objects.get(learner=user, question=question)
        return {"open": open_attempt(user, check), "submitted": submitted, "card": card}

    return give


@pytest.fixture
def as_role(client, make_user, superuser, records):
    def become(role):
        if role == "visitor":
            return client, records(superuser)  # ids that exist; the visitor never gets as far as owning
        user = superuser if role == "superuser" else make_user(role)
        if role == "member":
            user.groups.add(Group.objects.get(name="Cohort A"))
        mine = records(user)
        client.force_login(user)
        return client, mine

    return become


def endpoints(capstone, mine):
    check = mine["open"].quiz
    plain_lesson = LessonPage.objects.child_of(capstone.page.get_parent()).filter(quizzes__isnull=True).first()
    lesson = plain_lesson or capstone.page
    return {
        "quiz page": ("get", f"/quiz/{check.pk}/"),
        "start a quiz": ("post", f"/quiz/{check.pk}/start/"),
        "take an attempt": ("get", f"/quiz/attempt/{mine['open'].pk}/"),
        "submit an attempt": ("post", f"/quiz/attempt/{mine['open'].pk}/"),
        "review an attempt": ("get", f"/quiz/attempt/{mine['submitted'].pk}/review/"),
        "capstone and its model answers": ("get", f"/capstone/{capstone.pk}/"),
        "submit the capstone": ("post", f"/capstone/{capstone.pk}/"),
        "mark a lesson read": ("post", f"/lessons/{lesson.pk}/read/"),
        "answer a review card": ("post", f"/review/{mine['card'].pk}/answer/"),
        "a review card's outcome": ("get", f"/review/{mine['card'].pk}/done/"),
    }


EXPECTED = {"visitor": "login", "outsider": 403, "member": "allowed", "superuser": "allowed"}


@pytest.mark.parametrize("role", ROLES)
def test_every_learner_endpoint_of_a_private_module_honours_its_restriction(role, as_role, capstone, private_module):
    client, mine = as_role(role)
    outcomes = {}
    for name, (method, url) in endpoints(capstone, mine).items():
        response = getattr(client, method)(url)
        if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
            outcomes[name] = "login"
        elif response.status_code == 403:
            outcomes[name] = 403
        else:
            assert response.status_code < 500, (name, response.status_code)
            outcomes[name] = "allowed"

    assert outcomes == dict.fromkeys(outcomes, EXPECTED[role])


@pytest.mark.parametrize("role", ROLES)
def test_the_private_pages_themselves_follow_the_same_roles(role, as_role, capstone, private_module):
    client, _mine = as_role(role)

    response = client.get(capstone.page.url)

    assert (response.status_code == 200) == (EXPECTED[role] == "allowed")


def test_an_outsider_writes_nothing_and_sees_no_model_answer(as_role, capstone, private_module):
    client, mine = as_role("outsider")
    learner = mine["open"].learner
    attempts_before = Attempt.objects.filter(learner=learner).count()

    html = client.get(f"/capstone/{capstone.pk}/").content.decode()
    client.post(f"/quiz/{mine['open'].quiz_id}/start/")
    client.post(f"/capstone/{capstone.pk}/", {f"prompt-{p.pk}": "An answer." for p in capstone.prompts.all()})
    client.post(f"/lessons/{capstone.page.pk}/read/")

    assert "Model answer" not in html
    assert Attempt.objects.filter(learner=learner).count() == attempts_before
    assert not CapstoneResponse.objects.filter(learner=learner).exists()
    assert not LessonCompletion.objects.filter(learner=learner, lesson=capstone.page).exists()


def test_the_review_queue_skips_cards_of_private_pages(as_role, capstone, private_module):
    client, _mine = as_role("outsider")

    response = client.get("/review/")

    assert response.status_code == 200
    assert response.templates[0].name == "review/review_empty.html"


def test_a_password_restriction_opens_after_the_password_is_given(login, learner, records, capstone):
    restriction = PageViewRestriction.objects.create(
        page=capstone.page, restriction_type=PageViewRestriction.PASSWORD, password="cohort-password"
    )
    cache.clear()
    mine = records(learner)
    client = login(learner)
    assert client.get(f"/quiz/attempt/{mine['submitted'].pk}/review/").status_code == 403

    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    assert client.get(f"/quiz/attempt/{mine['submitted'].pk}/review/").status_code == 200


def test_a_sign_in_restriction_lets_every_learner_in(login, learner, records, capstone):
    PageViewRestriction.objects.create(page=capstone.page, restriction_type=PageViewRestriction.LOGIN)
    cache.clear()
    mine = records(learner)

    assert login(learner).get(f"/quiz/attempt/{mine['submitted'].pk}/review/").status_code == 200
