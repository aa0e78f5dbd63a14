"""The views of one class in the Wagtail admin: overview (join code, learners,
invitations), due dates, the class grid, one learner's page, an attempt as the
learner took it, and feedback on capstone answers (the grid's exports are in
export_views.py). Every view loads the class through privacy.class_for_instructor:
404 unless the user teaches it."""

from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from course.capstone.models import CapstonePrompt, CapstoneResponse
from course.progress.standing import course_structure, learner_progress
from course.quiz.models import Attempt
from course.quiz.views import reviewed_paper
from course.review.models import ReviewCard

from .forms import AddLearnersForm, DueDatesForm, FeedbackForm, live_modules
from .grid import build_grid, sort_rows
from .joining import add_by_email, join_url, leave
from .models import CapstoneFeedback, Membership, ModuleDueDate
from .privacy import class_for_instructor, learner_in_class


def class_url(name, course_class, *args):
    return reverse(f"classes_admin:{name}", args=[course_class.pk, *args])


class ClassPageView(WagtailAdminTemplateMixin, TemplateView):
    """A page about one class the user teaches."""

    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.course_class = class_for_instructor(request.user, kwargs["class_id"])

    def get_page_title(self):
        return self.course_class.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("classes_admin:index"), "label": _("Classes")},
            {"url": class_url("class", self.course_class), "label": self.course_class.name},
            *([{"url": "", "label": self.get_page_subtitle()}] if self.get_page_subtitle() else []),
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(course_class=self.course_class, **kwargs)


class ClassOverviewView(ClassPageView):
    template_name = "classes/admin/class.html"

    def get_context_data(self, add_form=None, **kwargs):
        course_class = self.course_class
        memberships = (
            Membership.objects.filter(course_class=course_class).select_related("learner").order_by("learner__username")
        )
        return super().get_context_data(
            join_link=join_url(self.request, course_class),
            instructors=course_class.instructors.order_by("username"),
            memberships=memberships,
            invitations=course_class.invitations.order_by("email"),
            add_form=add_form or AddLearnersForm(),
            **kwargs,
        )


@require_POST
def add_learners(request, class_id):
    course_class = class_for_instructor(request.user, class_id)
    form = AddLearnersForm(request.POST)
    if not form.is_valid():
        view = ClassOverviewView()
        view.setup(request, class_id=class_id)
        response = view.render_to_response(view.get_context_data(add_form=form))
        response.status_code = 400
        return response
    added, already_in, invited = add_by_email(request, course_class, form.cleaned_data["emails"])
    if added:
        messages.success(request, _("Added to the class: %(list)s.") % {"list": ", ".join(added)})
    if already_in:
        messages.info(request, _("Already in the class: %(list)s.") % {"list": ", ".join(already_in)})
    if invited:
        messages.success(request, _("Invited by e-mail (no account yet): %(list)s.") % {"list": ", ".join(invited)})
    return redirect(class_url("class", course_class))


@require_POST
def remove_learner(request, class_id, learner_id):
    course_class = class_for_instructor(request.user, class_id)
    learner = learner_in_class(course_class, learner_id)
    leave(learner, course_class)
    messages.success(
        request,
        _("%(name)s is no longer in the class; their own progress is unchanged.") % {"name": learner.name_for_display},
    )
    return redirect(class_url("class", course_class))


class DueDatesView(ClassPageView):
    template_name = "classes/admin/due_dates.html"
    page_subtitle = gettext_lazy("Due dates")

    def get_form(self):
        modules = live_modules()
        initial = dict(ModuleDueDate.objects.filter(course_class=self.course_class).values_list("module_id", "due_at"))
        data = self.request.POST if self.request.method == "POST" else None
        return DueDatesForm(data, modules=modules, initial_due=initial)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 400
            return response
        with transaction.atomic():
            for module_id, due_at in form.due_dates().items():
                if due_at is None:
                    ModuleDueDate.objects.filter(course_class=self.course_class, module_id=module_id).delete()
                else:
                    ModuleDueDate.objects.update_or_create(
                        course_class=self.course_class, module_id=module_id, defaults={"due_at": due_at}
                    )
        messages.success(request, _("Due dates saved. They are shown to learners; they never lock anything."))
        return redirect(class_url("class", self.course_class))


def _grid_for(request, course_class):
    module_id = request.GET.get("module", "")
    grid = build_grid(course_class, module_id=int(module_id) if module_id.isdigit() else None)
    return grid


SORT_LABELS = {"name": gettext_lazy("Learner"), "progress": gettext_lazy("Progress"), "late": gettext_lazy("Late")}


class ClassGridView(ClassPageView):
    template_name = "classes/admin/grid.html"
    page_subtitle = gettext_lazy("Class grid")

    def get_context_data(self, **kwargs):
        grid = _grid_for(self.request, self.course_class)
        sort = self.request.GET.get("sort", "name")
        grid.rows = sort_rows(grid.rows, sort)
        label_cells(grid)
        base = f"?module={grid.module['id']}&" if grid.module else "?"
        column_sorts = [(f"col{index}", column) for index, column in enumerate(grid.columns)]
        return super().get_context_data(
            grid=grid,
            sort=sort,
            base_query=base,
            column_sorts=column_sorts,
            modules=course_structure(),
            late_label=_("Late"),
            **kwargs,
        )


