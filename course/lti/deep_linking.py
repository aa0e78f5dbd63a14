"""Deep linking: an instructor launched from the LMS's "add activity / external tool" screen
picks lessons, modules and quizzes; the tool answers with a deep-linking response signed by
PyLTI1p3's DeepLink (its key, the platform as audience), one LTI resource link per pick whose
custom parameter `target` opens it. A quiz's link asks the LMS for a gradebook column."""

from urllib.parse import urlsplit

from django.contrib.auth import login
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pylti1p3.deep_link import DeepLink
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.lineitem import LineItem as PlatformLineItem

from course.lessons.models import LessonPage, ModulePage
from course.quiz.models import Quiz

from . import framing
from .errors import launch_error
from .launch import CLAIM, account_for, class_for, is_context_instructor
from .models import LTIPlatform
from .tool_config import registration_for

SESSION_KEY = "lti_deep_link"
DL_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"


def start_deep_linking(request, lti_launch, platform, claims):
    if not is_context_instructor(claims.get(CLAIM + "roles")):
        return launch_error(request, _("Only an instructor of the LMS course can add course links."), 403)
    with transaction.atomic():
        user = account_for(platform.issuer, claims["sub"], claims)
        lti_context = class_for(platform, claims)
        if lti_context is not None:
            lti_context.course_class.instructors.add(user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    framing.remember_platform(request, platform)
    request.session[SESSION_KEY] = {
        "platform": platform.pk,
        "deployment_id": claims[CLAIM + "deployment_id"],
        "settings": claims[DL_SETTINGS],
    }
    return HttpResponseRedirect(reverse("lti:deep_link"))


def course_outline():
    """Modules, each with its lessons, each with its quizzes: three queries."""
    modules = list(ModulePage.objects.live().order_by("path"))
    lessons = {module.path: [] for module in modules}
    for lesson in LessonPage.objects.live().order_by("path"):
        lessons.get(lesson.path[: -LessonPage.steplen], []).append(lesson)
    lesson_ids = [lesson.pk for group in lessons.values() for lesson in group]
    quizzes = {}
    for quiz in Quiz.objects.filter(page_id__in=lesson_ids).order_by("pk"):
        quizzes.setdefault(quiz.page_id, []).append(quiz)
    return [
        {
            "module": module,
            "lessons": [{"lesson": lesson, "quizzes": quizzes.get(lesson.pk, [])} for lesson in lessons[module.path]],
        }
        for module in modules
    ]


def _choices(outline):
    """{"kind:id": title} of everything the form offers: anything else is refused."""
    offered = {}
    for entry in outline:
        offered[f"module:{entry['module'].pk}"] = entry["module"].title
        for item in entry["lessons"]:
            offered[f"lesson:{item['lesson'].pk}"] = item["lesson"].title
            for quiz in item["quizzes"]:
                offered[f"quiz:{quiz.pk}"] = quiz.title
    return offered


def resource_for(request, target, title):
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti:launch")))
        .set_title(title)
        .set_custom_params({"target": target})
    )
    if target.startswith("quiz:"):
        resource.set_lineitem(
            PlatformLineItem().set_tag(f"quiz-{target.split(':')[1]}").set_label(title).set_score_maximum(100)
        )
    return resource


@require_http_methods(["GET", "POST"])
def pick(request):
    pending = request.session.get(SESSION_KEY)
    if not pending or not request.user.is_authenticated:
        return launch_error(
            request, _("Open “add a course link” from your LMS again: this page needs that launch."), 400
        )
    outline = course_outline()
    offered = _choices(outline)
    picked = request.POST.getlist("item") if request.method == "POST" else []
    error = ""
    if request.method == "POST":
        unknown = [item for item in picked if item not in offered]
        if not picked or unknown:
            error = _("Choose at least one lesson, module or quiz from the list.")
        else:
            platform = LTIPlatform.objects.filter(pk=pending["platform"]).first()
            if platform is None:
                return launch_error(request, _("This LMS is not registered with the course site."), 403)
            deep_link = DeepLink(registration_for(platform), pending["deployment_id"], pending["settings"])
            token = deep_link.get_response_jwt([resource_for(request, item, offered[item]) for item in picked])
            del request.session[SESSION_KEY]
            return_url = pending["settings"]["deep_link_return_url"]
            response = render(request, "lti/deep_link_return.html", {"return_url": return_url, "token": token})
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(return_url))
            response._csp_update = {"form-action": [origin]}  # django-csp: this response may post there
            return response
    status = 400 if error else 200
    return render(request, "lti/deep_link.html", {"outline": outline, "picked": picked, "error": error}, status=status)
