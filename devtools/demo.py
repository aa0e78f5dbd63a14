"""Demo accounts for a fresh machine: an instructor and a student with some history,
so a newcomer sees every state of the pages. Re-runnable."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from course.lessons.models import LessonPage, ModulePage
from course.quiz.attempts import open_attempt, questions_with_choices, submit_attempt
from course.quiz.models import Quiz, QuizKind
from course.quiz.question_types import right_answer
from course.site.roles import INSTRUCTORS

DEMO_PASSWORD = "alliances-demo-2026"  # noqa: S105 - demo accounts on a local machine only
INSTRUCTOR = {"username": "instructor", "email": "instructor@example.com", "display_name": "Dr Ada Instructor"}
STUDENT = {"username": "student", "email": "student@example.com", "display_name": "Sam Student"}


def ensure_user(fields, staff=False):
    user, created = get_user_model().objects.get_or_create(username=fields["username"], defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.is_staff = staff
        user.save()
    return user, created


def take(learner, quiz, correct=True):
    attempt = open_attempt(learner, quiz, respect_retake_interval=False)
    questions = questions_with_choices(quiz.pk, attempt.question_ids)
    answers = {qid: right_answer(q) for qid, q in questions.items()} if correct else {}
    submit_attempt(attempt, answers)
    return attempt


@transaction.atomic
def ensure_demo_accounts():
    instructor, _ = ensure_user(INSTRUCTOR, staff=True)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS))
    student, created = ensure_user(STUDENT)
    if created or not student.attempts.exists():
        modules = list(ModulePage.objects.live().order_by("path")[:2])
        if len(modules) == 2:
            first, second = modules
            for lesson in LessonPage.objects.child_of(first).live().order_by("path"):
                for quiz in Quiz.objects.filter(page=lesson, kind=QuizKind.LESSON_CHECK):
                    take(student, quiz)
            for quiz in Quiz.objects.filter(page=first, kind=QuizKind.MODULE_QUIZ):
                take(student, quiz)
            lesson = LessonPage.objects.child_of(second).live().order_by("path").first()
            quiz = Quiz.objects.filter(page=lesson, kind=QuizKind.LESSON_CHECK).first()
            if quiz:
                take(student, quiz, correct=False)  # a failed attempt...
                take(student, quiz)  # ...then a pass on the retake
    return instructor, student
