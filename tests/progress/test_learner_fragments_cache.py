"""The signed-in pages keep what they show of a learner (their lesson status and quiz panel, the
navigation's reviews due, the dashboard's record, lists and classes, the questions of an open
attempt) rendered under that learner's versions: each change a learner makes shows at once, and
no learner ever sees another's."""

from datetime import timedelta

from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from course.classes.models import CourseClass, Membership, ModuleDueDate
from course.lessons.models import LessonPage
from course.quiz.models import Attempt, Quiz, QuizKind
from course.review.models import ReviewCard
from course.review.queue import bump_cards_version
from tests.review.helpers import right, take_quiz, wrong

pytestmark = pytest.mark.django_db
DASHBOARD = "/my-progress/"


@pytest.fixture
def lesson(make_module):
    return make_module(lessons=1, slug="fragments-module").get_children().specific().get()


@pytest.fixture
def check(lesson):
    return Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return element.get_text(" ", strip=True) if element else ""


def lesson_panels(client, lesson):
    """(the learner's status, the lesson check's panel) as the lesson page shows them."""
    soup = soup_of(client, lesson.url)
    return text_of(soup.select_one(".lesson-status")), text_of(soup.select_one("#lesson-check"))


def nav_text(client, url="/"):
    return text_of(soup_of(client, url).select_one("nav.nav, nav[aria-label='Main']"))


def test_passing_a_lesson_check_shows_at_once_on_the_lesson_and_the_dashboard(login, learner, lesson, check):
    client = login(learner)
    status, panel = lesson_panels(client, lesson)  # cached now
    assert "In progress" in status and "Take the check" in panel
    soup_of(client, DASHBOARD)  # the dashboard's record cached too
    take_quiz(client, learner, check, right)
    status, panel = lesson_panels(client, lesson)
    assert "Complete" in status and "best score 100%" in status
    assert "Passed" in panel and "Retake" in panel
    row = soup_of(client, DASHBOARD).find("a", string=lambda text: text and lesson.title in text).find_parent("tr")
    assert "Complete" in text_of(row)


def test_an_open_attempt_shows_as_resume_at_once(login, learner, lesson, check):
    client = login(learner)
    assert "Take the check" in lesson_panels(client, lesson)[1]
    client.post(reverse("quiz:start", args=[check.pk]))
    assert "Resume your attempt" in lesson_panels(client, lesson)[1]


def test_another_learner_never_sees_the_first_learners_panels(client, login, learner, other_learner, lesson, check):
    login(learner)
    take_quiz(client, learner, check, wrong)
    ReviewCard.objects.filter(learner=learner).update(due_on=timezone.localdate())
    bump_cards_version(learner.pk)  # as the app's own bulk writes do
    assert "Not passed yet" in lesson_panels(client, lesson)[1]
    assert "due)" in nav_text(client)
    login(other_learner)
    status, panel = lesson_panels(client, lesson)
    assert "Not passed yet" not in panel and "best score" not in panel and "Take the check" in panel
    assert "best score" not in status
    assert "due)" not in nav_text(client)
    assert "Nothing to review today" in text_of(soup_of(client, DASHBOARD))


def test_the_reviews_due_in_the_navigation_follow_the_cards_at_once(login, learner, lesson, check):
    client = login(learner)
    take_quiz(client, learner, check, wrong)
    assert "due)" not in nav_text(client)  # missed questions come back tomorrow
    ReviewCard.objects.filter(learner=learner).update(due_on=timezone.localdate() - timedelta(days=1))
    bump_cards_version(learner.pk)
    due = ReviewCard.objects.filter(learner=learner).count()
    assert f"({due} due)" in nav_text(client)
    assert f"({due} due)" in nav_text(client, lesson.url)
    ReviewCard.objects.filter(learner=learner).delete()  # post_delete bumps the card version
    assert "due)" not in nav_text(client)


