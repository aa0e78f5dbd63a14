from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .answers import correct_answer_text, given_answer_text, prepare_form, read_answers
from .attempts import attempt_paper, is_expired, open_attempt, submit_attempt
from .models import Attempt, Quiz, QuizKind
from .polls import poll_distributions


def _own_attempt(request, attempt_id):
    # Another learner's attempt is indistinguishable from one that does not exist.
    attempt = get_object_or_404(
        Attempt.objects.select_related("quiz", "quiz__page"), pk=attempt_id, learner=request.user
    )
    attempt.learner = request.user  # already loaded: grading's receivers need not read it again
    return attempt


@login_required
def quiz_detail(request, quiz_id):
    quiz = get_object_or_404(Quiz.objects.select_related("page"), pk=quiz_id, page__live=True)
    attempts = list(Attempt.objects.filter(quiz=quiz, learner=request.user).order_by("-started_at")[:50])
    submitted = [attempt for attempt in attempts if attempt.is_submitted]
    return TemplateResponse(
        request,
        "quiz/quiz_detail.html",
        {
            "quiz": quiz,
            "question_count": quiz.draw_count or quiz.questions.count(),
            "open_attempt": next((a for a in attempts if not a.is_submitted and not is_expired(a)), None),
            "submitted_attempts": submitted,
            "best_score": max((a.score for a in submitted), default=None),
        },
    )


@login_required
@require_POST
def start_attempt(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id, page__live=True)
    attempt = open_attempt(request.user, quiz)
    return redirect("quiz:take", attempt_id=attempt.pk)


@login_required
@require_http_methods(["GET", "POST"])
def take_attempt(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        if request.method == "POST":
            messages.info(request, _("This attempt was already submitted; here is its result."))
        return redirect("quiz:review", attempt_id=attempt.pk)
    if is_expired(attempt):
        submit_attempt(attempt, {}, timed_out=True)
        messages.warning(request, _("Time ran out before this attempt was submitted, so it scored no points."))
        return redirect("quiz:review", attempt_id=attempt.pk)

    paper, _questions = attempt_paper(attempt)
    errors, submitted_data = {}, None
    # Lesson checks are for learning: the learner may say how sure they are of each answer.
    with_confidence = attempt.quiz.kind == QuizKind.LESSON_CHECK
    if request.method == "POST":
        result = read_answers(paper, request.POST, with_confidence=with_confidence)
        if result.unexpected_fields:
            return HttpResponseBadRequest(
                _("The form held fields this quiz does not have. Reload the page and try again.")
            )
        if result.ok:
            if not submit_attempt(attempt, result.answers, confidence=result.confidence):
                messages.info(request, _("This attempt was already submitted; here is its result."))
            return redirect("quiz:review", attempt_id=attempt.pk)
        errors, submitted_data = result.errors, request.POST
    prepare_form(paper, errors, submitted_data, with_confidence)
    return TemplateResponse(
        request,
        "quiz/take_attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "paper": paper,
            "errors": errors,
            "data": submitted_data,
        },
        status=400 if errors else 200,
    )


def reviewed_paper(attempt):
    """A submitted attempt's questions in the order taken, each with the answer given,
    its credit and confidence, the right answer and (polls) the distribution the
    attempt's learner may see: what quiz/includes/review_list.html shows."""
    paper, questions = attempt_paper(attempt)
    responses = {response.question_id: response for response in attempt.responses.all()}
    polls = poll_distributions(questions.values(), viewer=attempt.learner)
    for presented in paper:
        response = responses.get(presented.question.pk)
        presented.credit = response.credit if response else 0
        presented.confidence = response.confidence if response else ""
        presented.poll = polls.get(presented.question.pk)
        presented.given = given_answer_text(presented.question, response.answer if response else None)
        presented.correct = correct_answer_text(presented.question)
    return paper


@login_required
def review_attempt(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect("quiz:take", attempt_id=attempt.pk)
    paper = reviewed_paper(attempt)
    history = Attempt.objects.filter(learner=request.user, quiz=attempt.quiz, submitted_at__isnull=False).order_by(
        "-submitted_at"
    )[:50]
    return TemplateResponse(
        request,
        "quiz/review_attempt.html",
        {"attempt": attempt, "quiz": attempt.quiz, "paper": paper, "history": history},
    )
