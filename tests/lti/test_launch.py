"""Resource-link launches signed by lti1p3platform: the learner is signed in, the LMS
course becomes a class, an instructor teaches that class only."""

import pytest

from course.classes.models import CourseClass, Membership
from course.lessons.models import LessonPage, ModulePage
from course.lti.models import LTIAccount, LTIContext
from course.quiz.models import Quiz
from course.site.roles import INSTRUCTORS

from .conftest import claims_of, do_launch, post_launch, start_login
from .platform import INSTRUCTOR, ISSUER, LEARNER

pytestmark = pytest.mark.django_db


def test_login_initiation_redirects_to_the_platform_with_state_and_nonce(client, lms, registered):
    response = start_login(client, lms)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(lms.url("/auth?"))
    for part in ("state=", "nonce=", "redirect_uri=http%3A%2F%2Ftestserver%2Flti%2Flaunch%2F", "prompt=none"):
        assert part in location


def test_a_learner_launch_signs_in_a_new_linked_account_joins_the_class_and_opens_the_lesson(
    client, lms, registered, django_user_model
):
    lesson = LessonPage.objects.live().first()
    response = do_launch(client, lms, roles=LEARNER, custom={"target": f"lesson:{lesson.pk}"})
    assert response.status_code == 302
    assert response["Location"] == lesson.url
    link = LTIAccount.objects.get(issuer=ISSUER, subject="learner-1")
    user = link.user
    assert (user.first_name, user.last_name, user.email) == ("", "", "ada@lms.example.test")
    assert user.display_name == "Ada Lovelace"
    assert not user.has_usable_password()
    context = LTIContext.objects.get()
    assert context.course_class.name == "Alliances 101"
    assert Membership.objects.filter(course_class=context.course_class, learner=user).exists()
    assert not context.course_class.instructors.exists()
    page = client.get(lesson.url)
    assert page.status_code == 200
    assert page.wsgi_request.user == user


def test_a_second_launch_reuses_the_account_and_the_class(client, lms, registered, django_user_model):
    do_launch(client, lms, roles=LEARNER)
    client.logout()
    do_launch(client, lms, roles=LEARNER, resource_link_id="link-2")
    assert LTIAccount.objects.count() == 1
    assert CourseClass.objects.filter(lti_context__isnull=False).count() == 1
    assert Membership.objects.count() == 1


def test_an_existing_account_with_the_same_email_is_never_taken_over(client, lms, registered, make_user):
    owner = make_user("owner")
    owner.email = "ada@lms.example.test"
    owner.save()
    response = do_launch(client, lms, roles=LEARNER)
    assert response.status_code == 302
    launched = LTIAccount.objects.get().user
    assert launched != owner
    assert launched.email == ""  # the address stays with the account that has it
    assert client.get("/").wsgi_request.user == launched


def test_launches_open_a_module_and_a_quiz(client, lms, registered):
    module = ModulePage.objects.live().first()
    assert do_launch(client, lms, roles=LEARNER, custom={"target": f"module:{module.pk}"})["Location"] == module.url
    quiz = Quiz.objects.filter(page__live=True).first()
    client.logout()
    response = do_launch(client, lms, sub="learner-2", roles=LEARNER, custom={"target": f"quiz:{quiz.pk}"})
    assert response["Location"] == f"/quiz/{quiz.pk}/"


def test_the_target_link_uri_of_a_hand_made_link_opens_that_page(client, lms, registered):
    lesson = LessonPage.objects.live().first()
    response = start_login(client, lms, target_link_uri=f"http://testserver{lesson.url}")
    message = lms.launch_message(response["Location"], sub="learner-1", roles=LEARNER)
    # The platform launches at the registered launch URL; the target is the link's own URI.
    claims = claims_of(message)
    claims["https://purl.imsglobal.org/spec/lti/claim/target_link_uri"] = f"http://testserver{lesson.url}"
    response = post_launch(client, {**message, "id_token": lms.sign(claims)})
    assert response["Location"] == lesson.url


def test_an_instructor_launch_makes_an_instructor_of_that_class_only(client, lms, registered, make_user):
    other_class = CourseClass.objects.create(name="Someone else's class")
    response = do_launch(client, lms, sub="teacher-1", roles=INSTRUCTOR)
    assert response.status_code == 302
    teacher = LTIAccount.objects.get(subject="teacher-1").user
    lti_class = LTIContext.objects.get().course_class
    assert list(CourseClass.objects.taught_by(teacher)) == [lti_class]
    assert other_class not in CourseClass.objects.taught_by(teacher)
    assert not Membership.objects.filter(learner=teacher).exists()
    # No site-wide rights: not staff, not in the Instructors group (page editing for the whole site).
    assert not teacher.is_staff and not teacher.is_superuser
    assert not teacher.groups.filter(name=INSTRUCTORS).exists()


def test_a_disabled_account_is_refused(client, lms, registered):
    do_launch(client, lms, roles=LEARNER)
    user = LTIAccount.objects.get().user
    user.is_active = False
    user.save()
    client.logout()
    response = do_launch(client, lms, roles=LEARNER)
    assert response.status_code == 403
    assert b"disabled" in response.content


def test_the_learners_lms_link_is_in_their_data_export_and_goes_with_the_account(client, lms, registered):
    from django.apps import apps

    do_launch(client, lms, roles=LEARNER)
    user = LTIAccount.objects.get().user
    exported = apps.get_app_config("lti").export_learner_data(user)
    assert exported["lti_accounts"][0]["subject"] == "learner-1"
    user.delete()
    assert not LTIAccount.objects.exists()
