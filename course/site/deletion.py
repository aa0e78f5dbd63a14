"""Content that learner records point at is never deleted: the admin refuses, and says
what to do instead. (The database agrees: learner models PROTECT toward content.) Here in
the composition app because the records belong to several apps."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from course.capstone.models import Capstone, CapstoneDraft, CapstoneResponse
from course.progress.models import LessonCompletion, LessonVisit
from course.quiz.models import Attempt, Quiz


def page_learner_records(page):
    """How many learner records point at `page` or a page below it (completions, visits,
    quiz attempts, capstone answers and drafts)."""
    pages = Page.objects.descendant_of(page, inclusive=True)
    return (
        LessonCompletion.objects.filter(lesson__in=pages).count()
        + LessonVisit.objects.filter(lesson__in=pages).count()
        + Attempt.objects.filter(quiz__page__in=pages).count()
        + CapstoneResponse.objects.filter(capstone__page__in=pages).count()
        + CapstoneDraft.objects.filter(capstone__page__in=pages).count()
    )


def snippet_learner_records(obj):
    if isinstance(obj, Quiz):
        return Attempt.objects.filter(quiz=obj).count()
    if isinstance(obj, Capstone):
        return (
            CapstoneResponse.objects.filter(capstone=obj).count() + CapstoneDraft.objects.filter(capstone=obj).count()
        )
    return 0


def refusal_message(title, count, what):
    return ngettext(
        "“%(title)s” was not deleted: %(count)s learner record points at it. %(what)s",
        "“%(title)s” was not deleted: %(count)s learner records point at it. %(what)s",
        count,
    ) % {"title": title, "count": count, "what": what}


UNPUBLISH_INSTEAD = _("Unpublish it instead: learners keep their history.")
