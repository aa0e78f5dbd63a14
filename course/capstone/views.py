from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from course.lessons.privacy import require_page_access

from .forms import CapstoneForm
from .models import Capstone, CapstoneDraft, CapstoneResponse
from .signals import capstone_submitted


def _live_capstone(request, capstone_id):
    """The live capstone, if the page's view restriction lets this learner see it (403 otherwise)."""
    capstone = get_object_or_404(Capstone.objects.select_related("page"), pk=capstone_id, page__live=True)
    require_page_access(request, capstone.page)
    return capstone


def _save_draft(learner, capstone, form):
    return CapstoneDraft.objects.update_or_create(
        learner=learner, capstone=capstone, defaults={"answers": form.draft_answers(), "saved_at": timezone.now()}
    )[0]


@login_required
@require_http_methods(["GET", "POST"])
def capstone(request, capstone_id):
    """The answers form (a saved draft filled in), or the submitted answers with the model answers.
    POST submits (every prompt answered) or, with action=save, keeps a draft (the no-JavaScript save)."""
    capstone = _live_capstone(request, capstone_id)
    prompts = list(capstone.prompts.all())
    response = CapstoneResponse.objects.filter(learner=request.user, capstone=capstone).first()
    draft = CapstoneDraft.objects.filter(learner=request.user, capstone=capstone).first()
    posted = request.method == "POST"
    saving = posted and request.POST.get("action") == "save"
    editing = response is None or draft is not None or request.GET.get("edit") == "1" or posted
    initial = draft.answers if draft else (response.answers if response else None)
    form = CapstoneForm(prompts, request.POST if posted else None, initial_answers=initial, draft=saving)
    if posted and form.is_valid():
        if saving:
            _save_draft(request.user, capstone, form)
            messages.success(request, _("Your draft is saved. Come back to it at any time; submit when it is ready."))
            return redirect("capstone:detail", capstone_id=capstone.pk)
        with transaction.atomic():
            CapstoneResponse.objects.update_or_create(
                learner=request.user,
                capstone=capstone,
                defaults={"answers": form.answers(), "submitted_at": timezone.now()},
            )
            CapstoneDraft.objects.filter(learner=request.user, capstone=capstone).delete()
            capstone_submitted.send(sender=CapstoneResponse, learner=request.user)
        messages.success(request, _("Your answers are saved. Compare them with the model answers below."))
        return redirect("capstone:detail", capstone_id=capstone.pk)
    answered = [(prompt, response.answers.get(str(prompt.pk), "")) for prompt in prompts] if response else []
    return TemplateResponse(
        request,
        "capstone/capstone.html",
        {
            "capstone": capstone,
            "form": form,
            "editing": editing,
            "response": response,
            "draft": draft,
            "answered": answered,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def autosave(request, capstone_id):
    """Saves the answers typed so far as the learner's draft (JSON: 200 saved, 400 too long)."""
    capstone = _live_capstone(request, capstone_id)
    form = CapstoneForm(list(capstone.prompts.all()), request.POST, draft=True)
    if not form.is_valid():
        return JsonResponse({"message": _("Keep each answer to 5,000 characters or fewer.")}, status=400)
    draft = _save_draft(request.user, capstone, form)
    return JsonResponse({"saved_at": draft.saved_at.isoformat()})
