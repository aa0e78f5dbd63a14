from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from course.lessons.content_version import content_version
from course.lessons.privacy import require_page_access
from course.operations.versioned import versioned_value

from .attempts import (
    RetakeTooSoon,
    attempt_form,
    attempt_paper,
    is_expired,
    next_attempt_at,
    open_attempt,
    save_draft,
    submit_attempt,
    submit_expired,
)
from .models import Attempt, Quiz
from .panels import quiz_with_page
from .polls import poll_distributions
from .question_types import correct_answer_text, given_answer_text

SHOWN_QUESTIONS_SECONDS = 60 * 60
UNEXPECTED_FIELDS = gettext_lazy("The form held fields this quiz does not have. Reload the page and try again.")
TIMED_OUT = gettext_lazy("Time ran out before this attempt was submitted: it was graded on the answers saved by then.")


def _own_attempt(request, attempt_id):
    # Another learner's attempt is indistinguishable from one that does not exist.
    attempt = get_object_or_404(Attempt, pk=attempt_id, learner=request.user)
    # The quiz and its page from the content cache: joining them in costs more to compose than to run.
    attempt.quiz = quiz_with_page(attempt.quiz_id)
    attempt.learner = request.user  # already loaded: grading's receivers need not read it again
    require_page_access(request, attempt.quiz.page)
    return attempt