def test_kept_panels_carry_this_requests_csrf_token(login, learner, lesson):
    client = login(learner)
    client.get(lesson.url)  # the panels are kept now
    soup = soup_of(client, lesson.url)
    tokens = {field["value"] for field in soup.select("input[name=csrfmiddlewaretoken]")}
    assert len(tokens) == 1  # the log-out form's and the panels' forms: the page's one token
    assert "slot" not in tokens.pop()
    # The kept "Take the check" form posts: its token passes the CSRF check.
    strict = type(client)(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    form = soup.select_one("#lesson-check form")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert strict.post(form["action"], {"csrfmiddlewaretoken": token}).status_code == 302


def test_joining_a_class_and_its_due_dates_show_on_the_dashboard_at_once(login, learner, lesson):
    client = login(learner)
    assert "You are in:" not in text_of(soup_of(client, DASHBOARD))
    course_class = CourseClass.objects.create(name="Evening seminar")
    Membership.objects.create(course_class=course_class, learner=learner)
    assert "You are in: Evening seminar" in text_of(soup_of(client, DASHBOARD))
    module = lesson.get_parent().specific
    ModuleDueDate.objects.create(course_class=course_class, module=module, due_at=timezone.now() + timedelta(days=3))
    text = text_of(soup_of(client, DASHBOARD))
    assert "Due dates" in text and module.title in text
    course_class.name = "Evening seminar (B)"
    course_class.save()
    assert "You are in: Evening seminar (B)" in text_of(soup_of(client, DASHBOARD))


def test_a_classmate_does_not_see_another_learners_classes(client, login, learner, other_learner):
    course_class = CourseClass.objects.create(name="Only the first learner's")
    Membership.objects.create(course_class=course_class, learner=learner)
    login(learner)
    assert "Only the first learner's" in text_of(soup_of(client, DASHBOARD))
    login(other_learner)
    assert "Only the first learner's" not in text_of(soup_of(client, DASHBOARD))


def test_the_attempt_page_shows_a_saved_draft_at_once(login, learner, check):
    client = login(learner)
    client.post(reverse("quiz:start", args=[check.pk]))
    attempt = Attempt.objects.get(learner=learner, quiz=check, submitted_at__isnull=True)
    take_url = reverse("quiz:take", args=[attempt.pk])
    assert "checked" not in str(soup_of(client, take_url).select_one("form.quiz-form input[type=radio][checked]"))
    soup = soup_of(client, take_url)
    first = soup.select_one("form.quiz-form fieldset.question input[type=radio]")
    client.post(reverse("quiz:autosave", args=[attempt.pk]), {first["name"]: first["value"]})
    checked = soup_of(client, take_url).select("form.quiz-form fieldset.question input[type=radio][checked]")
    assert [(field["name"], field["value"]) for field in checked] == [(first["name"], first["value"])]


def test_another_learner_cannot_open_the_attempt_page(client, login, learner, other_learner, check):
    login(learner)
    client.post(reverse("quiz:start", args=[check.pk]))
    attempt = Attempt.objects.get(learner=learner, quiz=check, submitted_at__isnull=True)
    assert client.get(reverse("quiz:take", args=[attempt.pk])).status_code == 200  # kept now
    login(other_learner)
    assert client.get(reverse("quiz:take", args=[attempt.pk])).status_code == 404


def test_a_renamed_lesson_shows_in_every_kept_fragment(login, learner, lesson):
    client = login(learner)
    client.get(lesson.url)
    page = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    page.title = "Renamed lesson"
    page.save_revision().publish()
    soup = soup_of(client, lesson.url)
    assert text_of(soup.select_one("h1")) == "Renamed lesson"
    assert "Renamed lesson" in text_of(soup.select_one(".breadcrumbs"))


def test_templates_are_loaded_through_the_cached_loader():
    """Django wraps the loaders in its cached loader whenever TEMPLATES names none (as here, in
    every settings module): templates are parsed once per process."""
    assert isinstance(engines["django"].engine.template_loaders[0], CachedLoader)
