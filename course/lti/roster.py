"""Roster sync (Names and Role Provisioning Services): an instructor of a class made by an
LTI launch fetches the LMS course's members and adds them to the class, each as the account
linked to (issuer, their user id), made if new. Members the LMS marks inactive or deleted are
left out; nobody is removed (a learner may have joined the class another way)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

import requests
from pylti1p3.exception import LtiException, LtiServiceException
from pylti1p3.names_roles import NamesRolesProvisioningService
from pylti1p3.service_connector import ServiceConnector

from course.classes.models import CourseClass

from .launch import account_for, join
from .tool_config import registration_for


def fetch_members(lti_context):
    connector = ServiceConnector(registration_for(lti_context.platform))
    service = NamesRolesProvisioningService(connector, {"context_memberships_url": lti_context.memberships_url})
    return service.get_members()


@transaction.atomic
def add_members(lti_context, members):
    added = 0
    for member in members:
        if member.get("status", "Active") != "Active" or not member.get("user_id"):
            continue
        user = account_for(lti_context.issuer, str(member["user_id"]), member)
        before = lti_context.course_class.memberships.count() + lti_context.course_class.instructors.count()
        join(lti_context, user, member.get("roles"))
        added += lti_context.course_class.memberships.count() + lti_context.course_class.instructors.count() - before
    return added


@require_http_methods(["GET", "POST"])
def class_roster(request, class_id):
    course_class = get_object_or_404(
        CourseClass.objects.taught_by(request.user).select_related("lti_context__platform"),
        pk=class_id,
        lti_context__isnull=False,
    )
    lti_context = course_class.lti_context
    if request.method == "POST":
        if not lti_context.memberships_url:
            messages.error(request, _("The LMS did not offer its roster service for this course."))
        else:
            try:
                members = fetch_members(lti_context)
            except (LtiException, LtiServiceException, requests.RequestException):
                messages.error(request, _("The LMS did not answer with its roster. Nothing changed; try again later."))
            else:
                added = add_members(lti_context, members)
                messages.success(request, _("Roster synced: %(added)d added, %(total)d in the LMS course.") % {
                    "added": added, "total": len(members)})  # fmt: skip
        return redirect("lti:roster", class_id=course_class.pk)
    return render(
        request,
        "lti/roster.html",
        {
            "course_class": course_class,
            "lti_context": lti_context,
            "learners": course_class.memberships.select_related("learner").order_by("learner__username"),
        },
    )
