"""The panels pages show from other apps: the learner's lesson status, a quiz panel,
a capstone panel and the reviews due. Templates of lessons and progress load
these; the apps that own the data never import one another for them
(docs/architecture.md)."""

from django import template
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from course.capstone.models import capstone_of_page
from course.lessons.content_version import cached_content, content_version
from course.lessons.navigation import course_navigation
from course.operations.versioned import versioned_value
from course.progress.dashboard import learner_record
from course.progress.learner_version import request_learner_version
from course.progress.rules import NO_RECORD
from course.progress.standing import progress_for_request
from course.quiz.models import QuizKind
from course.quiz.panels import quiz_of_page
from course.review.queue import QUEUE_SECONDS, due_reviews, queue_key

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context):
    """The signed-in learner's progress, computed once per request (None for visitors)."""
    return progress_for_request(context["request"])


@register.simple_tag(takes_context=True)
def learner_overview(context):
    """The dashboard's overview (percent, course complete, new material since the
    certificate, continue), so the home page never tells a different story."""
    request = context["request"]
    return learner_record(request.user, request_learner_version(request))["overview"]


# Stands for the request's CSRF token in the learner's panels as they are kept (their forms post).
CSRF_TOKEN_SLOT = "csrf-token-slot-5b1f0c2e"  # noqa: S105 - a placeholder, not a secret
PANEL_SECONDS = 24 * 60 * 60


def _learner_panel(context, name, render):
    """A panel showing the learner's own records on a page (their lesson status, the quiz panel):
    rendered once and kept under the learner's version (bumped by receivers on every write of
    their attempts, completions and visits), the content version and the page's path, so a warm
    page renders none of it. Its forms' CSRF token is put in for each request. Visitors and
    previews get it rendered afresh."""
    request = context["request"]
    user = request.user
    if not user.is_authenticated or getattr(request, "is_preview", False):
        return render(context.get("csrf_token"))
    key = f"panel:{name}:{user.pk}:{request_learner_version(request)}:{content_version()}:{request.path}"
    html = versioned_value(key, lambda: render(CSRF_TOKEN_SLOT), PANEL_SECONDS)
    if CSRF_TOKEN_SLOT in html:
        # The page's own token (the context's, worked out once for all its forms), else the request's.
        token = str(context.get("csrf_token") or get_token(request))
        html = mark_safe(html.replace(CSRF_TOKEN_SLOT, token))  # noqa: S308 - a token of [a-zA-Z0-9]
    return html


@register.simple_tag(takes_context=True)
def lesson_status(context, lesson):
    request = context["request"]

    def render(csrf_token):
        progress = course_progress(context)
        return render_to_string(
            "progress/includes/lesson_status.html",
            {
                "request": request,
                "lesson": lesson,
                "info": progress.lesson(lesson.pk) if progress else None,
                "csrf_token": csrf_token,
            },
        )

    return _learner_panel(context, f"lesson-status:{lesson.pk}", render)


@register.simple_tag(takes_context=True)
def quiz_panel(context, page, kind):
    """A lesson's check or a module's quiz: start, resume, or best score and retake."""
    request = context["request"]

    def render(csrf_token):
        quiz = quiz_of_page(page.pk, kind)
        progress = progress_for_request(request)  # the learner's records of every quiz, shared with the page
        record = progress.quiz_record(quiz.pk) if quiz and progress else NO_RECORD
        return render_to_string(
            "quiz/includes/quiz_panel.html",
            {
                "request": request,
                "quiz": quiz,
                "page": page,
                "is_module_quiz": kind == QuizKind.MODULE_QUIZ,
                "question_count": quiz.question_count if quiz else 0,
                "open_attempt_id": record.open_attempt_id,
                "best_score": record.best_score,
                "passed": record.passed,
                "attempt_count": record.attempts,
                "csrf_token": csrf_token,
            },
        )

    return _learner_panel(context, f"quiz:{page.pk}:{kind}", render)


@register.inclusion_tag("capstone/includes/capstone_panel.html", takes_context=True)
def capstone_panel(context, page):
    # No per-learner query here: the capstone page itself shows whether answers were submitted.
    return {"capstone": capstone_of_page(page.pk), "request": context["request"]}


def _due_reviews(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return due_reviews(request)


@register.simple_tag(takes_context=True)
def review_due_count(context):
    """How many review cards are due for the signed-in learner: one query per request, shared by
    the navigation, the page's own panels and the dashboard's list (none for visitors)."""
    queue = _due_reviews(context)
    return queue.total if queue else 0


@register.simple_tag(takes_context=True)
def review_due_list(context):
    """The dashboard's "To review": the same cards, in the same order, as the review page serves;
    kept under the review queue's key, as the navigation's links are."""
    request = context["request"]

    def render():
        return render_to_string("review/includes/due_list.html", {"queue": due_reviews(request)})

    key = queue_key(request)
    if key is None:
        return render()
    return versioned_value(f"due-list:{key}", render, QUEUE_SECONDS)


def _nav_links_html(signed_in, due_count=0):
    return render_to_string(
        "includes/nav_links.html", {"course_nav": course_navigation(), "signed_in": signed_in, "due_in_nav": due_count}
    )


@register.simple_tag(takes_context=True)
def nav_links(context):
    """The navigation's links (not the admin link and the log-out form, which depend on the
    session and its CSRF token). A signed-in learner's show their reviews due, so they are kept
    under the review queue's own key (the learner's card version, the day and the content
    version): a warm page renders none of them. Visitors' are kept per content version."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return cached_content("nav-links:visitor", lambda: _nav_links_html(signed_in=False))
    key = queue_key(request)

    def render():
        return _nav_links_html(signed_in=True, due_count=due_reviews(request).total)

    if key is None:  # page privacy narrows the queue for this request: counted afresh (queue.py)
        return render()
    return versioned_value(f"nav-links:{key}", render, QUEUE_SECONDS)
