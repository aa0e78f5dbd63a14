"""The review page: due cards one at a time. Answers here move cards between
Leitner boxes and never touch quiz attempts, scores or completion."""

import secrets
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from course.lessons.privacy import require_page_access
from course.quiz.attempts import questions_with_choices
from course.quiz.forms import PaperForm
from course.quiz.paper import build_paper
from course.quiz.question_types import correct_answer_text, given_answer_text, grade_answer

from .leitner import INTERVALS, is_due, schedule
from .models import ReviewCard
from .queue import bump_cards_version, due_reviews, forget_due_reviews, today

OUTCOME_SESSION_KEY = "review-outcome"


def card_paper(card):
    """The card's question as a one-question paper: opaque tokens seeded by the card."""
    questions = questions_with_choices(card.question.quiz_id, [card.question_id])
    return build_paper(SimpleNamespace(seed=card.seed, question_ids=[card.question_id]), questions, True)


def _render_card(request, card, form, due_count, status=200):
    return TemplateResponse(
        request,
        "review/review_card.html",
        {"card": card, "row": form.questions[0], "due_count": due_count},
        status=status,
    )


@login_required
def review(request):
    queue = due_reviews(request)
    if not queue.cards:
        # A retired question's card rests: it never comes back, so it is not "next".
        upcoming = (
            ReviewCard.objects.filter(learner=request.user, question__retired=False, due_on__gt=today())
            .order_by("due_on")
            .first()
        )
        return TemplateResponse(request, "review/review_empty.html", {"upcoming": upcoming})
    card = queue.cards[0]
    paper = card_paper(card)
    if not paper:  # pragma: no cover - the card's question cascades with it
        card.delete()
        return redirect("review:next")
    return _render_card(request, card, PaperForm(paper), queue.total)


@login_required
@require_http_methods(["POST"])
def answer_card(request, card_id):
    card = get_object_or_404(ReviewCard.objects.select_related("question"), pk=card_id, learner=request.user)
    require_page_access(request, lambda: card.question.quiz.page_id)
    on = today()
    if not is_due(card.due_on, on):
        messages.info(request, _("That card was already answered; it comes back on %(date)s.") % {"date": card.due_on})
        return redirect("review:next")
    paper = card_paper(card)
    form = PaperForm(paper, request.POST)
    if form.unexpected_fields():
        return HttpResponseBadRequest(_("The form held fields this question does not have. Reload the page."))
    presented = paper[0]
    question = presented.question
    if form.is_valid() and form.answers().get(question.pk) is None:
        form.add_error(presented.field_name, _("Give an answer before checking it."))
    if form.errors:
        return _render_card(request, card, form, due_reviews(request).total, status=400)
    answer = form.answers()[question.pk]
    credit = grade_answer(question, answer)
    right = credit >= 1
    box, due_on = schedule(card.box, right, on)
    # Conditional on the card as shown, so a double submit moves it once.
    moved = ReviewCard.objects.filter(pk=card.pk, box=card.box, due_on=card.due_on, seed=card.seed).update(
        box=box,
        due_on=due_on,
        seed=secrets.randbits(62),
        last_reviewed_at=timezone.now(),
        confident_miss=card.confident_miss and not right,
    )
    if not moved:
        messages.info(request, _("That card was already answered."))
        return redirect("review:next")
    bump_cards_version(request.user.pk)  # an update() sends no post_save
    forget_due_reviews(request)
    request.session[OUTCOME_SESSION_KEY] = {
        "card": card.pk,
        "credit": credit,
        "given": given_answer_text(question, answer),
    }
    return redirect("review:outcome", card_id=card.pk)


@login_required
def card_outcome(request, card_id):
    card = get_object_or_404(ReviewCard.objects.select_related("question"), pk=card_id, learner=request.user)
    require_page_access(request, lambda: card.question.quiz.page_id)
    outcome = request.session.get(OUTCOME_SESSION_KEY)
    if not outcome or outcome.get("card") != card.pk:
        return redirect("review:next")
    question = questions_with_choices(card.question.quiz_id, [card.question_id])[card.question_id]
    # Cards queued before a quiz kept its key: its answers still only show where the quiz's do.
    show_answers = card.question.quiz.shows_answers_at_once
    return TemplateResponse(
        request,
        "review/review_outcome.html",
        {
            "card": card,
            "question": question,
            "right": outcome["credit"] >= 1,
            "credit": outcome["credit"],
            "given": outcome["given"],
            "correct": correct_answer_text(question) if show_answers else [],
            "show_answers": show_answers,
            "days": INTERVALS.get(card.box),
            "due_count": due_reviews(request).total,
        },
    )
