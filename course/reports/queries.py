"""What the reports read: database aggregates, a fixed number of queries per
report however many learners and responses there are. The arithmetic on the
aggregated numbers lives in figures.py."""

import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import (
    Avg,
    Case,
    Count,
    F,
    FilteredRelation,
    Max,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from course.classes.models import Membership
from course.progress.models import Certificate
from course.quiz.models import Attempt, Question, QuestionType, QuizKind, Response

from . import figures

# --- Learners --------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleRequirement:
    """What completes one module: quizzes to pass (lesson checks and the module
    quiz) and lessons without a check to mark as read (see progress.rules)."""

    quiz_ids: tuple
    read_lesson_ids: tuple

    @property
    def items(self):
        return len(self.quiz_ids) + len(self.read_lesson_ids)


def module_requirements(structure):
    """From progress.standing.course_structure(): one ModuleRequirement per live module."""
    requirements = []
    for module in structure:
        checks = tuple(lesson["check_id"] for lesson in module["lessons"] if lesson["check_id"])
        module_quiz = (module["quiz_id"],) if module["quiz_id"] else ()
        reads = tuple(lesson["id"] for lesson in module["lessons"] if not lesson["check_id"])
        requirements.append(ModuleRequirement(quiz_ids=checks + module_quiz, read_lesson_ids=reads))
    return requirements


def learners():
    """Everyone who is not staff: staff and superusers teach or run the site."""
    return get_user_model().objects.filter(is_staff=False, is_superuser=False)


def with_progress(queryset, requirements):
    """Annotate learners with items_done, modules_done and last_activity.

    One grouped query over each learner's attempts (and, if the course has
    lessons without a check, their read marks), so it can be sorted, filtered
    and paginated in the database. Items and modules follow progress.rules: a
    quiz counts once passed, a lesson without a check once marked as read.
    """
    read_lesson_ids = [lesson for module in requirements for lesson in module.read_lesson_ids]
    if read_lesson_ids:
        # Join only the read marks that count, so the join stays small.
        queryset = queryset.annotate(
            counted_reads=FilteredRelation(
                "lesson_completions", condition=Q(lesson_completions__lesson__in=read_lesson_ids)
            )
        )
    annotations, items, modules = {}, [], []
    for index, module in enumerate(requirements):
        done_when = Q()
        if module.quiz_ids:
            annotations[f"passed_in_module_{index}"] = Count(
                "attempts__quiz", distinct=True, filter=Q(attempts__passed=True, attempts__quiz__in=module.quiz_ids)
            )
            items.append(F(f"passed_in_module_{index}"))
            done_when &= Q(**{f"passed_in_module_{index}": len(module.quiz_ids)})
        if module.read_lesson_ids:
            annotations[f"read_in_module_{index}"] = Count(
                "counted_reads__lesson",
                distinct=True,
                filter=Q(counted_reads__lesson__in=module.read_lesson_ids),
            )
            items.append(F(f"read_in_module_{index}"))
            done_when &= Q(**{f"read_in_module_{index}": len(module.read_lesson_ids)})
        modules.append(Case(When(done_when, then=Value(1)), default=Value(0)) if done_when else Value(1))
    activity = [
        Coalesce(Max("attempts__started_at"), F("date_joined")),
        Coalesce(Max("attempts__submitted_at"), F("date_joined")),
        Coalesce(F("last_login"), F("date_joined")),
    ]
    if read_lesson_ids:
        activity.append(Coalesce(Max("counted_reads__completed_at"), F("date_joined")))
    return (
        queryset.annotate(**annotations)
        .annotate(
            items_done=sum(items, Value(0)),
            modules_done=sum(modules, Value(0)),
            last_activity=Greatest(*activity),
        )
        .select_related("certificate")
    )


# --- Quiz results ----------------------------------------------------------------------


def module_path(prefix=""):
    """The path of the module page a quiz belongs to: a lesson check's lesson sits right under it."""
    path = f"{prefix}page__path"
    return Case(
        When(**{f"{prefix}kind": QuizKind.LESSON_CHECK}, then=Substr(path, 1, Length(path) - Page.steplen)),
        default=F(path),
    )


def course_order(prefix=""):
    """Order quizzes (or, with prefix "quiz__", questions) as the course runs: module by
    module, its lesson checks in lesson order, then the module quiz."""
    return [module_path(prefix), f"{prefix}kind", f"{prefix}page__path"]


def quiz_results(quizzes, class_id=None):
    """The quizzes (a queryset, in the order wanted) as a list, each with attempt_count,
    learner_count, mean_score, median_score, pass_rate and learners_passed_rate set:
    three queries (quizzes, one aggregate over their submitted attempts, score counts).
    With `class_id`, over the attempts of that class's learners only."""
    quizzes = list(quizzes.select_related("page"))
    quiz_ids = [quiz.pk for quiz in quizzes]
    submitted = Attempt.objects.filter(quiz_id__in=quiz_ids, submitted_at__isnull=False)
    if class_id is not None:
        submitted = submitted.filter(learner_id__in=class_learner_ids(class_id))
    totals = {
        row["quiz_id"]: row
        for row in submitted.values("quiz_id")
        .annotate(
            attempts=Count("id"),
            learners=Count("learner_id", distinct=True),
            mean=Avg("score"),
            passes=Count("id", filter=Q(passed=True)),
            learners_passing=Count("learner_id", distinct=True, filter=Q(passed=True)),
        )
        .order_by()
    }
    medians = median_scores(submitted)
    for quiz in quizzes:
        row = totals.get(quiz.pk, {})
        quiz.attempt_count = row.get("attempts", 0)
        quiz.learner_count = row.get("learners", 0)
        quiz.mean_score = row.get("mean")
        quiz.median_score = medians.get(quiz.pk)
        quiz.pass_rate = figures.share(row.get("passes", 0), quiz.attempt_count)
        quiz.learners_passed_rate = figures.share(row.get("learners_passing", 0), quiz.learner_count)
    return quizzes


def median_scores(attempts):
    """{quiz id: median score} over these attempts: one query.

    The database counts how many attempts got each score at each quiz; the
    median is read off those counts, so only one row per distinct score leaves
    the database however many attempts there are.
    """
    counts = {}
    rows = attempts.filter(score__isnull=False).values_list("quiz_id", "score").annotate(n=Count("id")).order_by()
    for quiz_id, score, count in rows:
        counts.setdefault(quiz_id, []).append((score, count))
    return {quiz_id: figures.median_of_counts(pairs) for quiz_id, pairs in counts.items()}


# --- Item analysis ---------------------------------------------------------------------

# A poll (ungraded, one choice id, always full credit): its figures mean nothing; its picks do.
PICKED_TYPES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE, QuestionType.POLL)


