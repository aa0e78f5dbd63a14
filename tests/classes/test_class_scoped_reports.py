"""Every report filters by class; the Learners report shows an instructor only their
classes' learners; poll results shown to learners can be kept within their class."""

from django.utils import timezone

import pytest

from course.classes.models import Membership
from course.quiz.models import Attempt, QuizKind, Response
from course.quiz.polls import poll_distributions
from tests.polls.conftest import add_poll

from .conftest import submit

pytestmark = pytest.mark.django_db


def csv_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.fixture
def check(make_module):
    module = make_module(lessons=1, slug="scoped-module")
    return module.get_children().first().specific.quizzes.get(kind=QuizKind.LESSON_CHECK)


@pytest.fixture
def two_classes(seminar, other_class, learner, other_learner, check):
    """In the seminar, `learner` passes the check (100); in the other class, `other_learner` fails it (0)."""
    check.questions.update(section_page=check.page, section_anchor="section-0")
    submit(learner, check, 100.0)
    submit(other_learner, check, 0.0)
    return seminar, other_class


def test_quiz_results_by_class(two_classes, check, superuser, login):
    seminar, other = two_classes
    client = login(superuser)
    everyone = csv_text(client, "/admin/course-reports/quizzes/?export=csv")
    ours = csv_text(client, f"/admin/course-reports/quizzes/?course_class={seminar.pk}&export=csv")
    theirs = csv_text(client, f"/admin/course-reports/quizzes/?course_class={other.pk}&export=csv")
    row = lambda text: next(line for line in text.splitlines() if line.startswith(check.title))  # noqa: E731
    assert ",2,2,50.0," in row(everyone)  # attempts, learners, mean
    assert ",1,1,100.0," in row(ours)
    assert ",1,1,0.0," in row(theirs)


def test_item_analysis_and_reteach_by_class(two_classes, check, superuser, login):
    seminar, other = two_classes
    client = login(superuser)
    items = csv_text(client, f"/admin/course-reports/items/?quiz={check.pk}&course_class={seminar.pk}&export=csv")
    lines = items.splitlines()[1:]
    assert lines and all(",1,1.0," in line for line in lines)  # one learner, facility 1.0
    reteach_ours = csv_text(client, f"/admin/course-reports/reteach/?course_class={seminar.pk}&export=csv")
    assert len(reteach_ours.splitlines()) == 1  # headings only: no misses
    reteach_theirs = csv_text(client, f"/admin/course-reports/reteach/?course_class={other.pk}&export=csv")
    assert len(reteach_theirs.splitlines()) == 2


def test_class_filter_offers_only_ones_own_classes(two_classes, instructor, login):
    page = login(instructor).get("/admin/course-reports/quizzes/")
    assert "Seminar A" in page.text and "Seminar B" not in page.text


def test_learners_report_shows_an_instructor_only_their_classes(two_classes, instructor, superuser, login):
    mine = csv_text(login(instructor), "/admin/course-reports/learners/?export=csv")
    assert "learner@example.com" in mine and "other@example.com" not in mine
    everyone = csv_text(login(superuser), "/admin/course-reports/learners/?export=csv")
    assert "learner@example.com" in everyone and "other@example.com" in everyone


def answer_poll(users, poll, choice_index):
    choice = list(poll.choices.order_by("sort_order"))[choice_index]
    now = timezone.now()
    for user in users:
        attempt = Attempt.objects.create(
            learner=user, quiz=poll.quiz, seed=1, question_ids=[poll.pk], submitted_at=now, score=100, passed=True
        )
        Response.objects.create(attempt=attempt, question=poll, answer=choice.pk, credit=1.0)


def test_poll_results_within_the_class(seminar, learner, make_user, lesson_1_1):
    poll = add_poll(lesson_1_1.quizzes.get(kind=QuizKind.LESSON_CHECK), position=99)
    classmates = [learner] + [make_user(f"mate{n}") for n in range(3)]
    for user in classmates[1:]:
        Membership.objects.create(course_class=seminar, learner=user)
    outsiders = [make_user(f"out{n}") for n in range(6)]
    answer_poll(classmates, poll, 0)
    answer_poll(outsiders, poll, 1)

    assert poll_distributions([poll], viewer=learner)[poll.pk].respondents == 10  # the class shares course-wide
    seminar.polls_within_class = True
    seminar.save()
    within = poll_distributions([poll], viewer=learner)[poll.pk]
    assert within.respondents == 4 and not within.visible  # still hidden below five
    newcomer = make_user("mate-new")
    Membership.objects.create(course_class=seminar, learner=newcomer)
    answer_poll([newcomer], poll, 0)
    within = poll_distributions([poll], viewer=learner)[poll.pk]
    assert within.visible and [share.count for share in within.shares][:2] == [5, 0]
    # An outsider still sees the whole course.
    assert poll_distributions([poll], viewer=outsiders[0])[poll.pk].respondents == 11


def test_learners_report_links_to_the_learners_page_in_the_class(two_classes, instructor, login):
    seminar, _other = two_classes
    page = login(instructor).get("/admin/course-reports/learners/")
    learner_id = seminar.memberships.get().learner_id
    assert f'href="/admin/classes/{seminar.pk}/learners/{learner_id}/"' in page.text
