from django.dispatch import receiver

from course.quiz.models import QuizKind
from course.quiz.signals import attempt_graded

from .models import Certificate, LessonCompletion
from .standing import learner_progress


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
