from zoneinfo import available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateTimeInput

from course.lessons.models import ModulePage

from .models import MAX_FEEDBACK_LENGTH, Verdict

MAX_ADDRESSES = 200


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=40,
        help_text=_("The code your instructor gave you: eight letters and digits."),
    )


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Your time zone"), help_text=_("Due dates are shown in this time zone."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class AddLearnersForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One or more addresses, separated by commas or new lines. Learners with an account join the class; "
            "the others get an e-mail inviting them to sign up and join."
        ),
    )

    def clean_emails(self):
        addresses = []
        for part in self.cleaned_data["emails"].replace(",", "\n").replace(";", "\n").split():
            try:
                validate_email(part)
            except ValidationError as error:
                raise ValidationError(_("“%(address)s” is not an e-mail address.") % {"address": part}) from error
            if part.lower() not in addresses:
                addresses.append(part.lower())
        if len(addresses) > MAX_ADDRESSES:
            raise ValidationError(_("At most %(n)d addresses at once.") % {"n": MAX_ADDRESSES})
        return addresses


class DueDatesForm(forms.Form):
    """One optional due moment per live module, in the instructor's admin time zone."""

    def __init__(self, *args, modules, initial_due, **kwargs):
        super().__init__(*args, **kwargs)
        self.modules = modules
        for module in modules:
            self.fields[f"module_{module.pk}"] = forms.DateTimeField(
                label=f"{module.number}. {module.title}",
                required=False,
                widget=AdminDateTimeInput,
                initial=initial_due.get(module.pk),
            )

    def due_dates(self):
        """{module id: due moment or None}."""
        return {module.pk: self.cleaned_data.get(f"module_{module.pk}") for module in self.modules}


def live_modules():
    return list(ModulePage.objects.live().order_by("path").only("id", "title", "number"))


class FeedbackForm(forms.Form):
    comment = forms.CharField(
        label=_("Feedback"), max_length=MAX_FEEDBACK_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    verdict = forms.ChoiceField(label=_("Verdict"), choices=[("", _("No verdict")), *Verdict.choices], required=False)
