"""Opening a lesson starts it: the first visit is written once, so the lesson reads
"In progress" (module page, home, dashboard) until its check is passed.

Repeat visits write nothing and cost no query: the learner's records, read once per
request for the lesson status anyway (`progress_for_request`), already say whether the
lesson was opened (an opened lesson is no longer "not started")."""

from . import rules
from .learner_version import bump_learner_version, forget_request_learner_version
from .models import LessonVisit
from .standing import progress_for_request


def record_lesson_opened(request, lesson_id):
    """Write the learner's first visit to the lesson; True when it was written."""
    progress = progress_for_request(request)
    info = progress.lesson(lesson_id) if progress else None
    if info is None or info.state != rules.NOT_STARTED:
        return False
    # One INSERT; a concurrent first visit (another tab) is the same fact, so a conflict is ignored.
    LessonVisit.objects.bulk_create([LessonVisit(learner=request.user, lesson_id=lesson_id)], ignore_conflicts=True)
    bump_learner_version(request.user.pk)  # bulk_create sends no post_save: the dashboard's record is renewed here
    forget_request_learner_version(request)
    # The page about to render shows the new state: the records are read again, once, on this first visit only.
    del request._course_progress
    return True
