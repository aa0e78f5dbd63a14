from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from markdownx.views import ImageUploadView, MarkdownifyView

from .forms import MarkdownImageForm


# django-markdownx's endpoints have no access control of their own: only staff
# (who can reach the admin editor) may preview or upload.
@staff_member_required(login_url="wagtailadmin_login")
@require_POST
def markdownify(request):
    if "content" not in request.POST:
        return HttpResponseBadRequest(_("No content to preview."))
    return MarkdownifyView.as_view()(request)


class MarkdownImageUploadView(ImageUploadView):
    """Always answers in JSON: markdownx renders a template that does not exist for a
    non-AJAX error (a 500) and redirects without saving for a non-AJAX success."""

    form_class = MarkdownImageForm

    def form_invalid(self, form):
        return JsonResponse(form.errors, status=400)

    def form_valid(self, form):
        return JsonResponse({"image_code": f"![]({form.save(commit=True)})"})


@staff_member_required(login_url="wagtailadmin_login")
@require_POST
def markdownx_upload(request):
    return MarkdownImageUploadView.as_view()(request)
