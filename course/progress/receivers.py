from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from course.capstone.models import CapstoneResponse
from course.capstone.signals import capstone_submitted
from course.quiz.models import Attempt, QuizKind
from course.quiz.signals import attempt_graded

from .learner_version import bump_for_graded_attempt, bump_for_instance
from .models import Certificate, LessonCompletion, LessonVisit
from .standing import learner_progress

# The dashboard's record is cached under the learner's version (learner_version.py).
attempt_graded.connect(bump_for_graded_attempt, dispatch_uid="learner-version-graded")
for _model in (Attempt, LessonCompletion, LessonVisit, Certificate, CapstoneResponse):
    for _signal in (post_save, post_delete):
        _signal.connect(bump_for_instance, sender=_model, dispatch_uid=f"learner-version-{_signal!r}-{_model!r}")


@receiver(attempt_graded)
def record_completion(sender, attempt, **kwargs):
    """Passing a lesson check completes the lesson; finishing the course (every module quiz
    passed, the capstone submitted) issues the certificate, in the grading transaction."""
    if not attempt.passed:
        return
    quiz = attempt.quiz
    if quiz.kind == QuizKind.LESSON_CHECK:
        # One statement: an earlier completion (read, or a passed retake) is kept as it is.
        LessonCompletion.objects.bulk_create(
            [
                LessonCompletion(
                    learner_id=attempt.learner_id,
                    lesson_id=quiz.page_id,
                    via=LessonCompletion.Via.CHECK,
                    completed_at=attempt.submitted_at,
                )
            ],
            ignore_conflicts=True,
        )
        # Lesson checks do not gate the certificate (rules.course_complete): nothing more to
        # decide, so no lock and no reading of the whole record for the most common submission.
        return
    lock_learner(attempt.learner_id)
    issue_certificate_if_complete(attempt.learner)


@receiver(capstone_submitted)
def complete_with_capstone(sender, learner, **kwargs):
    """Submitting the capstone can be the last step of the course."""
    lock_learner(learner.pk)
    issue_certificate_if_complete(learner)


def lock_learner(learner_id):
    """Completions of one learner take turns (a row lock on the learner until the transaction
    ends): two last items completed at once then cannot each miss the other's completion, so
    the one that completes the course always sees it complete and issues the certificate."""
    get_user_model().objects.select_for_update().filter(pk=learner_id).values_list("pk").first()


def issue_certificate_if_complete(learner):
    """Called inside the transaction that completes something, after `lock_learner`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("issue certificates inside the transaction that completes the course")
    if learner_progress(learner).complete:
        return Certificate.objects.get_or_create(learner=learner, defaults={"name": learner.name_for_display})[0]
    return None
