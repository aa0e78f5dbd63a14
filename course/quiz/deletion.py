"""Content that learner records point at is never deleted: the admin refuses, and says
what to do instead. (The database agrees: learner models PROTECT toward content.)"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page

from course.capstone.models import Capstone, CapstoneDraft, CapstoneResponse
from course.progress.models import LessonCompletion
from course.review.models import ReviewCard

from .models import Attempt, Choice, Question, Quiz, Response


def page_learner_records(page):
    """How many learner records point at `page` or a page below it (completions, quiz
    attempts, capstone answers and drafts)."""
    pages = Page.objects.descendant_of(page, inclusive=True)
    return (
        LessonCompletion.objects.filter(lesson__in=pages).count()
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


def answered_question_ids(question_ids):
    """Of these questions, those that learners answered, were given in an open attempt or
    keep on a review card: they can be retired but not deleted."""
    question_ids = [pk for pk in question_ids if pk]
    if not question_ids:
        return set()
    answered = set(Response.objects.filter(question_id__in=question_ids).values_list("question_id", flat=True))
    answered |= set(ReviewCard.objects.filter(question_id__in=question_ids).values_list("question_id", flat=True))
    quiz_ids = Question.objects.filter(pk__in=question_ids).values_list("quiz_id", flat=True)
    for given in Attempt.objects.filter(quiz_id__in=quiz_ids, submitted_at__isnull=True).values_list(
        "question_ids", flat=True
    ):
        answered |= set(given) & set(question_ids)
    return answered


def answered_choice_ids(choice_ids):
    """Choices of answered questions: kept (retire them) so old answers still name them."""
    choices = Choice.objects.filter(pk__in=[pk for pk in choice_ids if pk]).values_list("pk", "question_id")
    answered = answered_question_ids({question_id for _pk, question_id in choices})
    return {pk for pk, question_id in choices if question_id in answered}
