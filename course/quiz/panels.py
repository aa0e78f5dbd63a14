"""What a page's quiz panel needs from the quiz app: the quiz of each (page, kind).

The panel itself (with the learner's record) is composed in
course.site.templatetags.page_panels: quiz does not depend on progress.
"""

from django.db.models import Count

from course.lessons.content_version import cached_content

from .models import Quiz


def _quizzes_by_page():
    """(page id, kind) -> quiz, with the number of questions asked: one query."""
    quizzes = Quiz.objects.annotate(question_total=Count("questions")).only(
        "id", "title", "kind", "page_id", "pass_mark", "draw_count", "time_limit_minutes"
    )
    for quiz in quizzes:
        quiz.question_count = min(quiz.draw_count or quiz.question_total, quiz.question_total)
    return {(quiz.page_id, quiz.kind): quiz for quiz in quizzes}


def quiz_of_page(page_id, kind):
    """The page's quiz of this kind (None if it has none); one query per content version."""
    return cached_content("quizzes-by-page", _quizzes_by_page).get((page_id, kind))


def quiz_with_page(quiz_id):
    """The quiz with its page (a plain Page: no StreamField), read once per content version.
    Shared by the requests of this worker: callers must not change it."""
    return cached_content(f"quiz-with-page:{quiz_id}", lambda: Quiz.objects.select_related("page").get(pk=quiz_id))
