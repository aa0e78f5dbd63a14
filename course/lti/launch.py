"""What a verified launch does on this site: the account, the class, the page.

Everything a launch writes happens in one transaction, after PyLTI1p3 has verified the
id_token, and after the target page is found: a launch that fails writes nothing."""

import hashlib
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from course.classes.models import CourseClass, Membership
from course.lessons.models import CourseHomePage, LessonPage, ModulePage
from course.quiz.models import Quiz

from .models import LineItem, LTIAccount, LTIContext

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
MEMBERSHIP_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership"
TARGET_PARAMETER = "target"  # the resource link's custom parameter: lesson:<id>, module:<id> or quiz:<id>


class LaunchRefused(Exception):
    """A launch that verified but that this site cannot serve: a clear message, a 4xx."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def is_context_instructor(roles):
    """Instructor in this LMS course: the membership role Instructor or one of its sub-roles
    (teaching assistant, grader...). Institution-wide roles (faculty, administrator) do not
    make one the instructor of a course."""
    return any(
        role in (f"{MEMBERSHIP_ROLE}#Instructor", "Instructor") or role.startswith(f"{MEMBERSHIP_ROLE}/Instructor#")
        for role in roles or []
    )


def find_target(claims):
    """The page or quiz a resource link opens: (page or None, quiz or None)."""
    target = (claims.get(CLAIM + "custom") or {}).get(TARGET_PARAMETER, "")
    if target:
        return _target_from_parameter(target)
    return _target_from_uri(claims.get(CLAIM + "target_link_uri", ""))


def _target_from_parameter(target):
    kind, _sep, identifier = target.partition(":")
    models = {"lesson": LessonPage, "module": ModulePage}
    if not identifier.isdigit() or kind not in (*models, "quiz"):
        raise LaunchRefused(_("This link names no lesson, module or quiz of the course (“%s”).") % target)
    if kind == "quiz":
        quiz = Quiz.objects.select_related("page").filter(pk=identifier, page__live=True).first()
        if quiz is None:
            raise LaunchRefused(_("The quiz this link opens is no longer in the course."), status=404)
        return None, quiz
    page = models[kind].objects.live().filter(pk=identifier).first()
    if page is None:
        raise LaunchRefused(_("The page this link opens is no longer in the course."), status=404)
    return page, None


def _target_from_uri(uri):
    """A link made by hand in the LMS: its target link URI is the address of a page or quiz here."""
    path = urlsplit(uri).path or "/"
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    if match and match.url_name == "detail" and match.namespace == "quiz":
        return _target_from_parameter(f"quiz:{match.kwargs['quiz_id']}")
    home = CourseHomePage.objects.live().first()
    if home is not None and path != "/":
        url_path = home.url_path + path.lstrip("/")
        url_path = url_path if url_path.endswith("/") else url_path + "/"
        for model in (LessonPage, ModulePage):
            page = model.objects.live().filter(url_path=url_path).first()
            if page is not None:
                return page, None
    # The launch URL itself (or the course's home): open the course.
    return home, None


def _username_for(issuer, subject):
    return "lti-" + hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:20]


def account_for(issuer, subject, claims=None):
    """The site account linked to (issuer, subject), made on first launch. Never matched by
    e-mail: the address is recorded only if no other account has it."""
    link = LTIAccount.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    if link is not None:
        return link.user
    claims = claims or {}
    User = get_user_model()
    email = (claims.get("email") or "")[:254]
    if email and User.objects.filter(email__iexact=email).exists():
        email = ""
    user = User(
        username=_username_for(issuer, subject),
        first_name=(claims.get("given_name") or "")[:150],
        last_name=(claims.get("family_name") or "")[:150],
        display_name=(claims.get("name") or "")[:120],
        email=email,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
            LTIAccount.objects.create(issuer=issuer, subject=subject, user=user)
    except IntegrityError:
        # The same person's second launch, at the same moment: the first made the account.
        return LTIAccount.objects.select_related("user").get(issuer=issuer, subject=subject).user
    return user


def class_for(platform, claims):
    """The class of the LMS course the launch came from (made on first launch); None when the
    launch names no course."""
    context = claims.get(CLAIM + "context") or {}
    if not context.get("id"):
        return None
    deployment_id = claims[CLAIM + "deployment_id"]
    services = {
        "memberships_url": (claims.get(NRPS_CLAIM) or {}).get("context_memberships_url", ""),
        "lineitems_url": (claims.get(AGS_CLAIM) or {}).get("lineitems", ""),
        "ags_scopes": (claims.get(AGS_CLAIM) or {}).get("scope", []),
    }
    lti_context = (
        LTIContext.objects.select_related("course_class")
        .filter(issuer=platform.issuer, deployment_id=deployment_id, context_id=context["id"])
        .first()
    )
    if lti_context is None:
        name = context.get("title") or context.get("label") or _("LMS course %s") % context["id"]
        course_class = CourseClass.objects.create(name=name[:120])
        lti_context = LTIContext.objects.create(
            platform=platform,
            issuer=platform.issuer,
            deployment_id=deployment_id,
            context_id=context["id"],
            course_class=course_class,
            **services,
        )
    else:
        # The LMS may move its service endpoints: keep the latest it announced.
        changed = {field: value for field, value in services.items() if value and getattr(lti_context, field) != value}
        if changed:
            LTIContext.objects.filter(pk=lti_context.pk).update(**changed)
            for field, value in changed.items():
                setattr(lti_context, field, value)
    return lti_context


def join(lti_context, user, roles):
    course_class = lti_context.course_class
    if is_context_instructor(roles):
        course_class.instructors.add(user)
    else:
        Membership.objects.get_or_create(course_class=course_class, learner=user)


def record_line_item(lti_context, quiz, claims):
    """The gradebook column for a quiz launched with grade services: the LMS's own for this
    link if it gave one; else the grade job (grades.py) finds or makes one in the LMS."""
    endpoint = claims.get(AGS_CLAIM) or {}
    can_create = any(scope.endswith("/scope/lineitem") for scope in endpoint.get("scope", []))
    if lti_context is None or quiz is None or not (endpoint.get("lineitem") or can_create):
        return None
    link_id = (claims.get(CLAIM + "resource_link") or {}).get("id", "")
    line_item, created = LineItem.objects.get_or_create(
        context=lti_context, quiz=quiz, resource_link_id=link_id, defaults={"url": endpoint.get("lineitem", "")}
    )
    if not created and endpoint.get("lineitem") and line_item.url != endpoint["lineitem"]:
        line_item.url = endpoint["lineitem"]
        line_item.save(update_fields=["url"])
    return line_item


@transaction.atomic
def apply_launch(platform, claims):
    """Sign-in data for a verified resource-link launch: (user, lti_context, page, quiz)."""
    page, quiz = find_target(claims)
    if page is None and quiz is None:
        raise LaunchRefused(_("The course has no pages yet."), status=404)
    user = account_for(platform.issuer, claims["sub"], claims)
    if not user.is_active:
        raise LaunchRefused(_("This account is disabled on the course site."), status=403)
    lti_context = class_for(platform, claims)
    if lti_context is not None:
        join(lti_context, user, claims.get(CLAIM + "roles"))
        record_line_item(lti_context, quiz, claims)
    return user, lti_context, page, quiz