@dataclass
class ItemFigures:
    answered: int = 0
    facility: float | None = None
    upper_count: int = 0
    upper_mean: float | None = None
    lower_count: int = 0
    lower_mean: float | None = None

    @property
    def discrimination(self):
        return figures.discrimination(self.upper_mean, self.lower_mean)

    @property
    def flags(self):
        return figures.item_flags(self.facility, self.discrimination)


@dataclass
class ItemRow:
    question: Question  # with its choices prefetched
    figures: ItemFigures | None = None  # set by add_item_figures()
    picks: list = field(default_factory=list)  # [(label, count, is_correct)], set by add_item_figures()

    @property
    def facility(self):
        return self.figures.facility

    @property
    def discrimination(self):
        return self.figures.discrimination

    @property
    def flags(self):
        return self.figures.flags


def class_learner_ids(class_id):
    """The learners of one class, as a subquery (the class filter of every report)."""
    return Membership.objects.filter(course_class_id=class_id).values("learner_id")


def _grouped_attempts_sql(quiz_ids, class_id=None):
    """A WITH clause naming each learner's best submitted attempt at each of these
    quizzes (highest score, then the earliest) and its group: `grouped.grp` is 1 for
    the upper 27 % of learners ranked by that score, -1 for the lower 27 %, 0 in
    between; ties at a group boundary go to the earlier attempt. Returns (sql, params).

    Raw SQL because the ORM cannot join a derived table: the same figures as
    nested IN-subqueries took seconds on 500,000 responses.
    """
    placeholders = ", ".join(["%s"] * len(quiz_ids))
    percent = figures.UPPER_LOWER_PERCENT
    in_class = ""
    if class_id is not None:
        members = connection.ops.quote_name(Membership._meta.db_table)
        in_class = f"AND learner_id IN (SELECT learner_id FROM {members} WHERE course_class_id = %s)"  # noqa: S608
    # "best_rank <= 1", not "= 1": PostgreSQL then estimates the rows left well and
    # hashes the join with the responses instead of looping over them.
    sql = f"""
        WITH ranked AS (
            SELECT id, quiz_id, score,
                   ROW_NUMBER() OVER (
                       PARTITION BY learner_id, quiz_id ORDER BY score DESC, submitted_at, id
                   ) AS best_rank
            FROM {connection.ops.quote_name(Attempt._meta.db_table)}
            WHERE submitted_at IS NOT NULL AND score IS NOT NULL AND quiz_id IN ({placeholders}) {in_class}
        ),
        best AS (
            SELECT id, quiz_id, score FROM ranked WHERE best_rank <= 1
        ),
        positioned AS (
            SELECT id,
                   ROW_NUMBER() OVER (PARTITION BY quiz_id ORDER BY score DESC, id) AS position,
                   COUNT(*) OVER (PARTITION BY quiz_id) AS learners
            FROM best
        ),
        grouped AS (
            SELECT id,
                   CASE WHEN position <= (learners * {percent} + 50) / 100 THEN 1
                        WHEN position > learners - (learners * {percent} + 50) / 100 THEN -1
                        ELSE 0
                   END AS grp
            FROM positioned
        )
    """  # noqa: S608 - the table name from _meta, values as parameters
    return sql, [*quiz_ids, *([class_id] if class_id is not None else [])]


