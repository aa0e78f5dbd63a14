from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from course.lessons.models import LessonPage
from course.quiz.models import Attempt, Confidence, Response

from .models import Certificate, LessonCompletion
from .receivers import issue_certificate_if_complete
from .standing import learner_progress


def missed_questions(learner):
    """Questions not fully right in the learner's best attempt at each quiz: two queries."""
    best = {}
    for attempt in Attempt.objects.filter(learner=learner, submitted_at__isnull=False).only(
        "id", "quiz_id", "score", "submitted_at"
    ):
        current = best.get(attempt.quiz_id)
        if current is None or (attempt.score, attempt.submitted_at) > (current.score, current.submitted_at):
            best[attempt.quiz_id] = attempt
    if not best:
        return []
    responses = (
        Response.objects.filter(attempt_id__in=[a.pk for a in best.values()], credit__lt=1)
        .select_related("question", "question__section_page", "attempt__quiz")
        .order_by("attempt__quiz_id", "question__sort_order")
    )
    # Confident-but-wrong first: a misconception is worth more attention than a guess.
    return sorted(responses, key=lambda response: response.confidence != Confidence.SURE)


@login_required
def dashboard(request):
    progress = learner_progress(request.user)
    certificate = Certificate.objects.filter(learner=request.user).first()
    if progress.complete and certificate is None:
        certificate = issue_certificate_if_complete(request.user)
    history = list(
        Attempt.objects.filter(learner=request.user, submitted_at__isnull=False)
        .select_related("quiz")
        .order_by("-submitted_at")[:20]
    )
    return TemplateResponse(
        request,
        "progress/dashboard.html",
        {
            "progress": progress,
            "certificate": certificate,
            "history": history,
            "to_review": missed_questions(request.user),
        },
    )


@login_required
@require_POST
def mark_read(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if lesson.quizzes.exists():
        messages.info(request, _("This lesson is completed by passing its check."))
    else:
        LessonCompletion.objects.get_or_create(
            learner=request.user, lesson=lesson, defaults={"via": LessonCompletion.Via.READ}
        )
        issue_certificate_if_complete(request.user)
        messages.success(request, _("Lesson marked as read."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = lesson.url
    return redirect(next_url)


@login_required
def certificate(request):
    certificate = Certificate.objects.filter(learner=request.user).first()
    if certificate is None:
        raise Http404(_("No certificate yet: complete every module first."))
    return TemplateResponse(request, "progress/certificate.html", {"certificate": certificate, "learner": request.user})


def verify_certificate(request, code):
    # Public: shows only the name, the course and the date.
    certificate = get_object_or_404(Certificate.objects.select_related("learner"), code=code)
    return TemplateResponse(
        request,
        "progress/verify_certificate.html",
        {"name": certificate.learner.name_for_display, "issued_at": certificate.issued_at},
    )
