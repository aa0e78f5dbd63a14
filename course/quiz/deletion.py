"""Questions and choices that learners answered are never deleted from a quiz, only retired
(the quiz editor refuses; course/site/deletion.py refuses deleting pages and snippets).
The database agrees: learner models PROTECT toward content."""

from .models import Attempt, Choice, Question, Response


def answered_question_ids(question_ids):
    """Of these questions, those that learners answered or were given in an open attempt
    (a review card is made from an answer, so it is covered): they can be retired but not
    deleted."""
    question_ids = [pk for pk in question_ids if pk]
    if not question_ids:
        return set()
    answered = set(Response.objects.filter(question_id__in=question_ids).values_list("question_id", flat=True))
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
