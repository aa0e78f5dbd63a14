from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from course.operations.email import queue_email

from . import throttle

TOO_MANY_WRONG_PASSWORDS = _(
    "Too many wrong passwords for this account. Nothing was changed; please wait 15 minutes and try again."
)


class SignUpForm(UserCreationForm):
    """Whether the address already has an account is not the form's business: the view
    e-mails the address either way (a confirmation link, or a note to the owner)."""

    email = forms.EmailField(
        label=_("Email"), help_text=_("Used only to reset your password. We send a link to confirm it.")
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "email"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def save(self, commit=True):
        user = super().save(commit=False)
        user.email = ""  # recorded when the link sent to it is opened (views.confirm_email)
        if commit:
            user.save()
        return user


class ConfirmsPassword:
    """For forms that ask a signed-in user for their password: wrong answers are limited
    per account (settings.PASSWORD_CONFIRM_LIMITS), so a session left open on a shared
    computer cannot be used to guess the password. `throttled` tells the view to answer 429."""

    throttled = False

    def check_current_password(self, password, wrong_message):
        if throttle.password_checks_exhausted(self.user):
            self.throttled = True
            raise forms.ValidationError(TOO_MANY_WRONG_PASSWORDS)
        if not self.user.check_password(password):
            throttle.count_wrong_password(self.user)
            raise forms.ValidationError(wrong_message)
        return password


def current_password_field(label):
    return forms.CharField(
        label=label,
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ProfileForm(ConfirmsPassword, forms.ModelForm):
    """The display name saves at once. A new e-mail address needs the current password and
    takes effect only when the link sent to it is opened (the view sends it)."""

    password = current_password_field(_("Your password (only to change your email)"))

    class Meta:
        model = get_user_model()
        fields = ["display_name", "email", "review_reminders"]
        labels = {"review_reminders": _("E-mail me once a week when I have reviews due")}

    field_order = ["display_name", "email", "password", "review_reminders"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = self.instance
        self.saved_email = self.instance.email

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def new_email(self):
        """The address asked for, when it differs from the saved one (after cleaning)."""
        email = self.cleaned_data.get("email", self.saved_email)
        return email if email != self.saved_email.lower() else None

    def clean(self):
        cleaned = super().clean()
        if "email" in cleaned and self.new_email is not None:
            if not cleaned.get("password"):
                self.add_error("password", _("Type your password to change your email."))
                return cleaned
            try:
                self.check_current_password(
                    cleaned.get("password", ""), _("That password is not right. Your email was not changed.")
                )
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    def save(self, commit=True):
        # A new address is recorded by views.confirm_email, not here; removing it needs no link.
        self.instance.email = "" if self.new_email == "" else self.saved_email
        return super().save(commit)


class PasswordChangeForm(ConfirmsPassword, auth_forms.PasswordChangeForm):
    def clean_old_password(self):
        return self.check_current_password(self.cleaned_data["old_password"], self.error_messages["password_incorrect"])


class DeleteAccountForm(ConfirmsPassword, forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        return self.check_current_password(
            self.cleaned_data["password"], _("That password is not right. Your account was not deleted.")
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, except that the message is queued for the background worker
    (course/operations/email.py) instead of sent from the request."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = loader.render_to_string(html_email_template_name, context) if html_email_template_name else None
        queue_email(subject, body, [to_email], html=html)
