"""How sure learners were of their answers (lesson checks mark each answer sure or guessing)."""

from django.db.models import Count, Q

from .models import Confidence, Response


def confidence_counts(quiz_id):
    """Per question of a quiz, in one aggregate query over submitted responses:
    {question id: {"sure_right", "sure_wrong", "guessing_right", "guessing_wrong", "unmarked"}}.

    "Right" means full credit. Confident-but-wrong answers point at a misconception
    worth reteaching.
    """
    sure, guessing, right = Q(confidence=Confidence.SURE), Q(confidence=Confidence.GUESSING), Q(credit__gte=1)
    rows = (
        Response.objects.filter(question__quiz_id=quiz_id, attempt__submitted_at__isnull=False)
        .values("question_id")
        .annotate(
            sure_right=Count("id", filter=sure & right),
            sure_wrong=Count("id", filter=sure & ~right),
            guessing_right=Count("id", filter=guessing & right),
            guessing_wrong=Count("id", filter=guessing & ~right),
            unmarked=Count("id", filter=Q(confidence="")),
        )
        .order_by()
    )
    return {row.pop("question_id"): row for row in rows}