def _quiz_page(request, quiz, status=200, too_soon=None):
    attempts = list(Attempt.objects.filter(quiz=quiz, learner=request.user).order_by("-started_at")[:50])
    submitted = [attempt for attempt in attempts if attempt.is_submitted]
    open_one = next((a for a in attempts if not a.is_submitted and not is_expired(a)), None)
    return TemplateResponse(
        request,
        "quiz/quiz_detail.html",
        {
            "quiz": quiz,
            "question_count": quiz.draw_count or quiz.questions.count(),
            "open_attempt": open_one,
            "submitted_attempts": submitted,
            "best_score": max((a.score for a in submitted), default=None),
            "next_attempt_at": None if open_one else next_attempt_at(request.user, quiz),
            "too_soon": too_soon,
            "retake_minutes": int(quiz.retake_interval.total_seconds() // 60),
        },
        status=status,
    )


def _live_quiz(request, quiz_id):
    """The quiz (from the content cache, as `_own_attempt` reads it) if its page is live and
    the learner may see it; 404 otherwise."""
    try:
        quiz = quiz_with_page(quiz_id)
    except Quiz.DoesNotExist:
        raise Http404 from None
    if not quiz.page.live:
        raise Http404
    require_page_access(request, quiz.page)
    return quiz


@login_required
def quiz_detail(request, quiz_id):
    return _quiz_page(request, _live_quiz(request, quiz_id))


@login_required
@require_POST
def start_attempt(request, quiz_id):
    quiz = _live_quiz(request, quiz_id)
    try:
        attempt = open_attempt(request.user, quiz)
    except RetakeTooSoon as wait:
        # Enforced here, not only by the page's button: a forged POST gets no new paper.
        return _quiz_page(request, quiz, status=429, too_soon=wait.available_at)
    return redirect("quiz:take", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
def take_attempt(request, attempt_id):
    """The quiz form: submit (graded as sent, also within the grace period after the deadline) or,
    with action=save, keep the answers as a draft and leave (the no-JavaScript autosave)."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        if request.method == "POST":
            messages.info(request, _("This attempt was already submitted; here is its result."))
        return redirect("quiz:review", attempt_id=attempt.pk)
    if is_expired(attempt):
        submit_expired(attempt)
        messages.warning(request, TIMED_OUT)
        return redirect("quiz:review", attempt_id=attempt.pk)
    if request.method == "GET":
        return _take_page(request, attempt, shown_questions(request, attempt))

    paper, _questions = attempt_paper(attempt)
    saving = request.POST.get("action") == "save"
    form = attempt_form(attempt, paper, request.POST, draft=saving)
    if form.unexpected_fields():
        return HttpResponseBadRequest(UNEXPECTED_FIELDS)
    if form.is_valid() and saving:
        if save_draft(attempt, form.posted_values()):
            messages.success(request, _("Your answers are saved. This attempt stays open until you submit it."))
        return redirect("quiz:detail", quiz_id=attempt.quiz_id)
    if form.is_valid():
        if not submit_attempt(attempt, form.answers(), confidence=form.confidence()):
            messages.info(request, _("This attempt was already submitted; here is its result."))
        return redirect("quiz:review", attempt_id=attempt.pk)
    rows = form.questions
    return _take_page(request, attempt, _questions_shown(rows), form=form, rows=rows)


def _questions_shown(rows):
    html = render_to_string("quiz/includes/attempt_questions.html", {"questions": rows})
    return {"html": html, "count": len(rows)}


def shown_questions(request, attempt):
    """The attempt's questions as the take page shows them, with the saved draft filled in. The
    paper and its seed are fixed when the attempt opens, so they change only with the draft
    (draft_saved_at): kept under the learner, the attempt, its seed, the draft's time and the
    content version, a reload renders none of them."""
    saved = attempt.draft_saved_at.isoformat() if attempt.draft_saved_at else "none"
    key = f"attempt-questions:{request.user.pk}:{attempt.pk}:{attempt.seed}:{saved}:{content_version()}"

    def render():
        paper, _questions = attempt_paper(attempt)
        return _questions_shown(attempt_form(attempt, paper).questions)

    return versioned_value(key, render, SHOWN_QUESTIONS_SECONDS)


def _take_page(request, attempt, shown, form=None, rows=()):
    return TemplateResponse(
        request,
        "quiz/take_attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "form": form,
            "questions": rows,  # with their errors, after a refused submission
            "questions_html": shown["html"],
            "question_count": shown["count"],
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def autosave(request, attempt_id):
    """Saves the answers given so far as the open attempt's draft (the page's script posts the
    whole form on each change). JSON: 200 saved, 400 a value the form did not offer (nothing
    stored), 404 not this learner's attempt, 409 the attempt is closed."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted or is_expired(attempt):
        closed = _("This attempt is closed: see its result.")
        return JsonResponse({"message": closed, "url": reverse("quiz:take", args=[attempt.pk])}, status=409)
    paper, _questions = attempt_paper(attempt)
    form = attempt_form(attempt, paper, request.POST, draft=True)
    if form.unexpected_fields():
        return JsonResponse({"message": str(UNEXPECTED_FIELDS)}, status=400)
    if not form.is_valid():
        numbers = {presented.field_name: presented.number for presented in paper}
        problems = [
            _("Question %(n)s: %(error)s") % {"n": numbers.get(name.split("-")[0], "?"), "error": " ".join(errors)}
            for name, errors in form.errors.items()
        ]
        return JsonResponse({"message": " ".join(problems)}, status=400)
    if not save_draft(attempt, form.posted_values()):
        return JsonResponse({"message": _("This attempt is closed: see its result.")}, status=409)
    return JsonResponse({"saved_at": attempt.draft_saved_at.isoformat()})


def reviewed_paper(attempt, show_answers=True):
    """A submitted attempt's questions in the order taken, each with the answer given,
    its credit and confidence, the right answer (unless `show_answers` is false: then
    it is left out) and (polls) the distribution the attempt's learner may see: what
    quiz/includes/review_list.html shows."""
    paper, questions = attempt_paper(attempt)
    responses = {response.question_id: response for response in attempt.responses.all()}
    polls = poll_distributions(questions.values(), viewer=attempt.learner)
    for presented in paper:
        response = responses.get(presented.question.pk)
        presented.credit = response.credit if response else 0
        presented.confidence = response.confidence if response else ""
        presented.poll = polls.get(presented.question.pk)
        presented.given = given_answer_text(presented.question, response.answer if response else None)
        presented.show_answers = show_answers
        presented.correct = correct_answer_text(presented.question) if show_answers else []
    return paper


@login_required
def review_attempt(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect("quiz:take", attempt_id=attempt.pk)
    history = list(
        Attempt.objects.filter(learner=request.user, quiz=attempt.quiz, submitted_at__isnull=False).order_by(
            "-submitted_at"
        )[:50]
    )
    # Module quizzes keep their key until passed: right/wrong and the section link are shown,
    # the correct answer and the explanation (which usually states it) are not.
    show_answers = attempt.quiz.shows_answers(any(a.passed for a in history), len(history))
    paper = reviewed_paper(attempt, show_answers)
    return TemplateResponse(
        request,
        "quiz/review_attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "paper": paper,
            "history": history,
            "show_answers": show_answers,
            "next_attempt_at": next_attempt_at(request.user, attempt.quiz),
        },
    )
