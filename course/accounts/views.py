import json

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .email_confirmation import InvalidLink, account_with_email, read_token, send_confirmation
from .forms import DeleteAccountForm, PasswordChangeForm, PasswordResetForm, ProfileForm, SignUpForm
from .throttle import allow_password_reset, allow_signup, retry_after
from .unsubscribe import InvalidUnsubscribeLink, account_for_token, unsubscribe


def notice(request, heading, message, status, retry_seconds=None):
    """A short page in the site's style: a refusal or a link that did not work."""
    response = TemplateResponse(
        request, "accounts/notice.html", {"heading": heading, "message": message}, status=status
    )
    return retry_after(response, retry_seconds) if retry_seconds else response


def form_status(form):
    """429 when a password form refused for too many wrong passwords, 400 for other errors."""
    if getattr(form, "throttled", False):
        return 429
    return 400 if form.errors else 200


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("progress:dashboard")
    # Not `request.POST or None`: a POST with no fields is a submission, and must get its errors.
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not allow_signup(request):
            limit_window = settings.SIGNUP_LIMITS["address"][1]
            message = _("We have had too many sign-ups from your network lately. Please wait an hour and try again.")
            return notice(request, _("Too many sign-ups"), message, 429, retry_seconds=limit_window)
        email = form.cleaned_data["email"]
        user = form.save()
        # The same answer whether or not the address has an account (email_confirmation.py).
        send_confirmation(request, user, email)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        messages.info(request, _("We sent a link to %(email)s: open it to confirm your address.") % {"email": email})
        return redirect(request.GET.get("next") if _safe_next(request) else "/")
    return TemplateResponse(request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200)


def _safe_next(request):
    from django.utils.http import url_has_allowed_host_and_scheme

    next_url = request.GET.get("next", "")
    return bool(next_url) and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        new_email = form.new_email
        form.save()
        messages.success(request, _("Your profile is saved."))
        if new_email:
            send_confirmation(request, request.user, new_email)
            message = _("We sent a link to %(email)s. Your email changes when you open it.") % {"email": new_email}
            messages.info(request, message)
        return redirect("accounts:profile")
    return TemplateResponse(request, "accounts/profile.html", {"form": form}, status=form_status(form))


@login_required
def confirm_email(request, token):
    heading = _("This link does not work")
    try:
        user_id, email = read_token(token)
    except InvalidLink:
        message = _("The link is incomplete or more than three days old. Enter your email on your profile again.")
        return notice(request, heading, message, 400)
    if user_id != request.user.pk:
        message = _("The link is for another account. Log out, then log in to the account you signed up with.")
        return notice(request, heading, message, 400)
    if account_with_email(email, exclude=request.user) is not None:
        # Only the mailbox's owner has this link, so saying so reveals nothing to anyone else.
        return notice(request, heading, _("Another account has started using this address since."), 400)
    request.user.email = email
    request.user.save(update_fields=["email"])
    messages.success(request, _("Your email address %(email)s is confirmed.") % {"email": email})
    return redirect("accounts:profile")


@never_cache  # the page shows whether the reminder is on now
@csrf_exempt  # the signed token proves the recipient sent it (unsubscribe.py); mail clients send no token
@require_http_methods(["GET", "POST"])
def unsubscribe_reminders(request, token):
    try:
        user = account_for_token(token)
    except InvalidUnsubscribeLink:
        heading = _("This unsubscribe link does not work")
        message = _(
            "The link is incomplete or was changed. Nothing was changed. Copy the whole link from the e-mail, "
            "or sign in and untick the weekly e-mail on your profile."
        )
        return notice(request, heading, message, 400)
    if request.method == "POST":
        unsubscribe(user)
        return TemplateResponse(request, "accounts/unsubscribed.html", {})
    return TemplateResponse(request, "accounts/unsubscribe_confirm.html", {"subscribed": user.review_reminders})


def learner_data(user):
    """Everything the site holds about a learner: the profile plus each app's
    `export_learner_data` (accounts does not need to know the other apps)."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "username": user.username,
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "review_reminders": user.review_reminders,
            "date_joined": user.date_joined.isoformat(),
        },
    }
    for config in apps.get_app_configs():
        exporter = getattr(config, "export_learner_data", None)
        if exporter:
            data.update(exporter(user))
    return data


@login_required
def export_data(request):
    response = HttpResponse(
        json.dumps(learner_data(request.user), indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="alliances-and-arms-{request.user.username}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            logout(request)
            user.delete()  # cascades to attempts, responses, completions and the certificate
        messages.success(request, _("Your account and all your learning records are deleted."))
        return redirect("/")
    return TemplateResponse(request, "accounts/delete_account.html", {"form": form}, status=form_status(form))


class BadRequestOnFormErrors:
    """Django's auth views answer a form with errors with 200; like every other form
    here, they say 400 so a wrong password or a bad address is not a success."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = form_status(form)
        return response


class LoginView(BadRequestOnFormErrors, auth_views.LoginView):
    redirect_authenticated_user = True


class PasswordChangeView(BadRequestOnFormErrors, auth_views.PasswordChangeView):
    form_class = PasswordChangeForm


class PasswordResetView(BadRequestOnFormErrors, auth_views.PasswordResetView):
    form_class = PasswordResetForm

    def form_valid(self, form):
        # Checked before anything is sent: a flood of requests sends no flood of email.
        if not allow_password_reset(self.request, form.cleaned_data["email"]):
            return TemplateResponse(self.request, "registration/password_reset_throttled.html", status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(BadRequestOnFormErrors, auth_views.PasswordResetConfirmView):
    pass


@require_POST
def logout_view(request):
    logout(request)
    return redirect("/")
