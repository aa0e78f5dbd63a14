from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from course.lessons.models import LessonPage
from course.lessons.privacy import require_page_access

from .dashboard import learner_record
from .learner_version import request_learner_version
from .models import Certificate, LessonCompletion
from .receivers import issue_certificate_if_complete, lock_learner


@login_required
def dashboard(request):
    record = learner_record(request.user, request_learner_version(request))
    return TemplateResponse(request, "progress/dashboard.html", {"record": record})


@login_required
@require_POST
def mark_read(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    require_page_access(request, lesson)
    if lesson.quizzes.exists():
        messages.info(request, _("This lesson is completed by passing its check."))
    else:
        with transaction.atomic():
            lock_learner(request.user.pk)
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
        {"name": certificate.name or certificate.learner.name_for_display, "issued_at": certificate.issued_at},
    )
