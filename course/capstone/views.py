from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from course.lessons.privacy import require_page_access

from .forms import CapstoneForm
from .models import Capstone, CapstoneResponse


@login_required
@require_http_methods(["GET", "POST"])
def capstone(request, capstone_id):
    capstone = get_object_or_404(Capstone.objects.select_related("page"), pk=capstone_id, page__live=True)
    require_page_access(request, capstone.page)
    prompts = list(capstone.prompts.all())
    response = CapstoneResponse.objects.filter(learner=request.user, capstone=capstone).first()
    editing = response is None or request.GET.get("edit") == "1" or request.method == "POST"
    form = CapstoneForm(prompts, request.POST or None, initial_answers=response.answers if response else None)
    if request.method == "POST" and form.is_valid():
        CapstoneResponse.objects.update_or_create(
            learner=request.user,
            capstone=capstone,
            defaults={"answers": form.answers(), "submitted_at": timezone.now()},
        )
        messages.success(request, _("Your answers are saved. Compare them with the model answers below."))
        return redirect("capstone:detail", capstone_id=capstone.pk)
    answered = [(prompt, response.answers.get(str(prompt.pk), "")) for prompt in prompts] if response else []
    return TemplateResponse(
        request,
        "capstone/capstone.html",
        {"capstone": capstone, "form": form, "editing": editing, "response": response, "answered": answered},
        status=400 if form.errors else 200,
    )