STATE_LABELS = {
    "complete": gettext_lazy("✓ Complete"),
    "in_progress": gettext_lazy("◐ In progress"),
    "not_started": gettext_lazy("– Not started"),
}


def label_cells(grid):
    """Each cell's words, translated once per grid rather than once per cell in the template
    (a class of 500 is 3,500 cells)."""
    states = {state: str(label) for state, label in STATE_LABELS.items()}
    best = _("best %(score)s%%")
    for row in grid.rows:
        for cell in row.cells:
            cell.label = states[cell.state]
            cell.score_label = "" if cell.best_score is None else best % {"score": f"{cell.best_score:.0f}"}


def time_spent(attempts):
    """Time on submitted quizzes: from start to submission, each attempt capped at two
    hours (a tab left open overnight is not study)."""
    cap = timedelta(hours=2)
    return sum(
        (min(attempt.submitted_at - attempt.started_at, cap) for attempt in attempts if attempt.submitted_at),
        timedelta(),
    )


class LearnerPageView(ClassPageView):
    """A page about one learner of the class: 404 for anyone not in it."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.learner = learner_in_class(self.course_class, kwargs["learner_id"])

    def get_page_subtitle(self):
        return self.learner.name_for_display

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            learner=self.learner, learner_url=class_url("learner", self.course_class, self.learner.pk), **kwargs
        )


class LearnerView(LearnerPageView):
    """One learner of the class: progress, every attempt, time spent, reviews due and
    capstone answers with the instructors' feedback."""

    template_name = "classes/admin/learner.html"

    def get_context_data(self, bound_form=None, **kwargs):
        learner = self.learner
        attempts = list(Attempt.objects.filter(learner=learner).select_related("quiz").order_by("-started_at"))
        today = timezone.localdate()
        responses = list(
            CapstoneResponse.objects.filter(learner=learner).select_related("capstone").order_by("capstone_id")
        )
        prompts = {}
        for prompt in CapstonePrompt.objects.filter(capstone__in=[r.capstone_id for r in responses]).order_by(
            "capstone_id", "sort_order", "pk"
        ):
            prompts.setdefault(prompt.capstone_id, []).append(prompt)
        feedback = {
            (item.response_id, item.prompt_id): item
            for item in CapstoneFeedback.objects.filter(response__in=responses).select_related("author")
        }
        capstones = []
        for response in responses:
            answers = []
            for prompt in prompts.get(response.capstone_id, []):
                existing = feedback.get((response.pk, prompt.pk))
                if bound_form and bound_form[0] == (response.pk, prompt.pk):
                    form = bound_form[1]
                else:
                    form = FeedbackForm(
                        initial={"comment": existing.comment, "verdict": existing.verdict} if existing else None,
                        prefix=f"fb-{response.pk}-{prompt.pk}",
                    )
                answers.append(
                    {
                        "prompt": prompt,
                        "answer": response.answers.get(str(prompt.pk), ""),
                        "feedback": existing,
                        "revised_since": bool(existing and response.submitted_at > existing.updated_at),
                        "form": form,
                        "action": class_url("feedback", self.course_class, learner.pk, response.pk, prompt.pk),
                    }
                )
            capstones.append({"response": response, "answers": answers})
        return super().get_context_data(
            progress=learner_progress(learner),
            attempts=attempts,
            minutes_spent=round(time_spent(attempts).total_seconds() / 60),
            reviews_due=ReviewCard.objects.filter(learner=learner, due_on__lte=today).count(),
            capstones=capstones,
            **kwargs,
        )


class AttemptReviewView(LearnerPageView):
    """An attempt as the learner took it: the quiz app's own review list."""

    template_name = "classes/admin/attempt.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.attempt = get_object_or_404(
            Attempt.objects.select_related("quiz", "learner"),
            pk=kwargs["attempt_id"],
            learner=self.learner,
            submitted_at__isnull=False,
        )

    def get_page_subtitle(self):
        return f"{self.learner.name_for_display}: {self.attempt.quiz.title}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            attempt=self.attempt,
            quiz=self.attempt.quiz,
            paper=reviewed_paper(self.attempt),
            for_instructor=True,
            **kwargs,
        )


@require_POST
def give_feedback(request, class_id, learner_id, response_id, prompt_id):
    course_class = class_for_instructor(request.user, class_id)
    learner = learner_in_class(course_class, learner_id)
    response = get_object_or_404(CapstoneResponse, pk=response_id, learner=learner)
    prompt = get_object_or_404(CapstonePrompt, pk=prompt_id, capstone_id=response.capstone_id)
    form = FeedbackForm(request.POST, prefix=f"fb-{response.pk}-{prompt.pk}")
    if not form.is_valid():
        view = LearnerView()
        view.setup(request, class_id=class_id, learner_id=learner_id)
        page = view.render_to_response(view.get_context_data(bound_form=((response.pk, prompt.pk), form)))
        page.status_code = 400
        return page
    CapstoneFeedback.objects.update_or_create(
        response=response,
        prompt=prompt,
        defaults={
            "learner": learner,
            "author": request.user,
            "comment": form.cleaned_data["comment"],
            "verdict": form.cleaned_data["verdict"],
            "updated_at": timezone.now(),
        },
    )
    messages.success(
        request, _("Feedback saved: %(name)s sees it on the capstone page.") % {"name": learner.name_for_display}
    )
    return redirect(f"{class_url('learner', course_class, learner.pk)}#feedback-{response.pk}-{prompt.pk}")