def item_tallies(questions, class_id=None):
    """[(question id, group, answer, responses, credit)] over best attempts: one query.

    One pass over the responses serves both figures and picks: rows are counted
    per question and group (1 upper, 0 middle, -1 lower) and, for questions
    whose picks are shown, per answer given (None for the others).
    """
    if not questions:
        return []
    with_sql, params = _grouped_attempts_sql(sorted({question.quiz_id for question in questions}), class_id)
    question_ids = [question.pk for question in questions]
    picked_ids = [question.pk for question in questions if question.type in PICKED_TYPES]
    answer = f"CASE WHEN r.question_id IN ({', '.join(['%s'] * len(picked_ids))}) THEN r.answer END"
    sql = f"""{with_sql}
        SELECT r.question_id, g.grp, {answer if picked_ids else "NULL"}, COUNT(*), SUM(r.credit)
        FROM {connection.ops.quote_name(Response._meta.db_table)} r
        JOIN grouped g ON g.id = r.attempt_id
        WHERE r.question_id IN ({", ".join(["%s"] * len(question_ids))})
        GROUP BY 1, 2, 3
    """  # noqa: S608 - the table name from _meta, values as parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *picked_ids, *question_ids])
        return [
            (question_id, grp, json.loads(given) if isinstance(given, str) else given, count, credit)
            for question_id, grp, given, count, credit in cursor.fetchall()
        ]


