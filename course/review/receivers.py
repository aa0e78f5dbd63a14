import secrets

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from course.quiz.models import Confidence
from course.quiz.signals import attempt_graded

from .leitner import schedule_miss
from .models import ReviewCard
from .queue import bump_cards_version, bump_for_card, today

# The due count in the navigation is cached under the learner's card version (queue.py).
for _signal in (post_save, post_delete):
    _signal.connect(bump_for_card, sender=ReviewCard, dispatch_uid=f"review-cards-version-{_signal!r}")


@receiver(attempt_graded)
def queue_missed_questions(sender, attempt, responses, **kwargs):
    """Every question missed (credit < 1) goes into the learner's review queue: one upsert.
    Only from quizzes that show their answers at once: a review card shows the key, and a
    module quiz keeps its key until passed."""
    if not attempt.quiz.shows_answers_at_once:
        return
    missed = [
        (response.question_id, response.confidence)
        for response in responses
        if response.credit < 1  # polls always get full credit: never missed
    ]
    box, due_on = schedule_miss(today())
    cards = [
        ReviewCard(
            learner_id=attempt.learner_id,
            question_id=question_id,
            box=box,
            due_on=due_on,
            confident_miss=confidence == Confidence.SURE,
            seed=secrets.randbits(62),
        )
        for question_id, confidence in missed
    ]
    if cards:
        ReviewCard.objects.bulk_create(
            cards,
            update_conflicts=True,
            unique_fields=["learner", "question"],
            update_fields=["box", "due_on", "confident_miss"],
        )
        bump_cards_version(attempt.learner_id)  # a bulk upsert sends no post_save
