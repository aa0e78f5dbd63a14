"""The learner's side of classes, on the public site: join by link or code, leave,
and choose the time zone due dates are shown in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.users.models import UserProfile

from course.progress.standing import progress_for_request

from .forms import JoinCodeForm, TimeZoneForm
from .joining import JoinRefused, class_for_code, join, leave
from .learner_side import due_items, learner_zone, memberships_of
from .models import CourseClass


def _my_classes(request, join_form=None, zone_form=None, status=200):
    zone = learner_zone(request.user)
    return TemplateResponse(
        request,
        "classes/my_classes.html",
        {
            "memberships": memberships_of(request.user),
            "due": due_items(request.user, progress_for_request(request), zone),
            "join_form": join_form or JoinCodeForm(),
            "zone_form": zone_form or TimeZoneForm(initial={"time_zone": zone.key}),
        },
        status=status,
    )


@login_required
def my_classes(request):
    return _my_classes(request)


def _joined(request, course_class):
    _membership, created = join(request.user, course_class)
    if created:
        messages.success(request, _("You joined the class “%(name)s”.") % {"name": course_class.name})
    else:
        messages.info(request, _("You are already in the class “%(name)s”.") % {"name": course_class.name})
    return redirect("classes:mine")


@login_required
@require_POST
def join_by_code(request):
    form = JoinCodeForm(request.POST)
    if form.is_valid():
        try:
            return _joined(request, class_for_code(form.cleaned_data["code"]))
        except JoinRefused as refusal:
            form.add_error("code", str(refusal))
    return _my_classes(request, join_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def join_by_link(request, code):
    try:
        course_class = class_for_code(code)
    except JoinRefused as refusal:
        return TemplateResponse(request, "classes/join_refused.html", {"reason": str(refusal)}, status=404)
    if request.method == "POST":
        return _joined(request, course_class)
    already = course_class.memberships.filter(learner=request.user).exists()
    return TemplateResponse(request, "classes/join.html", {"course_class": course_class, "already": already})


@login_required
@require_POST
def leave_class(request, class_id):
    course_class = get_object_or_404(CourseClass, pk=class_id, memberships__learner=request.user)
    leave(request.user, course_class)
    messages.success(
        request, _("You left the class “%(name)s”. Your own progress is unchanged.") % {"name": course_class.name}
    )
    return redirect("classes:mine")


@login_required
@require_POST
def set_time_zone(request):
    form = TimeZoneForm(request.POST)
    if not form.is_valid():
        return _my_classes(request, zone_form=form, status=400)
    profile = UserProfile.get_for_user(request.user)
    profile.current_time_zone = form.cleaned_data["time_zone"]
    profile.save(update_fields=["current_time_zone"])
    messages.success(request, _("Due dates are now shown in %(zone)s.") % {"zone": profile.current_time_zone})
    return redirect("classes:mine")
