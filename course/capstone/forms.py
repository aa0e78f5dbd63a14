from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_ANSWER_LENGTH


class CapstoneForm(forms.Form):
    """One textarea per prompt, named prompt-<id>: each required to submit, any may be empty in a draft."""

    def __init__(self, prompts, *args, initial_answers=None, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.prompts = list(prompts)
        initial_answers = initial_answers or {}
        for number, prompt in enumerate(self.prompts, start=1):
            self.fields[f"prompt-{prompt.pk}"] = forms.CharField(
                label=_("Your answer to prompt %(n)s") % {"n": number},
                widget=forms.Textarea(attrs={"rows": 8}),
                max_length=MAX_ANSWER_LENGTH,
                required=not draft,
                initial=initial_answers.get(str(prompt.pk), ""),
                error_messages={"required": _("Write an answer to this prompt before you submit.")},
            )

    def answers(self):
        return {str(prompt.pk): self.cleaned_data[f"prompt-{prompt.pk}"].strip() for prompt in self.prompts}

    def draft_answers(self):
        """The non-empty answers, as typed (a draft keeps the learner's spacing)."""
        return {
            str(prompt.pk): self.cleaned_data[f"prompt-{prompt.pk}"]
            for prompt in self.prompts
            if self.cleaned_data[f"prompt-{prompt.pk}"].strip()
        }
