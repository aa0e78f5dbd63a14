"""Opinion polls: the anonymous distribution of learners' answers.

Counts people, not attempts (a learner who retakes a quiz counts once per
option they chose), and shows nothing until POLL_MIN_RESPONDENTS learners have
answered, so a small count cannot point at anyone. Synthetic learners (demo
data from `make run`) are never counted: learners see only real answers.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from course.accounts.models import SYNTHETIC_USERNAME_PREFIX

from .models import POLL_MIN_RESPONDENTS, Response


@dataclass
class PollShare:
    text: str
    count: int
    percent: int


@dataclass
class PollDistribution:
    respondents: int
    shares: list = field(default_factory=list)  # of PollShare; empty while hidden

    @property
    def visible(self):
        return self.respondents >= POLL_MIN_RESPONDENTS

    @property
    def more_needed(self):
        return max(0, POLL_MIN_RESPONDENTS - self.respondents)


# Apps above quiz may narrow whose answers a learner is shown (classes: a class's own
# polls). Each is a function of the learner giving a queryset of user ids, or None.
respondent_scopes = []


def poll_distributions(questions, viewer=None):
    """{question id: PollDistribution} for the polls among `questions` (choices prefetched): two queries.
    With `viewer`, counted among the learners the respondent scopes allow that viewer to see."""
    polls = [question for question in questions if question.is_poll]
    if not polls:
        return {}
    answered = Response.objects.filter(
        question_id__in=[poll.pk for poll in polls], answer__isnull=False, attempt__submitted_at__isnull=False
    ).exclude(attempt__learner__username__startswith=SYNTHETIC_USERNAME_PREFIX)
    for scope in respondent_scopes if viewer is not None else ():
        learner_ids = scope(viewer)
        if learner_ids is not None:
            answered = answered.filter(attempt__learner_id__in=learner_ids)
    respondents = dict(
        answered.values_list("question_id").annotate(n=Count("attempt__learner_id", distinct=True)).order_by()
    )
    counts = {}
    for question_id, answer, n in (
        answered.values_list("question_id", "answer").annotate(n=Count("attempt__learner_id", distinct=True)).order_by()
    ):
        counts[(question_id, answer)] = n
    distributions = {}
    for question in polls:
        total = respondents.get(question.pk, 0)
        distribution = PollDistribution(respondents=total)
        if distribution.visible:
            distribution.shares = [
                PollShare(choice.text, counts.get((question.pk, choice.pk), 0), 0) for choice in question.choices.all()
            ]
            answers = sum(share.count for share in distribution.shares) or 1
            for share in distribution.shares:
                share.percent = round(100 * share.count / answers)
        distributions[question.pk] = distribution
    return distributions