def add_item_figures(rows, class_id=None):
    """Set figures and picks on the ItemRows that have none yet: one query (none if all have them).
    With `class_id`, from the answers of that class's learners only."""
    missing = [row for row in rows if row.figures is None]
    if not missing:
        return rows
    counts, credits, answers = {}, {}, {}
    for question_id, grp, given, count, credit in item_tallies([row.question for row in missing], class_id):
        counts[question_id, grp] = counts.get((question_id, grp), 0) + count
        credits[question_id, grp] = credits.get((question_id, grp), 0) + credit
        if given is not None:
            answers.setdefault(question_id, []).append((given, count))
    for row in missing:
        question = row.question
        count = {grp: counts.get((question.pk, grp), 0) for grp in (1, 0, -1)}
        credit = {grp: credits.get((question.pk, grp), 0) for grp in (1, 0, -1)}
        answered = sum(count.values())
        if question.is_poll:
            row.figures = ItemFigures(answered=answered)
        else:
            row.figures = ItemFigures(
                answered=answered,
                facility=figures.share(sum(credit.values()), answered),
                upper_count=count[1],
                upper_mean=figures.share(credit[1], count[1]),
                lower_count=count[-1],
                lower_mean=figures.share(credit[-1], count[-1]),
            )
        row.picks = picks_of(question, answers.get(question.pk, []))
    return rows


def picks_of(question, answer_counts):
    """[(label, count, is_correct)] for a choice, true/false or poll question; [] for others."""
    if question.type == QuestionType.TRUE_FALSE:
        picks = figures.tally_true_false(answer_counts)
        return [
            (_("True"), picks[True], question.correct_boolean is True),
            (_("False"), picks[False], question.correct_boolean is False),
        ]
    if question.type not in PICKED_TYPES:
        return []
    choices = list(question.choices.all())
    picks = figures.tally_picks(answer_counts, [choice.pk for choice in choices])
    return [(choice.text, picks[choice.pk], choice.is_correct and not question.is_poll) for choice in choices]


# --- Re-teach map ----------------------------------------------------------------------


@dataclass
class SectionRow:
    """A lesson section that questions link to, and how learners did on those questions."""

    page_id: int
    anchor: str
    answers: int = 0
    misses: int = 0
    questions: int = 0  # questions with at least one miss

    @property
    def miss_rate(self):
        return figures.share(self.misses, self.answers)


def missed_sections(responses):
    """SectionRows for the sections with misses, most missed first: two queries.

    `responses` is a Response queryset (already filtered); a miss is a response
    with less than full credit (responses exist for submitted attempts only).
    The database counts answers and misses per question; the sums per section
    are over at most one row per question.
    """
    per_question = (
        responses.values("question_id")
        .annotate(answers=Count("id"), misses=Count("id", filter=Q(credit__lt=1)))
        .order_by()
    )
    totals = {row["question_id"]: row for row in per_question}
    sections = {}
    linked = Question.objects.filter(pk__in=list(totals), section_page__isnull=False).values_list(
        "pk", "section_page_id", "section_anchor"
    )
    for question_id, page_id, anchor in linked.order_by("pk"):
        row = totals[question_id]
        section = sections.setdefault((page_id, anchor), SectionRow(page_id=page_id, anchor=anchor))
        section.answers += row["answers"]
        section.misses += row["misses"]
        section.questions += 1 if row["misses"] else 0
    missed = [section for section in sections.values() if section.misses]
    return sorted(missed, key=lambda section: (-section.misses, section.page_id, section.anchor))


# --- Admin home panel ------------------------------------------------------------------


@dataclass
class Headline:
    learners: int
    attempts_this_week: int
    mean_pass_rate: float | None
    certificates: int


def headline(now=None):
    """Learners, attempts this week, the mean of the quizzes' pass rates, certificates: three queries."""
    week_ago = (now or timezone.now()) - timedelta(days=7)
    per_quiz = (
        Attempt.objects.filter(submitted_at__isnull=False)
        .values("quiz_id")
        .annotate(
            attempts=Count("id"),
            passes=Count("id", filter=Q(passed=True)),
            this_week=Count("id", filter=Q(submitted_at__gte=week_ago)),
        )
        .order_by()
    )
    rates, this_week = [], 0
    for quiz in per_quiz:
        rates.append(quiz["passes"] / quiz["attempts"])
        this_week += quiz["this_week"]
    return Headline(
        learners=learners().count(),
        attempts_this_week=this_week,
        mean_pass_rate=figures.share(sum(rates), len(rates)),
        certificates=Certificate.objects.filter(learner__in=learners()).count(),
    )
