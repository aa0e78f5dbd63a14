from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from course.quiz.models import Attempt, QuizKind
from course.quiz.signals import attempt_graded

from .learner_version import bump_for_graded_attempt, bump_for_instance
from .models import Certificate, LessonCompletion
from .standing import learner_progress

# The dashboard's record is cached under the learner's version (learner_version.py).
attempt_graded.connect(bump_for_graded_attempt, dispatch_uid="learner-version-graded")
for _model in (Attempt, LessonCompletion, Certificate):
    for _signal in (post_save, post_delete):
        _signal.connect(bump_for_instance, sender=_model, dispatch_uid=f"learner-version-{_signal!r}-{_model!r}")


@receiver(attempt_graded)
def record_completion(sender, attempt, **kwargs):
    """Passing a lesson check completes the lesson; finishing the course issues the certificate."""
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
    issue_certificate_if_complete(attempt.learner)


def issue_certificate_if_complete(learner, progress=None):
    """`progress`: the learner's, if the caller has it already."""
    if (progress or learner_progress(learner)).complete:
        return Certificate.objects.get_or_create(learner=learner)[0]
    return None
